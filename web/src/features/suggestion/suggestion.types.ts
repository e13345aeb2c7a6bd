// The shapes the suggestion list answers and takes: the server's schemas
// (server/src/modules/suggestion/suggestion.detail.schemas.ts and suggestion.schemas.ts).
import type { ListQuery } from '../../../../server/src/modules/suggestion/suggestion.schemas';
import type {
  SuggestionListItem,
  SuggestionPage,
} from '../../../../server/src/modules/suggestion/suggestion.detail.schemas';

export type { SuggestionListItem, SuggestionPage };

/** One unit's part of a listed suggestion. */
export type UnitPart = SuggestionListItem['units'][number];

export type SuggestionSort = ListQuery['sort'];

/** The list's filters, each optional (the server fills in its defaults). */
export type SuggestionListQuery = Partial<ListQuery>;
