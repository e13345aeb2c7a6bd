import { sql } from 'kysely';
import { recordAudit } from '../../../platform/audit.js';
import type { Viewer } from '../../../platform/auth/viewer.js';
import type { Clock } from '../../../platform/clock.js';
import type { Tx } from '../../../platform/db.js';
import { forbidden, invalidInput, invalidState, notFound } from '../../../platform/errors.js';
import { notify } from '../../../platform/outbox.js';
import { suggestionNumberLabel } from '../../../shared/labels.js';
import { deputyUserIds, lockVisibleSuggestion, nextSuggestionNumber } from '../suggestion.repository.js';

/**
 * 回头看: a suggestion of an earlier session whose promise is still open is re-assigned with
 * the new session's — a new suggestion of that session, registered with the session's next
 * number, that goes through the same assignment, contact, reply and rating as the new ones,
 * and remembers the one it continues. It is counted apart from the session's received ones;
 * the earlier suggestion and its figures stay as they were.
 */
export async function continueSuggestion(tx: Tx, viewer: Viewer, id: number, sessionId: number, clock: Clock) {
  if (viewer.grant.role !== 'liaison_office') throw forbidden('只有联工委可以将上年度建议续交办');
  const old = await lockVisibleSuggestion(tx, viewer, id);
  const [from, to] = await Promise.all([
    tx.selectFrom('congress_session').selectAll().where('id', '=', old.session_id).executeTakeFirstOrThrow(),
    tx
      .selectFrom('congress_session')
      .selectAll()
      .where('id', '=', sessionId)
      .where('congress_id', '=', viewer.grant.congressId)
      .forUpdate()
      .executeTakeFirst(),
  ]);
  if (!to) throw notFound('会议');
  if (to.opens_on <= from.opens_on) throw invalidInput('只能续交办到以后召开的会议');
  const open = await tx
    .selectFrom('promise')
    .select(['id', 'class_code'])
    .where('suggestion_id', '=', old.id)
    .where('status', '=', 'open')
    .execute();
  if (open.length === 0) throw invalidState('该建议没有未完成的承诺事项，无需续交办');
  const already = await tx
    .selectFrom('suggestion')
    .select('id')
    .where('continues_suggestion_id', '=', old.id)
    .where('session_id', '=', to.id)
    .executeTakeFirst();
  if (already) throw invalidState('该建议已续交办到本次会议');
  const now = clock.now();
  const number = await nextSuggestionNumber(tx, to.id, 'in_session');
  const created = await tx
    .insertInto('suggestion')
    .values({
      congress_id: old.congress_id,
      session_id: to.id,
      period: 'in_session',
      number,
      title: old.title,
      body: old.body,
      category_code: old.category_code,
      lead_deputy_id: old.lead_deputy_id,
      delegation_id: old.delegation_id,
      deputy_group_id: old.deputy_group_id,
      may_disclose: old.may_disclose,
      status: 'registered',
      continues_suggestion_id: old.id,
      // Still the deputy's suggestion of the day they first submitted it.
      submitted_at: old.submitted_at ?? now,
      registered_at: now,
      search_tokens: sql<string>`(select search_tokens from suggestion where id = ${old.id})`,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('suggestion_cosigner')
    .columns(['suggestion_id', 'deputy_id', 'congress_id', 'status', 'responded_at'])
    .expression((eb) =>
      eb
        .selectFrom('suggestion_cosigner')
        .select([eb.val(created.id).as('suggestion_id'), 'deputy_id', 'congress_id', 'status', 'responded_at'])
        .where('suggestion_id', '=', old.id)
        .where('status', '=', 'confirmed'),
    )
    .execute();
  // The open promises go on with the new suggestion: the old ones leave the ledger, so the
  // ledger counts each promise once; the new reply puts the promise on again.
  await tx
    .updateTable('promise')
    .set((eb) => ({ status: 'superseded', version: eb('version', '+', 1) }))
    .where(
      'id',
      'in',
      open.map((p) => p.id),
    )
    .execute();
  const label = suggestionNumberLabel('in_session', number);
  for (const [entityId, after] of [
    [created.id, { continues: old.id, sessionId: to.id, number, openPromises: open.map((p) => p.class_code) }],
    [old.id, { continuedAs: created.id, sessionId: to.id }],
  ] as const) {
    await recordAudit(tx, viewer, {
      action: 'suggestion.continued',
      entityType: 'suggestion',
      entityId,
      suggestionId: entityId,
      congressId: old.congress_id,
      after,
    });
  }
  await notify(tx, await deputyUserIds(tx, old.id, old.lead_deputy_id), {
    congressId: old.congress_id,
    kind: 'continued',
    title: `您的建议未完成的事项已随本次会议建议续交办，编为${label}：${old.title}`,
    suggestionId: created.id,
  });
  return created;
}
