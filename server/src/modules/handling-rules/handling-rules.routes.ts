import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit.js';
import { requireViewer } from '../../platform/auth/auth.plugin.js';
import { requireRole } from '../../platform/auth/roles.js';
import type { AppContext } from '../../platform/context.js';
import { invalidInput, staleVersion } from '../../platform/errors.js';
import { calendarYearBody, handlingRulesSchema } from './handling-rules.schemas.js';
import { loadCalendarEntries, loadRules, replaceCalendarYear, saveRules } from './handling-rules.repository.js';

const yearParam = z.object({ year: z.coerce.number().int().min(2000, '年份不正确').max(2100, '年份不正确') });

export const handlingRulesRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/rules',
      { schema: { tags: ['办理规则'], summary: '本级人大的办理规则（期限、答复分类等）' } },
      async (request) => {
        const viewer = requireViewer(request);
        return loadRules(ctx.db, viewer.grant.congressId);
      },
    );

    app.put(
      '/rules',
      {
        schema: {
          tags: ['办理规则'],
          summary: '修改办理规则（联工委）',
          body: z.object({ rules: handlingRulesSchema, version: z.number().int().min(0) }),
        },
      },
      async (request) => {
        const viewer = requireRole(request, ['liaison_office']);
        const { rules, version } = request.body;
        if (
          rules.replyLatestWithin.unit === rules.replyWithin.unit &&
          rules.replyLatestWithin.amount < rules.replyWithin.amount
        ) {
          throw invalidInput('答复最迟期限不能早于答复期限');
        }
        return ctx.db.transaction().execute(async (tx) => {
          const before = await loadRules(tx, viewer.grant.congressId);
          if (!(await saveRules(tx, viewer.grant.congressId, rules, version, viewer.userId))) throw staleVersion();
          await recordAudit(tx, viewer, {
            action: 'policy.updated',
            entityType: 'policy',
            entityId: viewer.grant.congressId,
            congressId: viewer.grant.congressId,
            before: before.rules,
            after: rules,
          });
          return loadRules(tx, viewer.grant.congressId);
        });
      },
    );

    app.get(
      '/calendar/:year',
      { schema: { tags: ['办理规则'], summary: '某年的法定节假日与调休工作日', params: yearParam } },
      async (request) => {
        const viewer = requireViewer(request);
        return {
          year: request.params.year,
          entries: await loadCalendarEntries(ctx.db, viewer.grant.congressId, request.params.year),
        };
      },
    );

    app.put(
      '/calendar/:year',
      {
        schema: {
          tags: ['办理规则'],
          summary: '设置某年的节假日安排（联工委）',
          params: yearParam,
          body: calendarYearBody,
        },
      },
      async (request) => {
        const viewer = requireRole(request, ['liaison_office']);
        const { year } = request.params;
        const entries = request.body.entries;
        const outside = entries.find((e) => !e.day.startsWith(`${year}-`));
        if (outside) throw invalidInput(`${outside.day} 不属于${year}年`);
        if (new Set(entries.map((e) => e.day)).size !== entries.length) throw invalidInput('同一日期只能登记一次');
        await ctx.db.transaction().execute(async (tx) => {
          const before = await loadCalendarEntries(tx, viewer.grant.congressId, year);
          await replaceCalendarYear(tx, viewer.grant.congressId, year, entries);
          await recordAudit(tx, viewer, {
            action: 'calendar.updated',
            entityType: 'calendar',
            entityId: year,
            congressId: viewer.grant.congressId,
            before,
            after: entries,
          });
        });
        return { year, entries: await loadCalendarEntries(ctx.db, viewer.grant.congressId, year) };
      },
    );
  };
