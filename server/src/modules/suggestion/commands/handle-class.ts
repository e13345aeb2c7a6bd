import type { Viewer } from '../../../platform/auth/viewer.js';
import type { Clock } from '../../../platform/clock.js';
import type { Tx } from '../../../platform/db.js';
import { invalidInput, invalidState, notFound } from '../../../platform/errors.js';
import { lockOwnAssignment } from '../assignment.repository.js';
import { findVisibleSuggestion } from '../suggestion.repository.js';
import { answersDeputy, type HandlingMode, type UnitPick } from '../suggestion.workflow.js';
import { assignSuggestion } from './assign-suggestion.js';
import { draftReply, openReplyOf } from './draft-reply.js';

// 办理一件，解决一类: a class of similar suggestions is assigned in one step to the same units,
// its units see it together, and a reply written for one member is reused for the others —
// each deputy still gets a letter of their own, numbered and signed on its own.

async function classMembers(tx: Tx, viewer: Viewer, classId: number) {
  const cls = await tx
    .selectFrom('suggestion_class')
    .selectAll()
    .where('id', '=', classId)
    .where('congress_id', '=', viewer.grant.congressId)
    .executeTakeFirst();
  if (!cls) throw notFound('建议类');
  const ids = await tx.selectFrom('suggestion').select('id').where('class_id', '=', cls.id).orderBy('id').execute();
  return { cls, ids: ids.map((r) => r.id) };
}

/** Assigns every registered member of the class to the same units, all or none. */
export async function assignClass(
  tx: Tx,
  viewer: Viewer,
  classId: number,
  input: { mode: HandlingMode; units: UnitPick[] },
  clock: Clock,
) {
  const { cls, ids } = await classMembers(tx, viewer, classId);
  const waiting = await tx
    .selectFrom('suggestion')
    .select('id')
    .where('id', 'in', ids.length ? ids : [-1])
    .where('status', '=', 'registered')
    .orderBy('id')
    .execute();
  if (waiting.length === 0) throw invalidState(`「${cls.name}」类中没有待交办的建议`);
  for (const { id } of waiting)
    await assignSuggestion(tx, viewer, { suggestionId: id, mode: input.mode, units: input.units }, clock);
  return { classId: cls.id, name: cls.name, assignedSuggestionIds: waiting.map((w) => w.id) };
}

/** The members of a class the viewer may see, as the class's one page for its units. */
export async function viewClass(tx: Tx, viewer: Viewer, classId: number) {
  const { cls, ids } = await classMembers(tx, viewer, classId);
  const visible = [];
  for (const id of ids) {
    const s = await findVisibleSuggestion(tx, viewer, id);
    if (s)
      visible.push({
        id: s.id,
        title: s.title,
        number: s.number,
        period: s.period,
        status: s.status,
        leadDeputyId: s.lead_deputy_id,
      });
  }
  if (visible.length === 0) throw notFound('建议类');
  return { id: cls.id, name: cls.name, sessionId: cls.session_id, suggestions: visible };
}

/**
 * The unit's handler copies its reply draft of one member to every other member it answers
 * and has no reply under review for; the source title in the text becomes each member's own.
 */
export async function reuseReplyForClass(tx: Tx, viewer: Viewer, classId: number, fromSuggestionId: number) {
  const { ids } = await classMembers(tx, viewer, classId);
  if (!ids.includes(fromSuggestionId)) throw invalidInput('该建议不属于此类');
  const source = await findVisibleSuggestion(tx, viewer, fromSuggestionId);
  if (!source) throw notFound('建议');
  const sourcePart = await lockOwnAssignment(tx, viewer, source.id);
  const draft = await openReplyOf(tx, sourcePart.id);
  if (!draft) throw invalidState('请先为该建议起草答复，再用于同类建议');
  const drafted: number[] = [];
  const skipped: { suggestionId: number; reason: string }[] = [];
  for (const id of ids.filter((i) => i !== source.id)) {
    const member = await findVisibleSuggestion(tx, viewer, id);
    const part =
      member && viewer.grant.unitId !== null
        ? await tx
            .selectFrom('assignment')
            .selectAll()
            .where('suggestion_id', '=', id)
            .where('unit_id', '=', viewer.grant.unitId)
            .where('state', 'in', ['handling', 'rehandling'])
            .executeTakeFirst()
        : undefined;
    if (!member || !part || !answersDeputy(part.role)) {
      skipped.push({ suggestionId: id, reason: '本单位未答复该建议，或尚未签收' });
      continue;
    }
    const open = await openReplyOf(tx, part.id);
    if (open && open.state !== 'draft') {
      skipped.push({ suggestionId: id, reason: '该建议的答复正在审核中' });
      continue;
    }
    await draftReply(tx, viewer, id, {
      classCode: draft.class_code,
      body: draft.body.split(source.title).join(member.title),
      handlerName: draft.handler_name,
      handlerPhone: draft.handler_phone,
      consultedUnits: draft.consulted_units,
      promise: {
        doneText: draft.promise_done_text,
        plannedText: draft.promise_planned_text,
        notDoneReason: draft.promise_not_done_reason,
      },
    });
    drafted.push(id);
  }
  return { draftedSuggestionIds: drafted, skipped };
}
