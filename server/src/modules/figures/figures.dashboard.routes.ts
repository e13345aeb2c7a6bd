import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { failures } from '../../platform/api-schemas.js';
import { requireViewer } from '../../platform/auth/auth.plugin.js';
import type { Viewer } from '../../platform/auth/viewer.js';
import type { AppContext } from '../../platform/context.js';
import { forbidden } from '../../platform/errors.js';
import { sameShape } from '../../platform/schema-shape.js';
import { chinaToday } from '../deadline/deadline.workflow.js';
import { resolveScope } from './figures.cohort.js';
import { childrenOf, dashboardOf, reportOf, trendsOf } from './figures.dashboard.js';
import {
  childrenTable,
  dashboardFigures,
  reportBody,
  dashboardQuery,
  drillPage,
  drillQuery,
  topicAnalysisQuery,
  trendTable,
  unitTable,
  type DashboardQuery,
} from './figures.dashboard.schemas.js';
import { figureDefinitions, levelOf, type DrillKey, type FigureKey } from './figures.definitions.js';
import { drillDown } from './figures.drill.js';
import { figuresViewOf, filtersWithin } from './figures.policy.js';
import { unitFigures } from './figures.units.js';
import { reportDocx } from './figures.report-docx.js';
import { topicAnalysisText } from './topic-analysis.js';
import { topicAnalysisDocx } from './topic-analysis.docx.js';
import { topicAnalysisData } from './topic-analysis.repository.js';
import { z as zod } from 'zod';

sameShape<zod.output<typeof dashboardFigures>, Awaited<ReturnType<typeof dashboardOf>>>();
sameShape<zod.output<typeof unitTable>['units'][number], Awaited<ReturnType<typeof unitFigures>>[number]>();
sameShape<zod.output<typeof trendTable>, Awaited<ReturnType<typeof trendsOf>>>();
sameShape<zod.output<typeof childrenTable>, Awaited<ReturnType<typeof childrenOf>>>();

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const docxContent = zod.custom<Buffer>((v) => Buffer.isBuffer(v)).meta({ type: 'string', format: 'binary' });

/** The report is the office's (and its leaders') own, of its own congress as a whole. */
function ensureMayWriteReport(viewer: Viewer) {
  if (viewer.grant.role !== 'liaison_office' && viewer.grant.role !== 'leader') {
    throw forbidden('年度督办汇报由联工委生成');
  }
}

/** The file's name in the download dialog, in Chinese (RFC 5987, as browsers take it). */
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(`${name}.docx`)}`;

const description =
  '口径见 docs/counting-rules.md。联工委与常委会领导看本级全部，政府办公厅看本系统，承办单位看本单位，专门委员会看对口领域；上级人大只看下级人大的汇总数字。';

/** The viewer's scope of one request: congress, cohort, day and filters within its rights. */
export async function scopeOf(ctx: AppContext, viewer: Viewer, q: DashboardQuery) {
  const congressId = q.congressId ?? viewer.grant.congressId;
  const view = await figuresViewOf(ctx.db, viewer, congressId);
  const filters = filtersWithin(view, {
    unitSystemId: q.unitSystemId,
    unitId: q.unitId,
    categoryCode: q.categoryCode,
    delegationId: q.delegationId,
    isKey: q.isKey === undefined ? undefined : q.isKey === 'true',
  });
  const today = chinaToday(ctx.clock.now());
  const resolved = await resolveScope(ctx.db, congressId, q, filters, today);
  return { view, resolved, today };
}

export const figuresDashboardRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/figures/dashboard',
      {
        schema: {
          tags: ['统计'],
          operationId: 'getDashboardFigures',
          summary: '办理情况统计：年度督办报告的全部数字，与上年同期比较',
          description,
          querystring: dashboardQuery,
          response: { 200: dashboardFigures, ...failures(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const { view, resolved } = await scopeOf(ctx, requireViewer(request), request.query);
        return dashboardOf(ctx.db, resolved, view.mayOpenLists);
      },
    );

    app.get(
      '/figures/drill',
      {
        schema: {
          tags: ['统计'],
          operationId: 'getFigureList',
          summary: '数字背后的清单：建议、答复函（分类件数）或承办记录（主办、会办件数），总数等于该数字',
          description,
          querystring: drillQuery,
          response: { 200: drillPage, ...failures(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const { key, limit, offset, ...q } = request.query;
        const { view, resolved } = await scopeOf(ctx, requireViewer(request), q);
        if (!view.mayOpenLists) throw forbidden('下级人大只提供汇总数字，不能查看清单');
        const drillKey = key as DrillKey;
        const page = await drillDown(ctx.db, resolved.scope, drillKey, { limit, offset });
        const label = key.startsWith('class.') ? `${key.slice(6)}类答复` : figureDefinitions[key as FigureKey].label;
        return { key, label, level: levelOf(drillKey), ...page };
      },
    );

    app.get(
      '/figures/units',
      {
        schema: {
          tags: ['统计'],
          operationId: 'getUnitFigures',
          summary: '各承办单位：主办、会办件数（办理大户），按时答复率，满意度',
          description,
          querystring: dashboardQuery,
          response: { 200: unitTable, ...failures(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const { view, resolved } = await scopeOf(ctx, requireViewer(request), request.query);
        if (!view.mayOpenLists) throw forbidden('下级人大只提供汇总数字，不能查看各承办单位');
        return {
          cohortLabel: resolved.label,
          asOf: resolved.scope.asOf,
          units: await unitFigures(ctx.db, resolved.scope),
        };
      },
    );

    app.get(
      '/figures/trends',
      {
        schema: {
          tags: ['统计'],
          operationId: 'getFigureTrends',
          summary: '历年趋势：每次会议的建议在距开幕同样天数时的数字',
          description,
          querystring: dashboardQuery,
          response: { 200: trendTable, ...failures(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const { resolved } = await scopeOf(ctx, requireViewer(request), request.query);
        return trendsOf(ctx.db, resolved);
      },
    );

    app.get(
      '/figures/children',
      {
        schema: {
          tags: ['统计'],
          operationId: 'getChildrenFigures',
          summary: '下级人大并列与合计（多级联动，只有汇总数字）',
          description,
          querystring: dashboardQuery.pick({ congressId: true, year: true, asOf: true }),
          response: { 200: childrenTable, ...failures(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        const congressId = request.query.congressId ?? viewer.grant.congressId;
        const view = await figuresViewOf(ctx.db, viewer, congressId);
        if (Object.keys(view.forced).length > 0) throw forbidden('当前角色无权查看下级人大的数字');
        const today = chinaToday(ctx.clock.now());
        const asOf = request.query.asOf ?? today;
        return childrenOf(ctx.db, congressId, request.query.year ?? Number(asOf.slice(0, 4)), asOf, today);
      },
    );

    app.get(
      '/figures/report',
      {
        schema: {
          tags: ['统计'],
          operationId: 'getSupervisionReportText',
          summary: '年度督办工作汇报的统计部分（按2020年汇报的措辞和顺序，由统计数字生成）',
          description: `联工委与常委会领导可用。${description}`,
          querystring: dashboardQuery,
          response: { 200: reportBody, ...failures(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        ensureMayWriteReport(viewer);
        const { resolved } = await scopeOf(ctx, viewer, request.query);
        return (await reportOf(ctx.db, resolved)).text;
      },
    );

    app.get(
      '/figures/report.docx',
      {
        schema: {
          tags: ['统计'],
          operationId: 'getSupervisionReportDocx',
          summary: '年度督办工作汇报的统计部分（Word）',
          description: `联工委与常委会领导可用。${description}`,
          querystring: dashboardQuery,
          response: {
            200: { description: '汇报 .docx', content: { [DOCX]: { schema: docxContent } } },
            ...failures(400, 401, 403, 404),
          },
        },
      },
      async (request, reply) => {
        const viewer = requireViewer(request);
        ensureMayWriteReport(viewer);
        const { resolved, today } = await scopeOf(ctx, viewer, request.query);
        const { text, organ } = await reportOf(ctx.db, resolved);
        const content = await reportDocx(text, organ, today);
        return reply
          .header('content-type', DOCX)
          .header('content-disposition', attachment(text.title))
          .header('x-content-type-options', 'nosniff')
          .send(content);
      },
    );

    app.get(
      '/figures/topic-analysis.docx',
      {
        schema: {
          tags: ['统计'],
          operationId: 'getTopicAnalysisDocx',
          summary:
            '会后代表建议内容分析（Word）：按类别、按代表团的件数，各类建议关注的主要问题，各专门委员会对口建议清单',
          description:
            '联工委与常委会领导可用。统计这次会议大会期间立案的建议（不含闭会期间建议和上年转来的建议）；代表团为领衔代表提出建议时所在代表团；' +
            '关键词由各类建议的标题和正文分词后按 TF-IDF 提取；专门委员会按类别管理中设定的对口关系。' +
            '不带 sessionId 为本届当前会议；其他人大的会议答复 404，下级人大（congressId）只有汇总数字，答复 403。',
          querystring: topicAnalysisQuery,
          response: {
            200: { description: '建议内容分析 .docx', content: { [DOCX]: { schema: docxContent } } },
            ...failures(400, 401, 403, 404),
          },
        },
      },
      async (request, reply) => {
        const viewer = requireViewer(request);
        ensureMayWriteReport(viewer);
        const congressId = request.query.congressId ?? viewer.grant.congressId;
        const view = await figuresViewOf(ctx.db, viewer, congressId);
        if (!view.mayOpenLists) throw forbidden('下级人大只提供汇总数字，不能生成含建议清单的内容分析');
        const data = await topicAnalysisData(ctx.db, congressId, request.query.sessionId);
        const text = topicAnalysisText(data.input);
        const content = await topicAnalysisDocx(text, data.organ, chinaToday(ctx.clock.now()));
        return reply
          .header('content-type', DOCX)
          .header('content-disposition', attachment(text.title))
          .header('x-content-type-options', 'nosniff')
          .send(content);
      },
    );
  };
