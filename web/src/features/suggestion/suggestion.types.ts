// The shapes the suggestion API returns (server/src/modules/suggestion/suggestion.list.ts and
// the detail presenter). Field names follow the server exactly.
import type { AssignmentRole, AssignmentState, DeadlineStanding, Period, RatingLevel, SuggestionStatus } from '../../shared/labels/suggestion';

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
}

export interface SuggestionPage {
  items: SuggestionListItem[];
  total: number;
  page: number;
  pageSize: number;
}

export type SuggestionSort = 'number' | '-number' | 'submitted' | '-submitted' | 'updated' | '-updated';

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
  /** Unit viewers: the state of their own part (proposed to the server; ignored until supported). */
  partState?: string;
}
