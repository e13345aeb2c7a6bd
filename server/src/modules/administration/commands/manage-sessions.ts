import type { Viewer } from '../../../platform/auth/viewer.js';
import { writeEffects } from '../../../platform/commit.js';
import type { Tx } from '../../../platform/db.js';
import { AppError, invalidInput, notFound } from '../../../platform/errors.js';
import { authorise } from '../administration.access.js';
import { sessionDatesProblem, termDatesProblem } from '../administration.rules.js';
import type { SessionInput, TermInput } from '../sessions.schemas.js';

// 届 and 次会议 of the viewer's congress. Opening a session makes it the current one (exactly
// one per congress); its session-wide reassignment date is left as it is.

const termFields = (t: { ordinal: number; starts_on: string; ends_on: string | null }) => ({
  ordinal: t.ordinal,
  startsOn: t.starts_on,
  endsOn: t.ends_on,
});

const sessionFields = (s: {
  term_id: number;
  ordinal: number;
  opens_on: string;
  closes_on: string;
  submission_closes_at: Date;
}) => ({
  termId: s.term_id,
  ordinal: s.ordinal,
  opensOn: s.opens_on,
  closesOn: s.closes_on,
  submissionClosesAt: s.submission_closes_at.toISOString(),
});

const duplicateTerm = (ordinal: number) => new AppError('conflict', `第${ordinal}届已存在`);
const duplicateSession = (ordinal: number) => new AppError('conflict', `本届第${ordinal}次会议已存在`);

export async function createTerm(tx: Tx, viewer: Viewer, input: TermInput) {
  await authorise(tx, viewer, 'term.manage');
  const problem = termDatesProblem(input);
  if (problem) throw invalidInput(problem);
  const congressId = viewer.grant.congressId;
  const row = await tx
    .insertInto('term')
    .values({ congress_id: congressId, ordinal: input.ordinal, starts_on: input.startsOn, ends_on: input.endsOn })
    .onConflict((oc) => oc.columns(['congress_id', 'ordinal']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) throw duplicateTerm(input.ordinal);
  await writeEffects(tx, viewer, {
    audit: [{ action: 'term.created', entityType: 'term', entityId: row.id, congressId, after: termFields(row) }],
  });
  return row;
}

async function lockTerm(tx: Tx, viewer: Viewer, termId: number) {
  const term = await tx
    .selectFrom('term')
    .selectAll()
    .where('id', '=', termId)
    .where('congress_id', '=', viewer.grant.congressId)
    .forUpdate()
    .executeTakeFirst();
  if (!term) throw notFound('届');
  return term;
}

export async function updateTerm(tx: Tx, viewer: Viewer, termId: number, input: TermInput) {
  await authorise(tx, viewer, 'term.manage');
  const before = await lockTerm(tx, viewer, termId);
  const problem = termDatesProblem(input);
  if (problem) throw invalidInput(problem);
  const outside = await tx
    .selectFrom('congress_session')
    .select('ordinal')
    .where('term_id', '=', termId)
    .where((eb) =>
      eb.or([
        eb('opens_on', '<', input.startsOn),
        ...(input.endsOn === null ? [] : [eb('closes_on', '>', input.endsOn)]),
      ]),
    )
    .executeTakeFirst();
  if (outside) throw invalidInput(`本届第${outside.ordinal}次会议不在新的起止日期之内`);
  const clash = await tx
    .selectFrom('term')
    .select('id')
    .where('congress_id', '=', viewer.grant.congressId)
    .where('ordinal', '=', input.ordinal)
    .where('id', '<>', termId)
    .executeTakeFirst();
  if (clash) throw duplicateTerm(input.ordinal);
  const row = await tx
    .updateTable('term')
    .set({ ordinal: input.ordinal, starts_on: input.startsOn, ends_on: input.endsOn })
    .where('id', '=', termId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeEffects(tx, viewer, {
    audit: [
      {
        action: 'term.updated',
        entityType: 'term',
        entityId: termId,
        congressId: viewer.grant.congressId,
        before: termFields(before),
        after: termFields(row),
      },
    ],
  });
  return row;
}

async function checkSession(tx: Tx, viewer: Viewer, input: SessionInput) {
  const term = await tx
    .selectFrom('term')
    .selectAll()
    .where('id', '=', input.termId)
    .where('congress_id', '=', viewer.grant.congressId)
    .executeTakeFirst();
  if (!term) throw invalidInput('所选的届不存在');
  const problem = sessionDatesProblem(
    { ...input, submissionClosesAt: new Date(input.submissionClosesAt) },
    { startsOn: term.starts_on, endsOn: term.ends_on },
  );
  if (problem) throw invalidInput(problem);
}

export async function createSession(tx: Tx, viewer: Viewer, input: SessionInput) {
  await authorise(tx, viewer, 'session.manage');
  await checkSession(tx, viewer, input);
  const congressId = viewer.grant.congressId;
  const row = await tx
    .insertInto('congress_session')
    .values({
      congress_id: congressId,
      term_id: input.termId,
      ordinal: input.ordinal,
      opens_on: input.opensOn,
      closes_on: input.closesOn,
      submission_closes_at: new Date(input.submissionClosesAt),
    })
    .onConflict((oc) => oc.columns(['congress_id', 'term_id', 'ordinal']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) throw duplicateSession(input.ordinal);
  await writeEffects(tx, viewer, {
    audit: [
      { action: 'session.created', entityType: 'session', entityId: row.id, congressId, after: sessionFields(row) },
    ],
  });
  return row;
}

export async function updateSession(tx: Tx, viewer: Viewer, sessionId: number, input: SessionInput) {
  await authorise(tx, viewer, 'session.manage');
  const before = await tx
    .selectFrom('congress_session')
    .selectAll()
    .where('id', '=', sessionId)
    .where('congress_id', '=', viewer.grant.congressId)
    .forUpdate()
    .executeTakeFirst();
  if (!before) throw notFound('会议');
  await checkSession(tx, viewer, input);
  const clash = await tx
    .selectFrom('congress_session')
    .select('id')
    .where('term_id', '=', input.termId)
    .where('ordinal', '=', input.ordinal)
    .where('id', '<>', sessionId)
    .executeTakeFirst();
  if (clash) throw duplicateSession(input.ordinal);
  const row = await tx
    .updateTable('congress_session')
    .set({
      term_id: input.termId,
      ordinal: input.ordinal,
      opens_on: input.opensOn,
      closes_on: input.closesOn,
      submission_closes_at: new Date(input.submissionClosesAt),
    })
    .where('id', '=', sessionId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeEffects(tx, viewer, {
    audit: [
      {
        action: 'session.updated',
        entityType: 'session',
        entityId: sessionId,
        congressId: viewer.grant.congressId,
        before: sessionFields(before),
        after: sessionFields(row),
      },
    ],
  });
  return row;
}

/** Makes a session the current one; the congress's row lock queues two offices opening at once. */
export async function openSession(tx: Tx, viewer: Viewer, sessionId: number) {
  await authorise(tx, viewer, 'session.open');
  const congressId = viewer.grant.congressId;
  await tx.selectFrom('congress').select('id').where('id', '=', congressId).forUpdate().executeTakeFirstOrThrow();
  const target = await tx
    .selectFrom('congress_session')
    .select(['id', 'is_current'])
    .where('id', '=', sessionId)
    .where('congress_id', '=', congressId)
    .executeTakeFirst();
  if (!target) throw notFound('会议');
  const current = await tx
    .selectFrom('congress_session')
    .select('id')
    .where('congress_id', '=', congressId)
    .where('is_current', '=', true)
    .executeTakeFirst();
  if (current?.id === sessionId) return;
  // Two statements: the one-current index is checked row by row.
  await tx
    .updateTable('congress_session')
    .set({ is_current: false })
    .where('congress_id', '=', congressId)
    .where('is_current', '=', true)
    .execute();
  await tx.updateTable('congress_session').set({ is_current: true }).where('id', '=', sessionId).execute();
  await writeEffects(tx, viewer, {
    audit: [
      {
        action: 'session.opened',
        entityType: 'session',
        entityId: sessionId,
        congressId,
        before: { currentSessionId: current?.id ?? null },
        after: { currentSessionId: sessionId },
      },
    ],
  });
}
