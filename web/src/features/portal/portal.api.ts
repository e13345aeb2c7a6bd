import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { AssignmentRole, Period, RatingLevel } from '../../shared/labels/suggestion';

// The public portal's reads. Nothing here needs a session; the server returns only what the
// office has published (阳光公开).

export interface PublicUnit {
  name: string;
  role: AssignmentRole;
}

export interface PublicRating {
  attitude: RatingLevel;
  result: RatingLevel;
}

export interface PublicSuggestionItem {
  id: number;
  number: number | null;
  period: Period;
  title: string;
  sessionName: string;
  categoryName: string;
  leadDeputyName: string;
  delegationName: string | null;
  units: PublicUnit[];
  replyClass: string | null;
  rating: PublicRating | null;
  publishedAt: string | null;
}

export interface PublicReply {
  unitName: string;
  classCode: string;
  docNumber: string;
  body: string;
  sentAt: string | null;
}

export interface PublicSuggestion extends PublicSuggestionItem {
  body: string;
  coSignerNames: string[];
  replies: PublicReply[];
}

export interface PublicOptions {
  sessions: { id: number; name: string }[];
  categories: { code: string; name: string }[];
  units: { id: number; name: string }[];
}

export function usePublicSuggestions(query: Record<string, string | number>) {
  return useQuery({
    queryKey: ['portal', 'suggestions', query],
    queryFn: () => api.get<{ items: PublicSuggestionItem[]; total: number }>('/public/suggestions', query),
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
