import type { Selectable } from 'kysely';
import type { PromiseProgressTable, PromiseRow } from '../../db/schema.js';
import type { PromiseFacts } from './ledger.workflow.js';

// The rows the ledger's commands return, as the API answers them (ledger.schemas.ts): camelCase,
// without the ids of the staff who acted (the audit keeps those).

export function presentPromise(p: PromiseRow) {
  return {
    id: p.id,
    suggestionId: p.suggestion_id,
    unitId: p.unit_id,
    replyId: p.reply_id,
    classCode: p.class_code,
    doneText: p.done_text,
    plannedText: p.planned_text,
    notDoneReason: p.not_done_reason,
    targetOn: p.target_on,
    status: p.status,
    fulfilledAt: p.fulfilled_at,
    fulfilNote: p.fulfil_note,
    fulfilledHow: p.fulfilled_how,
    fulfilmentRequestedAt: p.fulfilment_requested_at,
    verdictDue: p.verdict_due,
    deputyVerdict: p.deputy_verdict,
    deputyVerdictAt: p.deputy_verdict_at,
    deputyVerdictComment: p.deputy_verdict_comment,
    focused: p.focused,
    focusNote: p.focus_note,
    version: p.version,
    createdAt: p.created_at,
  };
}

export function presentProgress(r: Selectable<PromiseProgressTable>) {
  return {
    id: r.id,
    reportedAt: r.reported_at,
    progress: r.progress,
    deputySatisfied: r.deputy_satisfied,
    deputyComment: r.deputy_comment,
    deputyRespondedAt: r.deputy_responded_at,
  };
}

/** The facts the ledger's rules read, from a promise row. */
export function promiseFacts(
  p: Pick<PromiseRow, 'status' | 'fulfilment_requested_at' | 'deputy_verdict' | 'verdict_due' | 'focused'>,
): PromiseFacts {
  return {
    status: p.status,
    fulfilmentRequestedAt: p.fulfilment_requested_at,
    deputyVerdict: p.deputy_verdict,
    verdictDue: p.verdict_due,
    focused: p.focused,
  };
}
