import { useListParams } from '../../shared/hooks/useListParams';
import { useSuggestionList } from './suggestion.api';
import type { SuggestionListQuery, SuggestionSort } from './suggestion.types';

/** URL-kept paging, sorting and filters joined to the server list; `fixed` narrows it (e.g. status). */
/** `defaults` apply until the user changes that filter. */
export function useSuggestionTable(
  fixed: SuggestionListQuery = {},
  defaultSort: SuggestionSort = '-updated',
  defaults: SuggestionListQuery = {},
) {
  const params = useListParams(20);
  const { sort: sortParam, ...filters } = params.filters;
  const sort = (sortParam as SuggestionSort | undefined) ?? defaultSort;
  const query: SuggestionListQuery = {
    page: params.page,
    pageSize: params.pageSize,
    sort,
    ...defaults,
    ...(filters as SuggestionListQuery),
    ...fixed,
  };
  // 'all' in the URL means "this filter's default does not apply".
  for (const [k, v] of Object.entries(query)) if (v === 'all') delete (query as Record<string, unknown>)[k];
  const list = useSuggestionList(query);
  return {
    list,
    query,
    filters: { ...(defaults as Record<string, string>), ...filters },
    setFilters: params.setFilters,
    tableProps: {
      data: list.data,
      loading: list.isFetching,
      page: params.page,
      pageSize: params.pageSize,
      sort,
      onPage: params.setPage,
      onSort: (s: SuggestionSort) => params.setFilters({ sort: s }),
    },
  };
}
