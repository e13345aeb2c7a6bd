import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';

export interface PromiseItem {
  id: number;
  suggestionId: number;
  suggestionTitle: string;
  suggestionNumber: string;
  unitName: string;
  classCode: string;
  doneText: string;
  plannedText: string;
  notDoneReason: string;
  targetOn: string;
  status: 'open' | 'fulfilled';
  fulfilledAt: string | null;
  fulfilNote: string | null;
  progress: { reportedAt: string; progress: string }[];
}

export function usePromises(query: Record<string, string | number>) {
  return useQuery({
    queryKey: ['promises', query],
    queryFn: () => api.get<{ items: PromiseItem[]; total: number }>('/promises', query),
    placeholderData: keepPreviousData,
  });
}

export function useReportProgress() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, progress }: { id: number; progress: string }) =>
      api.post(`/promises/${id}/progress`, { progress }),
    meta: { success: '进展已报告' },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['promises'] }),
  });
}

export function useFulfilPromise() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: number; note: string }) => api.post(`/promises/${id}/fulfil`, { note }),
    meta: { success: '已销号' },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['promises'] }),
  });
}
