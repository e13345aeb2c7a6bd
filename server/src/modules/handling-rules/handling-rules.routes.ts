import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { failures } from '../../platform/api-schemas.js';
import { recordAudit } from '../../platform/audit.js';
import { requireViewer } from '../../platform/auth/auth.plugin.js';
import { requireRole } from '../../platform/auth/roles.js';
import type { AppContext } from '../../platform/context.js';
import { invalidInput, staleVersion } from '../../platform/errors.js';
import { calendarYear, calendarYearBody, rulesUpdateBody, storedRules, yearParam } from './handling-rules.schemas.js';
import { loadCalendarEntries, loadRules, replaceCalendarYear, saveRules } from './handling-rules.repository.js';

const tags = ['办理规则'];

export const handlingRulesRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/rules',
      {
        schema: {
          tags,
          operationId: 'getRules',
          summary: '本级人大的办理规则（期限、答复分类等）',
          description:
            '当前身份所在人大的规则；答复分类代码（rules.replyClasses[].code）用于起草答复时的 classCode。修改时带上本答复的 version。',
          response: { 200: storedRules, ...failures(401) },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        return loadRules(ctx.db, viewer.grant.congressId);
      },
    );

    app.put(
      '/rules',
      {
        schema: {
          tags,
          operationId: 'updateRules',
          summary: '修改办理规则（联工委）',
          description:
            '整份替换本级人大的规则。version 为读到的版本（GET /api/rules）；他人已先行修改则答复 409。已交办的建议按交办时的规则计算的期限不变。',
          body: rulesUpdateBody,
          response: { 200: storedRules, ...failures(400, 401, 403, 409, 413) },
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
      {
        schema: {
          tags,
          operationId: 'getCalendarYear',
          summary: '某年的法定节假日与调休工作日',
          description: '计算以工作日计的期限时所用的日历；没有登记的日子按周末休息、周一至周五上班。',
          params: yearParam,
          response: { 200: calendarYear, ...failures(400, 401) },
        },
      },
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
          tags,
          operationId: 'setCalendarYear',
          summary: '设置某年的节假日安排（联工委）',
          description: '整年替换：entries 为该年全部的法定节假日与调休上班日，每个日期只能登记一次，且须属于该年。',
          params: yearParam,
          body: calendarYearBody,
          response: { 200: calendarYear, ...failures(400, 401, 403, 413) },
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
