import type { Selectable } from 'kysely';
import type { DeputyTable } from '../../../db/schema.js';
import type { Viewer } from '../../../platform/auth/viewer.js';
import { writeEffects } from '../../../platform/commit.js';
import type { Tx } from '../../../platform/db.js';
import { AppError, invalidInput, invalidState, notFound } from '../../../platform/errors.js';
import { authorise } from '../administration.access.js';
import { idNumberProblem, leavingProblem, type LeavingStatus } from '../administration.rules.js';
import type { DeputyUpdateInput, NewDeputyInput } from '../deputies.schemas.js';
import { insertAccount, insertGrant, type PreparedPassword } from './accounts.js';

// 代表: one row per congress and term. A person who is a deputy of several congresses (or
// again in a later term) is one account with a row in each, linked by the same ID number.
// A deputy who leaves keeps the row, with the status and its date, so their suggestions
// keep their lead deputy; the deputy's login remains for reading their own records.

type DeputyRow = Selectable<DeputyTable>;

const publicFields = (d: DeputyRow) => ({
  name: d.name,
  termId: d.term_id,
  gender: d.gender,
  ethnicity: d.ethnicity,
  delegationId: d.delegation_id,
  deputyGroupId: d.deputy_group_id,
  occupation: d.occupation,
  userId: d.user_id,
});

const privateFields = ['phone', 'id_number'] as const;

/** The delegation and group named exist in the viewer's congress and are in use. */
async function checkReferences(tx: Tx, congressId: number, input: DeputyUpdateInput & { termId?: number }) {
  const checks: ['delegation' | 'deputy_group', number | null, string][] = [
    ['delegation', input.delegationId, '代表团'],
    ['deputy_group', input.deputyGroupId, '代表小组'],
  ];
  for (const [table, refId, label] of checks) {
    if (refId === null) continue;
    const row = await tx
      .selectFrom(table)
      .select('retired_at')
      .where('id', '=', refId)
      .where('congress_id', '=', congressId)
      .executeTakeFirst();
    if (!row) throw invalidInput(`所选${label}不存在`);
    if (row.retired_at) throw invalidInput(`所选${label}已停用`);
  }
  const idProblem = idNumberProblem(input.idNumber);
  if (idProblem) throw invalidInput(idProblem);
}

async function idNumberTaken(tx: Tx, congressId: number, termId: number, idNumber: string, exceptId: number | null) {
  if (idNumber === '') return;
  let q = tx
    .selectFrom('deputy')
    .select('name')
    .where('congress_id', '=', congressId)
    .where('term_id', '=', termId)
    .where('id_number', '=', idNumber);
  if (exceptId !== null) q = q.where('id', '<>', exceptId);
  const clash = await q.executeTakeFirst();
  if (clash) throw new AppError('conflict', `本届已有身份证号码相同的代表「${clash.name}」`);
}

/** The account of a person who is already a deputy elsewhere: the same ID number proves it is them. */
async function linkableUser(tx: Tx, username: string, idNumber: string) {
  const user = await tx.selectFrom('app_user').select(['id']).where('username', '=', username).executeTakeFirst();
  const sameperson =
    user &&
    idNumber !== '' &&
    (await tx
      .selectFrom('deputy')
      .select('id')
      .where('user_id', '=', user.id)
      .where('id_number', '=', idNumber)
      .executeTakeFirst());
  if (!user || !sameperson) {
    throw new AppError('conflict', '无法关联该账号：须是此人在其他人大担任代表的账号，且身份证号码一致');
  }
  return user.id;
}

export async function createDeputy(tx: Tx, viewer: Viewer, input: NewDeputyInput, password: PreparedPassword | null) {
  await authorise(tx, viewer, 'deputy.manage');
  const congressId = viewer.grant.congressId;
  const term = await tx
    .selectFrom('term')
    .select('id')
    .where('id', '=', input.termId)
    .where('congress_id', '=', congressId)
    .executeTakeFirst();
  if (!term) throw invalidInput('所选的届不存在');
  await checkReferences(tx, congressId, input);
  await idNumberTaken(tx, congressId, input.termId, input.idNumber, null);
  let userId: number;
  if (input.account.kind === 'existing') {
    userId = await linkableUser(tx, input.account.username, input.idNumber);
    const already = await tx
      .selectFrom('deputy')
      .select('id')
      .where('user_id', '=', userId)
      .where('congress_id', '=', congressId)
      .where('term_id', '=', input.termId)
      .executeTakeFirst();
    if (already) throw new AppError('conflict', '此人已是本届代表');
  } else {
    if (!password) throw invalidInput('请填写初始密码');
    userId = (
      await insertAccount(tx, viewer, {
        username: input.account.username,
        displayName: input.name,
        phone: input.phone,
        passwordHash: password.hash,
      })
    ).id;
  }
  const row = await tx
    .insertInto('deputy')
    .values({
      congress_id: congressId,
      term_id: input.termId,
      user_id: userId,
      name: input.name,
      name_pinyin: input.namePinyin || input.account.username.toLowerCase(),
      gender: input.gender,
      ethnicity: input.ethnicity,
      delegation_id: input.delegationId,
      deputy_group_id: input.deputyGroupId,
      occupation: input.occupation,
      phone: input.phone,
      id_number: input.idNumber,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await insertGrant(tx, viewer, userId, 'deputy', { deputyId: row.id });
  await writeEffects(tx, viewer, {
    audit: [
      {
        action: 'deputy.created',
        entityType: 'deputy',
        entityId: row.id,
        congressId,
        after: { ...publicFields(row), privateFieldsSet: privateFields.filter((f) => row[f] !== '') },
      },
    ],
  });
  return row;
}

async function lockDeputy(tx: Tx, viewer: Viewer, deputyId: number) {
  const row = await tx
    .selectFrom('deputy')
    .selectAll()
    .where('id', '=', deputyId)
    .where('congress_id', '=', viewer.grant.congressId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('代表');
  return row;
}

export async function updateDeputy(tx: Tx, viewer: Viewer, deputyId: number, input: DeputyUpdateInput) {
  await authorise(tx, viewer, 'deputy.manage');
  const before = await lockDeputy(tx, viewer, deputyId);
  await checkReferences(tx, viewer.grant.congressId, input);
  await idNumberTaken(tx, viewer.grant.congressId, before.term_id, input.idNumber, deputyId);
  const row = await tx
    .updateTable('deputy')
    .set({
      name: input.name,
      ...(input.namePinyin ? { name_pinyin: input.namePinyin } : {}),
      gender: input.gender,
      ethnicity: input.ethnicity,
      delegation_id: input.delegationId,
      deputy_group_id: input.deputyGroupId,
      occupation: input.occupation,
      phone: input.phone,
      id_number: input.idNumber,
    })
    .where('id', '=', deputyId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeEffects(tx, viewer, {
    audit: [
      {
        action: 'deputy.updated',
        entityType: 'deputy',
        entityId: deputyId,
        congressId: viewer.grant.congressId,
        before: publicFields(before),
        after: { ...publicFields(row), privateFieldsChanged: privateFields.filter((f) => row[f] !== before[f]) },
      },
    ],
  });
  return row;
}

/** 任期届满, 辞职 or 终止代表资格: the record and the suggestions stay. */
export async function recordDeputyLeaving(
  tx: Tx,
  viewer: Viewer,
  deputyId: number,
  input: { status: LeavingStatus; on: string },
) {
  await authorise(tx, viewer, 'deputy.manage');
  const before = await lockDeputy(tx, viewer, deputyId);
  const problem = leavingProblem(before.status);
  if (problem) throw invalidState(problem);
  const row = await tx
    .updateTable('deputy')
    .set({ status: input.status, status_on: input.on })
    .where('id', '=', deputyId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeEffects(tx, viewer, {
    audit: [
      {
        action: 'deputy.left',
        entityType: 'deputy',
        entityId: deputyId,
        congressId: viewer.grant.congressId,
        before: { status: before.status },
        after: { status: input.status, on: input.on },
      },
    ],
  });
  return row;
}
