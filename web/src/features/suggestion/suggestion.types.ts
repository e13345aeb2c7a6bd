// The shapes the suggestion API returns (server/src/modules/suggestion/suggestion.list.ts and
// the detail presenter). Field names follow the server exactly.
import type {
  AssignmentRole,
  AssignmentState,
  DeadlineStanding,
  Period,
  RatingLevel,
  SuggestionStatus,
} from '../../shared/labels/suggestion';

export interface UnitPart {
  unitId: number;
  unitName: string;
  role: AssignmentRole;
  roleLabel: string;
  state: AssignmentState;
  stateLabel: string;
  due: string;
  assignedOn: string;
  standing: DeadlineStanding | null;
  daysLeft: number | null;
}

export interface SuggestionListItem {
  id: number;
  version: number;
  number: number | null;
  numberLabel: string;
  period: Period;
  title: string;
  status: SuggestionStatus;
  statusLabel: string;
  categoryCode: string;
  categoryName: string | null;
  isKey: boolean;
  leadDeputyName: string | null;
  delegationName: string | null;
  submittedAt: string | null;
  updatedAt: string;
  assignedOn: string | null;
  units: UnitPart[];
  myPart: UnitPart | null;
  leadRating: RatingLevel | null;
  /** The viewing deputy's relation to it: lead, or co-signer and how they answered. */
  myRelation: 'lead' | 'cosigner_invited' | 'cosigner_confirmed' | 'cosigner_declined' | null;
}

export interface SuggestionPage {
  items: SuggestionListItem[];
  total: number;
  page: number;
  pageSize: number;
}

export type SuggestionSort =
  'number' | '-number' | 'submitted' | '-submitted' | 'updated' | '-updated' | 'due' | '-due';

export interface SuggestionListQuery {
  page?: number;
  pageSize?: number;
  status?: SuggestionStatus;
  sessionId?: number;
  unitId?: number;
  categoryCode?: string;
  classId?: number;
  overdue?: 'true' | 'false';
  isKey?: 'true' | 'false';
  rating?: RatingLevel | 'none';
  q?: string;
  sort?: SuggestionSort;
  /** Unit viewers: the states of their own part, comma-separated (pending_ack,handling …). */
  partState?: string;
  /** Unit reviewers and signers: replies waiting at their step of the review chain. */
  awaitingMyReview?: 'true' | 'false';
  /** Open parts due within the congress's near-due days. */
  nearDue?: 'true' | 'false';
}
