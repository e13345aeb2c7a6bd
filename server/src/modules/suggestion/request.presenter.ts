import type { Selectable } from 'kysely';
import type { ExtensionRequestTable, ReassignmentRequestTable } from '../../db/schema.js';
import type { listExtensionRequests, listReassignmentRequests } from './request.repository.js';

// The queues' rows and the rulings as the API answers them (request.schemas.ts): camelCase.

type ReassignmentRow = Awaited<ReturnType<typeof listReassignmentRequests>>['items'][number];
type ExtensionRow = Awaited<ReturnType<typeof listExtensionRequests>>['items'][number];

export function presentReassignmentRequest(r: ReassignmentRow) {
  return {
    id: r.id,
    suggestionId: r.suggestion_id,
    title: r.title,
    number: r.number,
    period: r.period,
    numberLabel: r.numberLabel,
    version: r.version,
    requesterKind: r.requester_kind,
    requesterName: r.requester_name,
    requestingUnitName: r.requesting_unit_name,
    reason: r.reason,
    proposedUnitIds: r.proposed_unit_ids,
    proposedUnitNames: r.proposed_unit_names,
    status: r.status,
    rulingReason: r.ruling_reason,
    createdAt: r.created_at,
  };
}

export function presentExtensionRequest(e: ExtensionRow) {
  return {
    id: e.id,
    suggestionId: e.suggestion_id,
    title: e.title,
    number: e.number,
    period: e.period,
    numberLabel: e.numberLabel,
    unitName: e.unit_name,
    requestedDue: e.requested_due,
    replyDue: e.reply_due,
    replyDueLatest: e.reply_due_latest,
    reason: e.reason,
    status: e.status,
    rulingReason: e.ruling_reason,
    createdAt: e.created_at,
  };
}

export function presentReassignmentRuling(r: Selectable<ReassignmentRequestTable>) {
  return {
    id: r.id,
    suggestionId: r.suggestion_id,
    status: r.status,
    rulingReason: r.ruling_reason,
    ruledAt: r.ruled_at,
  };
}

export function presentExtensionRuling(e: Selectable<ExtensionRequestTable>) {
  return {
    id: e.id,
    suggestionId: e.suggestion_id,
    requestedDue: e.requested_due,
    status: e.status,
    rulingReason: e.ruling_reason,
    ruledAt: e.ruled_at,
  };
}
