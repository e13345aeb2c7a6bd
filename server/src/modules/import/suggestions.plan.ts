import type { IsoDate } from '../deadline/deadline.workflow.js';
import type { DeadlineContext } from '../handling-rules/handling-rules.repository.js';
import type {
  AssignmentState,
  HandlingMode,
  RatingLevel,
  SuggestionStatus,
} from '../suggestion/suggestion.workflow.js';
import type { assignmentDeadlines } from '../suggestion/assignment.deadlines.js';
import type { ImportedRole } from './import.cells.js';
import type { FieldRow } from './import.check.js';

// What a file of past years' suggestions becomes once checked (the plan the publish writes),
// and the congress's references the check reads it against.

export interface SuggestionRefs {
  today: IsoDate;
  deadlines: DeadlineContext;
  terms: { id: number; ordinal: number }[];
  sessions: { id: number; termId: number; termOrdinal: number; ordinal: number }[];
  deputies: { id: number; name: string; termId: number; delegationId: number | null; deputyGroupId: number | null }[];
  delegations: { id: number; name: string }[];
  units: { id: number; name: string; shortName: string }[];
  categories: { code: string; name: string }[];
  /** `${sessionId}:${period}:${number}` of the numbers already taken. */
  takenNumbers: Set<string>;
}

export type Period = 'in_session' | 'between_sessions';

export interface PlannedSession {
  termOrdinal: number;
  ordinal: number;
  opensOn: IsoDate;
  closesOn: IsoDate;
  /** The existing term, or null when the publish creates it. */
  termId: number | null;
}

export interface PlannedReply {
  round: number;
  repliedOn: IsoDate;
  classCode: string;
  onTime: boolean;
  docNumber: string;
  feedbackDue: IsoDate;
  rating: { attitude: RatingLevel; result: RatingLevel; ratedOn: IsoDate; comment: string } | null;
  promise: { doneText: string; plannedText: string; notDoneReason: string } | null;
}

export interface PlannedPart {
  unitId: number;
  role: 'sole' | 'lead' | 'co' | 'separate';
  assignedOn: IsoDate;
  deadlines: ReturnType<typeof assignmentDeadlines>;
  state: AssignmentState;
  rehandlingRound: number;
  rehandlingDue: IsoDate | null;
  opinion: { on: IsoDate; onTime: boolean } | null;
  replies: PlannedReply[];
  promise: {
    classCode: string;
    targetOn: IsoDate;
    doneText: string;
    plannedText: string;
    notDoneReason: string;
    fulfilledOn: IsoDate | null;
  } | null;
}

export interface PlannedSuggestion {
  session: { id: number } | { planned: number };
  period: Period;
  number: number;
  title: string;
  body: string;
  categoryCode: string;
  leadDeputyId: number;
  cosignerIds: number[];
  delegationId: number | null;
  deputyGroupId: number | null;
  submittedOn: IsoDate;
  registeredOn: IsoDate;
  assignedOn: IsoDate | null;
  mode: HandlingMode | null;
  status: SuggestionStatus;
  closeKind: 'rated' | 'no_feedback' | null;
  closedOn: IsoDate | null;
  rehandlingRound: number;
  parts: PlannedPart[];
}

export interface SuggestionPlan {
  sessions: PlannedSession[];
  suggestions: PlannedSuggestion[];
}

export interface UnitRow {
  row: FieldRow;
  unitId: number;
  role: ImportedRole;
  opinionOn: IsoDate | undefined;
  opinionOnTime: boolean | undefined;
}

export interface ReplyRow {
  row: FieldRow;
  unitId: number;
  round: number;
  reply: Omit<PlannedReply, 'onTime' | 'feedbackDue'> & { onTime: boolean | undefined };
  targetOn: IsoDate | undefined;
  fulfilled: boolean;
}
