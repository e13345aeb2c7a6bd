import type { AssignmentState } from '../../../modules/suggestion/suggestion.workflow.js';
import type { AuditAction } from '../../../platform/audit.js';
import type { AssignmentRole, RatingLevel, RoleName } from '../../schema.js';
import type { IsoDate } from './dates.js';

// The shapes shared by the demo generators: the directory of a congress (who exists) and
// the plan of each suggestion's life (what happened), written to the database in bulk.

export interface Person {
  id: number;
  name: string;
  phone: string;
}

export interface DeputyRef extends Person {
  deputyId: number;
  delegationId: number | null;
  groupId: number | null;
  city: string;
}

export interface UnitRef {
  id: number;
  key: string;
  name: string;
  docPrefix: string;
  systemId: number;
  chain: string[];
  handler: Person;
  reviewer: Person;
  signer: Person;
}

export interface CategoryRef {
  code: string;
  weight: number;
  leads: UnitRef[];
  cos: UnitRef[];
}

export interface SessionRef {
  id: number;
  opensOn: IsoDate;
  closesOn: IsoDate;
  submissionClosesAt: Date;
}

export interface CongressDirectory {
  congressId: number;
  session: SessionRef;
  office: Person;
  deputies: DeputyRef[];
  units: Map<string, UnitRef>;
  categories: CategoryRef[];
  systemIds: Map<string, number>;
  committeeIds: Map<string, number>;
  /** Users by username, for the demo accounts. */
  users: Map<string, Person>;
}

export interface AuditPlan {
  at: Date;
  action: AuditAction;
  actor: Person | null;
  role: RoleName | 'system';
  entity: 'suggestion' | 'assignment' | 'reply' | 'promise' | 'reassignment_request' | 'extension_request';
  /** Resolved after the rows are written. */
  ref: { id?: number } | null;
  before?: unknown;
  after?: unknown;
}

export interface RatingPlan {
  deputy: DeputyRef;
  isLead: boolean;
  attitude: RatingLevel;
  result: RatingLevel;
  comment: string;
  at: Date;
}

export interface ReplyPlan {
  id?: number;
  round: number;
  state: 'draft' | 'in_review' | 'sent';
  classCode: string;
  body: string;
  consulted: string;
  promise: { done: string; planned: string; notDone: string } | null;
  reviewStep: number;
  draftedAt: Date;
  sentAt: Date | null;
  onTime: boolean | null;
  docNumber: string;
  reviews: {
    step: number;
    role: string;
    decision: 'submit' | 'approve' | 'sign' | 'return';
    comment: string;
    by: Person;
    at: Date;
  }[];
  ratings: RatingPlan[];
  ledger: { id?: number; targetOn: IsoDate; fulfilledAt: Date | null; progress: { at: Date; text: string }[] } | null;
  /** The audit payload of the sending, completed with the document number once numbered. */
  sentPayload: Record<string, unknown> | null;
}

export interface PartPlan {
  id?: number;
  unit: UnitRef;
  role: AssignmentRole;
  state: AssignmentState;
  assignedOn: IsoDate;
  /** The moment of 交办 (or of the accepted reassignment). */
  openedAt: Date;
  replyDue: IsoDate;
  replyDueLatest: IsoDate;
  replyDueRule: string;
  opinionDue: IsoDate | null;
  windowUntil: IsoDate;
  extendedDue: IsoDate | null;
  rehandlingDue: IsoDate | null;
  acknowledgedAt: Date | null;
  plan: string | null;
  plannedReplyOn: IsoDate | null;
  repliedAt: Date | null;
  repliedOnTime: boolean | null;
  opinion: { at: Date; onTime: boolean; body: string } | null;
  endedAt: Date | null;
  endReason: string | null;
  contacts: {
    phase: 'before' | 'during' | 'after';
    kind: 'visit' | 'meeting' | 'phone' | 'video' | 'message';
    on: IsoDate;
    summary: string;
    at: Date;
  }[];
  replies: ReplyPlan[];
  extension: {
    id?: number;
    requestedDue: IsoDate;
    reason: string;
    status: 'pending' | 'granted' | 'refused';
    at: Date;
    ruledAt: Date | null;
    ruling: string | null;
  } | null;
}

export interface ReassignmentPlan {
  id?: number;
  part: PartPlan | null;
  by: Person;
  kind: 'unit' | 'deputy';
  reason: string;
  proposed: UnitRef[];
  status: 'pending' | 'accepted' | 'rejected';
  at: Date;
  ruledAt: Date | null;
  ruling: string | null;
}

export type SuggestionStatus =
  'draft' | 'submitted' | 'returned' | 'declined' | 'registered' | 'assigned' | 'replied' | 'rehandling' | 'closed';

export interface SuggestionPlan {
  id?: number;
  dir: CongressDirectory;
  period: 'in_session' | 'between_sessions';
  status: SuggestionStatus;
  number: number | null;
  categoryCode: string;
  title: string;
  body: string;
  lead: DeputyRef;
  cosigners: { deputy: DeputyRef; status: 'invited' | 'confirmed'; at: Date | null }[];
  mayDisclose: boolean;
  disclosure: 'undecided' | 'published' | 'withheld';
  publishedAt: Date | null;
  isKey: boolean;
  mode: 'sole' | 'lead_co' | 'separate' | null;
  reviewComment: string | null;
  declineReason: string | null;
  closeKind: 'rated' | 'no_feedback' | 'office' | null;
  closeReason: string | null;
  rehandlingRound: number;
  createdAt: Date;
  submittedAt: Date | null;
  registeredAt: Date | null;
  assignedOn: IsoDate | null;
  closedAt: Date | null;
  preAssigned: { unit: UnitRef; role: AssignmentRole }[];
  parts: PartPlan[];
  reassignments: ReassignmentPlan[];
  events: AuditPlan[];
}
