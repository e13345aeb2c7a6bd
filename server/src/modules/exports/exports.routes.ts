import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { failures } from '../../platform/api-schemas.js';
import { requireViewer } from '../../platform/auth/auth.plugin.js';
import type { Viewer } from '../../platform/auth/viewer.js';
import type { AppContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { invalidInput } from '../../platform/errors.js';
import { tableWorkbook, workbookHeaders, xlsxAnswer, type FilledSheet } from '../../platform/table-workbook.js';
import { formatChineseDate } from '../deadline/chinese-date.js';
import { chinaToday } from '../deadline/deadline.workflow.js';
import { childrenOf, dashboardOf, trendsOf } from '../figures/figures.dashboard.js';
import { scopeOf } from '../figures/figures.dashboard.routes.js';
import { dashboardQuery } from '../figures/figures.dashboard.schemas.js';
import { unitFigures } from '../figures/figures.units.js';
import { loadRules } from '../handling-rules/handling-rules.repository.js';
import { listPromises } from '../ledger/ledger.repository.js';
import { ledgerQuery } from '../ledger/ledger.schemas.js';
import { listSuggestions } from '../suggestion/suggestion.list.js';
import { listQuery } from '../suggestion/suggestion.schemas.js';
import { childrenSheet, classesSheet, mainFiguresSheet, trendsSheet, unitsSheet } from './figures.sheets.js';
import { ledgerSheet } from './ledger.sheet.js';
import { suggestionsSheet } from './suggestions.sheet.js';

// The lists and figures out to Excel. Each export reads through the same function as the
// page it comes from (the list, the ledger, the dashboard), so it holds exactly what the
// viewer may see there, never more.

const EXPORT_LIMIT = 20_000;
const tags = ['导出'];

async function congressName(db: Executor, viewer: Viewer, congressId = viewer.grant.congressId): Promise<string> {
  const row = await db.selectFrom('congress').select('name').where('id', '=', congressId).executeTakeFirstOrThrow();
  return row.name;
}

function tooMany(total: number, what: string): never {
  throw invalidInput(`符合条件的${what}有${total}件，超过一次导出的上限${EXPORT_LIMIT}件，请缩小筛选范围`);
}

export const exportRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    /** Sets the download's headers; the workbook is the answer. */
    const send = async (
      reply: { headers(h: Record<string, string>): unknown },
      fileName: string,
      sheets: FilledSheet[],
    ): Promise<Buffer> => {
      reply.headers(workbookHeaders(fileName));
      return tableWorkbook(fileName.replace(/\.xlsx$/, ''), sheets);
    };

    app.get(
      '/suggestions/export',
      {
        schema: {
          tags,
          operationId: 'exportSuggestions',
          summary: '导出建议清单（Excel）',
          description: `筛选条件同 GET /api/suggestions（不分页），只含当前用户可见的建议，至多 ${EXPORT_LIMIT} 件；超过时答复 400。`,
          querystring: listQuery.omit({ page: true, pageSize: true }),
          response: { 200: xlsxAnswer('建议清单 .xlsx'), ...failures(400, 401) },
        },
      },
      async (request, reply) => {
        const viewer = requireViewer(request);
        const nearDueDays =
          request.query.nearDue === 'true'
            ? (await loadRules(ctx.db, viewer.grant.congressId)).rules.nearDueDays
            : undefined;
        const today = chinaToday(ctx.clock.now());
        const list = await listSuggestions(
          ctx.db,
          viewer,
          { ...request.query, page: 1, pageSize: EXPORT_LIMIT + 1 },
          today,
          nearDueDays,
        );
        if (list.total > EXPORT_LIMIT) tooMany(list.total, '建议');
        const name = await congressName(ctx.db, viewer);
        const caption = `${name}代表建议清单（${formatChineseDate(today)}导出，共${list.total}件）`;
        return send(reply, `${name}代表建议清单.xlsx`, [suggestionsSheet(list.items, caption)]);
      },
    );

    app.get(
      '/promises/export',
      {
        schema: {
          tags,
          operationId: 'exportPromises',
          summary: '导出承诺台账（Excel）',
          description: `筛选条件同 GET /api/promises（不分页），只含当前用户可见的承诺事项，至多 ${EXPORT_LIMIT} 项。`,
          querystring: ledgerQuery.omit({ page: true, pageSize: true }),
          response: { 200: xlsxAnswer('承诺台账 .xlsx'), ...failures(400, 401) },
        },
      },
      async (request, reply) => {
        const viewer = requireViewer(request);
        const ledger = await listPromises(
          ctx.db,
          viewer,
          { ...request.query, page: 1, pageSize: EXPORT_LIMIT + 1 },
          ctx.clock,
        );
        if (ledger.total > EXPORT_LIMIT) tooMany(ledger.total, '承诺事项');
        const unit = viewer.grant.unitId
          ? await ctx.db
              .selectFrom('handling_unit')
              .select('name')
              .where('id', '=', viewer.grant.unitId)
              .executeTakeFirst()
          : undefined;
        const owner = unit?.name ?? (await congressName(ctx.db, viewer));
        const today = formatChineseDate(chinaToday(ctx.clock.now()));
        const caption = `${owner}承诺事项台账（${today}导出，共${ledger.total}项）`;
        return send(reply, `${owner}承诺台账.xlsx`, [ledgerSheet(ledger.items, caption)]);
      },
    );

    app.get(
      '/figures/export',
      {
        schema: {
          tags,
          operationId: 'exportFigures',
          summary: '导出统计数字（Excel）：主要数字、答复分类、各承办单位、历年趋势、下级人大',
          description:
            '条件同 GET /api/figures/dashboard；每张图表的数字一个工作表，与页面一致。下级人大只得到汇总数字（无各承办单位表）；有下级人大时附下级人大并列与合计。',
          querystring: dashboardQuery,
          response: { 200: xlsxAnswer('统计数字 .xlsx'), ...failures(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const viewer = requireViewer(request);
        const { view, resolved, today } = await scopeOf(ctx, viewer, request.query);
        const dashboard = await dashboardOf(ctx.db, resolved, view.mayOpenLists);
        const sheets = [mainFiguresSheet(dashboard), classesSheet(dashboard)];
        if (view.mayOpenLists)
          sheets.push(unitsSheet(await unitFigures(ctx.db, resolved.scope), dashboard.cohortLabel, dashboard.asOf));
        sheets.push(trendsSheet(await trendsOf(ctx.db, resolved)));
        if (Object.keys(view.forced).length === 0) {
          const asOf = dashboard.asOf;
          const children = await childrenOf(ctx.db, dashboard.congressId, Number(asOf.slice(0, 4)), asOf, today);
          if (children.children.length > 0) sheets.push(childrenSheet(children));
        }
        const name = await congressName(ctx.db, viewer, dashboard.congressId);
        return send(reply, `${name}代表建议办理情况统计（${dashboard.cohortLabel}）.xlsx`, sheets);
      },
    );
  };
