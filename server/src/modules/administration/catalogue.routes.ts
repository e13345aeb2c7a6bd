import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { failures, noContent, writeFailures } from '../../platform/api-schemas.js';
import { requireRole } from '../../platform/auth/roles.js';
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db.js';
import { sameShape } from '../../platform/schema-shape.js';
import { idParam } from './admin.schemas.js';
import { rolesAdministering } from './administration.policy.js';
import {
  categoryBody,
  categoryList,
  categoryParams,
  dictionaryBody,
  dictionaryList,
  dictionaryQuery,
  dictionaryRecord,
  newCategoryBody,
} from './catalogue.schemas.js';
import { listAdminCategories, listDictionary } from './catalogue.repository.js';
import {
  createCategory,
  createDictionaryEntry,
  deleteDictionaryEntry,
  retireCategory,
  updateCategory,
  updateDictionaryEntry,
} from './commands/manage-catalogue.js';

const tags = ['本级人大管理'];
sameShape<z.output<typeof categoryList>, Awaited<ReturnType<typeof listAdminCategories>>>();
sameShape<z.output<typeof dictionaryList>, Awaited<ReturnType<typeof listDictionary>>>();

/** 建议分类 (tree and committee mapping) and the congress's dictionary. */
export const catalogueRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const office = rolesAdministering('category.manage');
    const inTransaction = <T>(work: (tx: Tx) => Promise<T>) => ctx.db.transaction().execute(work);
    const categories = (congressId: number) => listAdminCategories(ctx.db, congressId);

    app.get(
      '/admin/categories',
      {
        schema: {
          tags,
          operationId: 'adminListCategories',
          summary: '建议分类（树形：parentCode 指向上级）及对口的专门委员会（联工委）',
          response: { 200: categoryList, ...failures(401, 403) },
        },
      },
      async (request) => categories(requireRole(request, office).grant.congressId),
    );

    app.post(
      '/admin/categories',
      {
        schema: {
          tags,
          operationId: 'adminCreateCategory',
          summary: '新增建议分类（联工委）',
          description: '代码、名称在本级人大内不得重复（409）。答复整个分类表。',
          body: newCategoryBody,
          response: { 201: categoryList, ...writeFailures },
        },
      },
      async (request, reply) => {
        const viewer = requireRole(request, office);
        await inTransaction((tx) => createCategory(tx, viewer, request.body));
        return reply.code(201).send(await categories(viewer.grant.congressId));
      },
    );

    app.put(
      '/admin/categories/:code',
      {
        schema: {
          tags,
          operationId: 'adminUpdateCategory',
          summary: '修改建议分类：名称、上级分类、对口专门委员会（联工委）',
          params: categoryParams,
          body: categoryBody,
          response: { 200: categoryList, ...writeFailures },
        },
      },
      async (request) => {
        const viewer = requireRole(request, office);
        await inTransaction((tx) => updateCategory(tx, viewer, request.params.code, request.body));
        return categories(viewer.grant.congressId);
      },
    );

    app.post(
      '/admin/categories/:code/retire',
      {
        schema: {
          tags,
          operationId: 'adminRetireCategory',
          summary: '停用建议分类（联工委；已有建议保留原分类）',
          params: categoryParams,
          response: { 200: categoryList, ...writeFailures },
        },
      },
      async (request) => {
        const viewer = requireRole(request, office);
        await inTransaction((tx) => retireCategory(tx, viewer, request.params.code, ctx.clock.now()));
        return categories(viewer.grant.congressId);
      },
    );

    app.get(
      '/admin/dictionary',
      {
        schema: {
          tags,
          operationId: 'adminListDictionary',
          summary: '本级人大的词典：地名、单位名称等（联工委）',
          description: '检索和交办建议时据此识别本地的地名和单位名称。',
          querystring: dictionaryQuery,
          response: { 200: dictionaryList, ...failures(400, 401, 403) },
        },
      },
      async (request) => listDictionary(ctx.db, requireRole(request, office).grant.congressId, request.query.kind),
    );

    app.post(
      '/admin/dictionary',
      {
        schema: {
          tags,
          operationId: 'adminCreateDictionaryEntry',
          summary: '新增词条（联工委）',
          description: '同一类别的词条不得重复（409）。',
          body: dictionaryBody,
          response: { 201: dictionaryRecord, ...writeFailures },
        },
      },
      async (request, reply) => {
        const viewer = requireRole(request, office);
        const row = await inTransaction((tx) => createDictionaryEntry(tx, viewer, request.body));
        return reply.code(201).send({ id: row.id, kind: row.kind, term: row.term, note: row.note });
      },
    );

    app.put(
      '/admin/dictionary/:id',
      {
        schema: {
          tags,
          operationId: 'adminUpdateDictionaryEntry',
          summary: '修改词条（联工委）',
          params: idParam,
          body: dictionaryBody,
          response: { 200: dictionaryRecord, ...writeFailures },
        },
      },
      async (request) => {
        const viewer = requireRole(request, office);
        const row = await inTransaction((tx) => updateDictionaryEntry(tx, viewer, request.params.id, request.body));
        return { id: row.id, kind: row.kind, term: row.term, note: row.note };
      },
    );

    app.delete(
      '/admin/dictionary/:id',
      {
        schema: {
          tags,
          operationId: 'adminDeleteDictionaryEntry',
          summary: '删除词条（联工委；审计记录保留原词条）',
          params: idParam,
          response: { 204: noContent, ...writeFailures },
        },
      },
      async (request, reply) => {
        const viewer = requireRole(request, office);
        await inTransaction((tx) => deleteDictionaryEntry(tx, viewer, request.params.id));
        return reply.code(204).send();
      },
    );
  };
