import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import { notifySuccess } from '../../shared/api/notify';
import type { SuggestionDetail } from './suggestion.detail.types';
import type { SuggestionListQuery, SuggestionPage } from './suggestion.types';

export const suggestionKeys = {
  all: ['suggestions'] as const,
  list: (q: SuggestionListQuery) => ['suggestions', 'list', q] as const,
  detail: (id: number) => ['suggestions', 'detail', id] as const,
};

export function useSuggestionList(query: SuggestionListQuery, enabled = true) {
  return useQuery({
    queryKey: suggestionKeys.list(query),
    queryFn: () => api.get<SuggestionPage>('/suggestions', { ...query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSuggestion(id: number) {
  return useQuery({
    queryKey: suggestionKeys.detail(id),
    queryFn: () => api.get<SuggestionDetail>(`/suggestions/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });
}

function isDetail(data: unknown): data is SuggestionDetail {
  return typeof data === 'object' && data !== null && 'abilities' in data && 'id' in data;
}

export interface ActionCall {
  /** Path under /api, e.g. `/suggestions/12/register`. */
  path: string;
  /** POST unless said (the reply draft is a PUT). */
  method?: 'POST' | 'PUT';
  body?: unknown;
  /** What changed, shown to the user on success (每个操作都告诉用户改变了什么). */
  done: string;
}

/**
 * A state-changing POST on suggestions. Every list and detail is refreshed afterwards so the
 * page shows the new state; after a 409 (someone else changed it) the refresh shows the
 * current version and the server's message says so.
 */
export function useSuggestionMutation<TResult = unknown>() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (call: ActionCall) =>
      call.method === 'PUT'
        ? api.put<TResult>(call.path, call.body ?? {})
        : api.post<TResult>(call.path, call.body ?? {}),
    onSuccess: (data, call) => {
      notifySuccess(call.done);
      // Most actions answer with the suggestion as the viewer now sees it.
      if (isDetail(data)) qc.setQueryData(suggestionKeys.detail(data.id), data);
    },
    onSettled: (data) =>
      qc.invalidateQueries({
        queryKey: suggestionKeys.all,
        predicate: (q) => !(isDetail(data) && q.queryKey[1] === 'detail' && q.queryKey[2] === data.id),
      }),
  });
}
