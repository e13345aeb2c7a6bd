// Every enum value the server sends, with the words the offices use. The server keeps the
// shared ones in server/src/shared/labels.ts (one place for both sides); this file re-exports
// them with the types the web app needs (each union is the keys of the server's table) and adds
// the few only the browser shows.
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

export type SuggestionStatus = keyof typeof statusLabels;

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

export type AssignmentState = keyof typeof serverAssignmentStateLabels;

export const assignmentStateLabels: Record<AssignmentState, string> = serverAssignmentStateLabels;

export type AssignmentRole = keyof typeof serverAssignmentRoleLabels;

export const assignmentRoleLabels: Record<AssignmentRole, string> = serverAssignmentRoleLabels;

export type HandlingMode = keyof typeof modeLabels;

export const handlingModeLabels: Record<HandlingMode, string> = modeLabels;

export type RatingLevel = keyof typeof serverRatingLabels;

export const ratingLevels: readonly RatingLevel[] = [
  'very_satisfied',
  'satisfied',
  'basically_satisfied',
  'unsatisfied',
];

export const ratingLabels: Record<RatingLevel, string> = serverRatingLabels;

export type ContactPhase = keyof typeof serverContactPhaseLabels;
export const contactPhaseLabels: Record<ContactPhase, string> = serverContactPhaseLabels;

export type ContactKind = keyof typeof serverContactKindLabels;
export const contactKindLabels: Record<ContactKind, string> = serverContactKindLabels;

export type ReplyState = keyof typeof serverReplyStateLabels;
export const replyStateLabels: Record<ReplyState, string> = serverReplyStateLabels;

export type RequestStatus = keyof typeof serverRequestStatusLabels;
export const requestStatusLabels: Record<RequestStatus, string> = serverRequestStatusLabels;

export type Period = keyof typeof serverPeriodLabels;
export const periodLabels: Record<Period, string> = serverPeriodLabels;

export type Disclosure = keyof typeof serverDisclosureLabels;
export const disclosureLabels: Record<Disclosure, string> = serverDisclosureLabels;

export type CloseKind = keyof typeof serverCloseKindLabels;
export const closeKindLabels: Record<CloseKind, string> = serverCloseKindLabels;

export type CosignerStatus = keyof typeof serverCosignerStatusLabels;
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

export type DeadlineStanding = keyof typeof serverStandingLabels;

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
