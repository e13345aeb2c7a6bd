import type { Viewer } from '../../../platform/auth/viewer.js';
import { writeEffects } from '../../../platform/commit.js';
import type { Tx } from '../../../platform/db.js';
import { AppError, invalidInput, invalidState, notFound } from '../../../platform/errors.js';
import { authorise } from '../administration.access.js';
import { categoryParentProblem } from '../administration.rules.js';
import type { CategoryInput, DictionaryInput } from '../catalogue.schemas.js';

// 建议分类 (a tree, each mapped to the committee that supervises it) and the congress's
// dictionary of its own terms (地名, 单位名称) that search and routing read.

const categoryFields = (c: {
  code: string;
  name: string;
  parent_code: string | null;
  committee_id: number | null;
}) => ({
  code: c.code,
  name: c.name,
  parentCode: c.parent_code,
  committeeId: c.committee_id,
});

async function checkCategory(tx: Tx, congressId: number, code: string, input: CategoryInput) {
  if (input.committeeId !== null) {
    const committee = await tx
      .selectFrom('committee')
      .select('retired_at')
      .where('id', '=', input.committeeId)
      .where('congress_id', '=', congressId)
      .executeTakeFirst();
    if (!committee) throw invalidInput('所选专门委员会不存在');
    if (committee.retired_at) throw invalidInput('所选专门委员会已停用');
  }
  if (input.parentCode === null) return;
  const all = await tx
    .selectFrom('suggestion_category')
    .select(['code', 'parent_code', 'retired_at'])
    .where('congress_id', '=', congressId)
    .execute();
  const parent = all.find((c) => c.code === input.parentCode);
  if (!parent) throw invalidInput('上级分类不存在');
  if (parent.retired_at) throw invalidInput('上级分类已停用');
  const problem = categoryParentProblem(code, input.parentCode, new Map(all.map((c) => [c.code, c.parent_code])));
  if (problem) throw invalidInput(problem);
}

async function nameTaken(tx: Tx, congressId: number, name: string, exceptCode: string | null) {
  let q = tx
    .selectFrom('suggestion_category')
    .select('code')
    .where('congress_id', '=', congressId)
    .where('name', '=', name);
  if (exceptCode !== null) q = q.where('code', '<>', exceptCode);
  if (await q.executeTakeFirst()) throw new AppError('conflict', `已有名为「${name}」的分类`);
}

export async function createCategory(tx: Tx, viewer: Viewer, input: CategoryInput & { code: string }) {
  await authorise(tx, viewer, 'category.manage');
  const congressId = viewer.grant.congressId;
  await checkCategory(tx, congressId, input.code, input);
  await nameTaken(tx, congressId, input.name, null);
  const row = await tx
    .insertInto('suggestion_category')
    .values({
      congress_id: congressId,
      code: input.code,
      name: input.name,
      parent_code: input.parentCode,
      committee_id: input.committeeId,
    })
    .onConflict((oc) => oc.columns(['congress_id', 'code']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new AppError('conflict', `分类代码「${input.code}」已存在`);
  await writeEffects(tx, viewer, {
    audit: [
      { action: 'category.created', entityType: 'category', entityId: null, congressId, after: categoryFields(row) },
    ],
  });
  return row;
}

async function lockCategory(tx: Tx, viewer: Viewer, code: string) {
  const row = await tx
    .selectFrom('suggestion_category')
    .selectAll()
    .where('congress_id', '=', viewer.grant.congressId)
    .where('code', '=', code)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('分类');
  return row;
}

export async function updateCategory(tx: Tx, viewer: Viewer, code: string, input: CategoryInput) {
  await authorise(tx, viewer, 'category.manage');
  const before = await lockCategory(tx, viewer, code);
  await checkCategory(tx, viewer.grant.congressId, code, input);
  await nameTaken(tx, viewer.grant.congressId, input.name, code);
  const row = await tx
    .updateTable('suggestion_category')
    .set({ name: input.name, parent_code: input.parentCode, committee_id: input.committeeId })
    .where('congress_id', '=', viewer.grant.congressId)
    .where('code', '=', code)
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeEffects(tx, viewer, {
    audit: [
      {
        action: 'category.updated',
        entityType: 'category',
        entityId: null,
        congressId: viewer.grant.congressId,
        before: categoryFields(before),
        after: categoryFields(row),
      },
    ],
  });
  return row;
}

export async function retireCategory(tx: Tx, viewer: Viewer, code: string, now: Date) {
  await authorise(tx, viewer, 'category.manage');
  const before = await lockCategory(tx, viewer, code);
  if (before.retired_at) throw invalidState('该分类已停用');
  const child = await tx
    .selectFrom('suggestion_category')
    .select('name')
    .where('congress_id', '=', viewer.grant.congressId)
    .where('parent_code', '=', code)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  if (child) throw invalidState(`请先停用其下级分类（如「${child.name}」）`);
  await tx
    .updateTable('suggestion_category')
    .set({ retired_at: now })
    .where('congress_id', '=', viewer.grant.congressId)
    .where('code', '=', code)
    .execute();
  await writeEffects(tx, viewer, {
    audit: [
      {
        action: 'category.retired',
        entityType: 'category',
        entityId: null,
        congressId: viewer.grant.congressId,
        before: { name: before.name },
        after: { retiredAt: now.toISOString() },
      },
    ],
  });
}

const duplicateTerm = (term: string) => new AppError('conflict', `词典中已有「${term}」`);
const entryFields = (e: { kind: string; term: string; note: string }) => ({ kind: e.kind, term: e.term, note: e.note });

export async function createDictionaryEntry(tx: Tx, viewer: Viewer, input: DictionaryInput) {
  await authorise(tx, viewer, 'dictionary.manage');
  const congressId = viewer.grant.congressId;
  const row = await tx
    .insertInto('dictionary_entry')
    .values({ congress_id: congressId, kind: input.kind, term: input.term, note: input.note })
    .onConflict((oc) => oc.columns(['congress_id', 'kind', 'term']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) throw duplicateTerm(input.term);
  await writeEffects(tx, viewer, {
    audit: [
      {
        action: 'dictionary.created',
        entityType: 'dictionary_entry',
        entityId: row.id,
        congressId,
        after: entryFields(row),
      },
    ],
  });
  return row;
}

async function lockEntry(tx: Tx, viewer: Viewer, entryId: number) {
  const row = await tx
    .selectFrom('dictionary_entry')
    .selectAll()
    .where('id', '=', entryId)
    .where('congress_id', '=', viewer.grant.congressId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('词条');
  return row;
}

export async function updateDictionaryEntry(tx: Tx, viewer: Viewer, entryId: number, input: DictionaryInput) {
  await authorise(tx, viewer, 'dictionary.manage');
  const before = await lockEntry(tx, viewer, entryId);
  const clash = await tx
    .selectFrom('dictionary_entry')
    .select('id')
    .where('congress_id', '=', viewer.grant.congressId)
    .where('kind', '=', input.kind)
    .where('term', '=', input.term)
    .where('id', '<>', entryId)
    .executeTakeFirst();
  if (clash) throw duplicateTerm(input.term);
  const row = await tx
    .updateTable('dictionary_entry')
    .set({ kind: input.kind, term: input.term, note: input.note })
    .where('id', '=', entryId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeEffects(tx, viewer, {
    audit: [
      {
        action: 'dictionary.updated',
        entityType: 'dictionary_entry',
        entityId: entryId,
        congressId: viewer.grant.congressId,
        before: entryFields(before),
        after: entryFields(row),
      },
    ],
  });
  return row;
}

/** No suggestion refers to a dictionary entry: it is deleted, and the audit keeps what it was. */
export async function deleteDictionaryEntry(tx: Tx, viewer: Viewer, entryId: number) {
  await authorise(tx, viewer, 'dictionary.manage');
  const before = await lockEntry(tx, viewer, entryId);
  await tx.deleteFrom('dictionary_entry').where('id', '=', entryId).execute();
  await writeEffects(tx, viewer, {
    audit: [
      {
        action: 'dictionary.deleted',
        entityType: 'dictionary_entry',
        entityId: entryId,
        congressId: viewer.grant.congressId,
        before: entryFields(before),
      },
    ],
  });
}
