import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { failures } from '../../platform/api-schemas.js';
import { requireViewer } from '../../platform/auth/auth.plugin.js';
import type { AppContext } from '../../platform/context.js';
import {
  findDeputies,
  listCategories,
  listClasses,
  listDelegations,
  listSessions,
  listUnits,
} from './directory.repository.js';
import {
  categoryList,
  classList,
  classQuery,
  delegationList,
  deputyList,
  deputyQuery,
  sessionList,
  unitList,
} from './directory.schemas.js';

const tags = ['基础数据'];

/** Reference lists of the viewer's congress for pickers: units, categories, delegations, deputies, sessions, classes. */
export const directoryRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/directory/units',
      {
        schema: {
          tags,
          operationId: 'listUnits',
          summary: '承办单位（按系统）',
          description: '本级人大在用的承办单位（已撤销的不列出），按系统排列；id 用于交办、预交办和调整申请的 unitId。',
          response: { 200: unitList, ...failures(401) },
        },
      },
      async (request) => {
        const rows = await listUnits(ctx.db, requireViewer(request).grant.congressId);
        return {
          items: rows.map((u) => ({
            id: u.id,
            name: u.name,
            shortName: u.short_name,
            unitSystemId: u.unit_system_id,
            systemName: u.system_name,
            reviewChain: u.review_chain,
          })),
        };
      },
    );

    app.get(
      '/directory/categories',
      {
        schema: {
          tags,
          operationId: 'listCategories',
          summary: '建议类别',
          description: '本级人大的建议类别；code 用于起草建议的 categoryCode 和列表的筛选。',
          response: { 200: categoryList, ...failures(401) },
        },
      },
      async (request) => {
        const rows = await listCategories(ctx.db, requireViewer(request).grant.congressId);
        return { items: rows.map((c) => ({ code: c.code, name: c.name, committeeName: c.committee_name })) };
      },
    );

    app.get(
      '/directory/delegations',
      {
        schema: {
          tags,
          operationId: 'listDelegations',
          summary: '代表团',
          description: '本级人大的代表团（含已撤销的）；id 用于统计和建议列表的 delegationId 筛选。',
          response: { 200: delegationList, ...failures(401) },
        },
      },
      async (request) => {
        const rows = await listDelegations(ctx.db, requireViewer(request).grant.congressId);
        return { items: rows.map((d) => ({ id: d.id, name: d.name, retired: d.retired_at !== null })) };
      },
    );

    app.get(
      '/directory/deputies',
      {
        schema: {
          tags,
          operationId: 'findDeputies',
          summary: '本级人大代表（选择联名代表用）',
          description: '按姓名或拼音开头查找，最多30人；id 用于联名代表 cosignerDeputyIds。',
          querystring: deputyQuery,
          response: { 200: deputyList, ...failures(400, 401) },
        },
      },
      async (request) => {
        const rows = await findDeputies(ctx.db, requireViewer(request).grant.congressId, request.query.q);
        return { items: rows.map((d) => ({ id: d.id, name: d.name, delegationName: d.delegation_name })) };
      },
    );

    app.get(
      '/directory/sessions',
      {
        schema: {
          tags,
          operationId: 'listSessions',
          summary: '届次与会议',
          description: '本级人大的各次会议，新的在前；id 用于列表筛选、续交办和统一延长调整期限。',
          response: { 200: sessionList, ...failures(401) },
        },
      },
      async (request) => {
        const rows = await listSessions(ctx.db, requireViewer(request).grant.congressId);
        return {
          items: rows.map((s) => ({
            id: s.id,
            label: s.label,
            congressShortName: s.short_name,
            termOrdinal: s.term_ordinal,
            ordinal: s.ordinal,
            opensOn: s.opens_on,
            closesOn: s.closes_on,
            submissionClosesAt: s.submission_closes_at,
            reassignmentWindowUntil: s.reassignment_window_until,
            isCurrent: s.is_current,
          })),
        };
      },
    );

    app.get(
      '/directory/classes',
      {
        schema: {
          tags,
          operationId: 'listClasses',
          summary: '建议归类',
          description: '本级人大的建议类（办理一件，解决一类），可按会议筛选；归类时可用已有的类名。',
          querystring: classQuery,
          response: { 200: classList, ...failures(400, 401) },
        },
      },
      async (request) => {
        const rows = await listClasses(ctx.db, requireViewer(request).grant.congressId, request.query.sessionId);
        return { items: rows.map((c) => ({ id: c.id, name: c.name, sessionId: c.session_id, size: c.size })) };
      },
    );
  };
