import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { LetterheadState, UrgingNotice } from '../../../../server/src/modules/documents/documents.schemas';

// The official documents' API: the unit's or office's letterhead, a suggestion's urging
// notices; the types are the server's response schemas (documents.schemas.ts).
export type { LetterheadState, UrgingNotice };

export const letterheadKey = ['letterhead'] as const;
export const urgingKey = (suggestionId: number) => ['urging-notices', suggestionId] as const;

export const useLetterhead = () =>
  useQuery({ queryKey: letterheadKey, queryFn: () => api.get<LetterheadState>('/letterhead') });

export const useUrgingNotices = (suggestionId: number) =>
  useQuery({
    queryKey: urgingKey(suggestionId),
    queryFn: () => api.get<{ items: UrgingNotice[] }>(`/suggestions/${suggestionId}/urging-notices`),
  });

export const docxUrl = (kind: 'replies' | 'urging-notices', id: number) =>
  kind === 'replies' ? `/api/replies/${id}/letter/docx` : `/api/urging-notices/${id}/docx`;
export const pageUrl = (kind: 'replies' | 'urging-notices', id: number) =>
  kind === 'replies' ? `/api/replies/${id}/letter/html` : `/api/urging-notices/${id}/html`;
