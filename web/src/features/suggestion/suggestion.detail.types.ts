// One suggestion as GET /api/suggestions/:id presents it (server: suggestion.presenter.ts).
import type {
  AssignmentRole,
  AssignmentState,
  CloseKind,
  ContactKind,
  ContactPhase,
  CosignerStatus,
  DeadlineStanding,
  Disclosure,
  HandlingMode,
  Period,
  RatingLevel,
  ReplyState,
  RequestStatus,
  SuggestionStatus,
} from '../../shared/labels/suggestion';
import type { Abilities } from './abilities';

export interface Assignment {
  id: number;
  unitId: number;
  unitName: string;
  role: AssignmentRole;
  roleLabel: string;
  state: AssignmentState;
  stateLabel: string;
  assignedOn: string;
  replyDue: string;
  replyDueLatest: string;
  dueRule: string;
  opinionDue: string | null;
  extendedDue: string | null;
  rehandlingDue: string | null;
  /** How many times this unit's part was sent back for re-handling (0: never). */
  rehandlingRound: number;
  effectiveDue: string;
  standing: DeadlineStanding | null;
  daysLeft: number | null;
  reassignmentWindowUntil: string;
  acknowledgedAt: string | null;
  handlerName: string | null;
  handlerPhone: string | null;
  plan: string | null;
  plannedReplyOn: string | null;
  repliedAt: string | null;
  repliedOnTime: boolean | null;
  opinionSentAt: string | null;
  opinionOnTime: boolean | null;
  endedAt: string | null;
  endReason: string | null;
}

export interface Reply {
  id: number;
  unitId: number;
  unitName: string;
  assignmentId: number;
  round: number;
  state: ReplyState;
  stateLabel: string;
  classCode: string;
  docNumber: string;
  body: string;
  handlerName: string;
  handlerPhone: string;
  consultedUnits: string;
  promise: { doneText: string; plannedText: string; notDoneReason: string };
  reviewStep: number;
  sentAt: string | null;
  onTime: boolean | null;
  /** The last day the deputies may rate this letter (反馈期限), fixed when it was sent. */
  feedbackDue: string | null;
  /** The version of the reply class table the class code is from. */
  classTableVersion: string;
  version: number;
}

export interface Rating {
  id: number;
  replyId: number;
  deputyName: string | null;
  isLeadDeputy: boolean | null;
  mine: boolean;
  attitude: RatingLevel;
  attitudeLabel: string;
  result: RatingLevel;
  resultLabel: string;
  comment: string;
  ratedAt: string;
}

export interface Contact {
  id: number;
  unitName: string;
  phase: ContactPhase;
  phaseLabel: string;
  kind: ContactKind;
  kindLabel: string;
  contactedOn: string;
  summary: string;
}

export interface Opinion {
  id: number;
  unitName: string;
  body: string;
  sentAt: string;
  onTime: boolean;
}

export interface ExtensionRequest {
  id: number;
  unitName: string;
  requestedDue: string;
  reason: string;
  status: RequestStatus;
  statusLabel: string;
  rulingReason: string | null;
  createdAt: string;
}

export interface ReassignmentRequest {
  id: number;
  requesterKind: 'unit' | 'deputy';
  requesterName: string;
  reason: string;
  proposedUnitIds: number[];
  status: RequestStatus;
  statusLabel: string;
  rulingReason: string | null;
  createdAt: string;
  ruledAt: string | null;
}

export interface TimelineEvent {
  id: number;
  at: string;
  action: string;
  label: string;
  actorName: string | null;
}

export interface SuggestionDetail {
  id: number;
  version: number;
  number: number | null;
  numberLabel: string;
  period: Period;
  periodLabel: string;
  sessionId: number;
  sessionLabel: string;
  title: string;
  body: string;
  categoryCode: string;
  categoryName: string | null;
  status: SuggestionStatus;
  statusLabel: string;
  mode: HandlingMode | null;
  modeLabel: string | null;
  leadDeputy: { id: number; name: string | null };
  delegationName: string | null;
  cosigners: { deputyId: number; name: string; status: CosignerStatus }[];
  mayDisclose: boolean;
  disclosure: Disclosure;
  publishedAt: string | null;
  isKey: boolean;
  class: { id: number; name: string | null } | null;
  reviewComment: string | null;
  declineReason: string | null;
  closeKind: CloseKind | null;
  closeKindLabel: string | null;
  closeReason: string | null;
  rehandlingRound: number;
  submittedAt: string | null;
  registeredAt: string | null;
  assignedOn: string | null;
  closedAt: string | null;
  updatedAt: string;
  preAssignments: { unitId: number; unitName: string; role: AssignmentRole; roleLabel: string }[];
  assignments: Assignment[];
  replies: Reply[];
  ratings: Rating[];
  contacts: Contact[];
  opinions: Opinion[];
  extensionRequests: ExtensionRequest[];
  reassignmentRequests: ReassignmentRequest[];
  attachments: { id: number; fileName: string; mimeType: string; sizeBytes: number; uploadedAt: string }[];
  timeline: TimelineEvent[];
  abilities: Abilities;
}
