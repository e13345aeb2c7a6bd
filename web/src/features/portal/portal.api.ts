import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type {
  PublicFiguresBody,
  PublicOptions,
  PublicSuggestion,
  PublicSuggestionItem,
  PublicSuggestionPage,
} from '../../../../server/src/modules/portal/portal.schemas';

// The public portal's reads. Nothing here needs a session; the server returns only what the
// office has published (阳光公开).

// The types are the server's response schemas (server: portal.schemas.ts).
export type { PublicOptions, PublicSuggestion, PublicSuggestionItem };
export type PublicUnit = PublicSuggestionItem['units'][number];
export type PublicRating = NonNullable<PublicSuggestionItem['rating']>;
export type PublicReply = PublicSuggestion['replies'][number];

export function usePublicSuggestions(query: Record<string, string | number>) {
  return useQuery({
    queryKey: ['portal', 'suggestions', query],
    queryFn: () => api.get<PublicSuggestionPage>('/public/suggestions', query),
    placeholderData: keepPreviousData,
  });
}

export function usePublicSuggestion(id: number) {
  return useQuery({
    queryKey: ['portal', 'suggestion', id],
    queryFn: () => api.get<PublicSuggestion>(`/public/suggestions/${id}`),
  });
}

export function usePublicOptions() {
  return useQuery({
    queryKey: ['portal', 'options'],
    queryFn: () => api.get<PublicOptions>('/public/options'),
    staleTime: 10 * 60_000,
  });
}

export function usePublicFigures(sessionId: number | undefined) {
  return useQuery({
    queryKey: ['portal', 'figures', sessionId ?? null],
    queryFn: () => api.get<PublicFiguresBody>('/public/figures', sessionId ? { sessionId } : undefined),
    placeholderData: keepPreviousData,
  });
}
