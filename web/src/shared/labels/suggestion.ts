// Every enum value the server sends, with the words the offices use. The server keeps the
// shared ones in server/src/shared/labels.ts (one place for both sides); this file re-exports
// them with the types the web app needs and adds the few only the browser shows.
import {
  assignmentRoleLabels as serverAssignmentRoleLabels,
  assignmentStateLabels as serverAssignmentStateLabels,
  closeKindLabels as serverCloseKindLabels,
  contactKindLabels as serverContactKindLabels,
  contactPhaseLabels as serverContactPhaseLabels,
  cosignerStatusLabels as serverCosignerStatusLabels,
  disclosureLabels as serverDisclosureLabels,
  modeLabels,
  periodLabels as serverPeriodLabels,
  ratingLabels as serverRatingLabels,
  replyStateLabels as serverReplyStateLabels,
  requestStatusLabels as serverRequestStatusLabels,
  standingLabels as serverStandingLabels,
  statusLabels,
} from '../../../../server/src/shared/labels';

export type SuggestionStatus =
  'draft' | 'submitted' | 'returned' | 'declined' | 'registered' | 'assigned' | 'replied' | 'rehandling' | 'closed';

export const suggestionStatusLabels: Record<SuggestionStatus, string> = statusLabels;

/** antd Tag colours per status. */
export const suggestionStatusColors: Record<SuggestionStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  declined: 'error',
  registered: 'cyan',
  assigned: 'blue',
  replied: 'purple',
  rehandling: 'magenta',
  closed: 'success',
};

export type AssignmentState =
  'pending_ack' | 'handling' | 'replied' | 'rehandling' | 'opinion_sent' | 'closed' | 'ended';

export const assignmentStateLabels: Record<AssignmentState, string> = serverAssignmentStateLabels;

export type AssignmentRole = 'sole' | 'lead' | 'co' | 'separate';

export const assignmentRoleLabels: Record<AssignmentRole, string> = serverAssignmentRoleLabels;

export type HandlingMode = 'sole' | 'lead_co' | 'separate';

export const handlingModeLabels: Record<HandlingMode, string> = modeLabels;

export type RatingLevel = 'very_satisfied' | 'satisfied' | 'basically_satisfied' | 'unsatisfied';

export const ratingLevels: readonly RatingLevel[] = [
  'very_satisfied',
  'satisfied',
  'basically_satisfied',
  'unsatisfied',
];

export const ratingLabels: Record<RatingLevel, string> = serverRatingLabels;

export type ContactPhase = 'before' | 'during' | 'after';
export const contactPhaseLabels: Record<ContactPhase, string> = serverContactPhaseLabels;

export type ContactKind = 'visit' | 'meeting' | 'phone' | 'video' | 'message';
export const contactKindLabels: Record<ContactKind, string> = serverContactKindLabels;

export type ReplyState = 'draft' | 'in_review' | 'sent';
export const replyStateLabels: Record<ReplyState, string> = serverReplyStateLabels;

export type RequestStatus = 'pending' | 'accepted' | 'rejected' | 'granted' | 'refused';
export const requestStatusLabels: Record<RequestStatus, string> = serverRequestStatusLabels;

export type Period = 'in_session' | 'between_sessions';
export const periodLabels: Record<Period, string> = serverPeriodLabels;

export type Disclosure = 'undecided' | 'published' | 'withheld';
export const disclosureLabels: Record<Disclosure, string> = serverDisclosureLabels;

export type CloseKind = 'rated' | 'no_feedback' | 'office';
export const closeKindLabels: Record<CloseKind, string> = serverCloseKindLabels;

export type CosignerStatus = 'invited' | 'confirmed' | 'declined';
export const cosignerStatusLabels: Record<CosignerStatus, string> = serverCosignerStatusLabels;

export const reviewDecisionLabels: Record<string, string> = {
  submit: '提交审核',
  approve: '审核通过',
  sign: '签发',
  return: '退回修改',
};

/** A label for any value, falling back to the raw value so a new server enum still shows. */
export function labelOf<K extends string>(labels: Record<K, string>, value: string | null | undefined): string {
  if (!value) return '—';
  return (labels as Record<string, string>)[value] ?? value;
}

export type DeadlineStanding =
  'done_on_time' | 'done_late' | 'on_track' | 'near' | 'overdue' | 'past_reply_due' | 'past_latest_due';

export const standingLabels: Record<DeadlineStanding, string> = serverStandingLabels;

export const standingColors: Record<DeadlineStanding, string> = {
  done_on_time: 'green',
  done_late: 'orange',
  on_track: 'blue',
  near: 'gold',
  overdue: 'red',
  past_reply_due: 'volcano',
  past_latest_due: 'magenta',
};
