import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { Period } from '../../shared/labels/suggestion';

export interface ReassignmentRow {
  id: number;
  suggestion_id: number;
  requester_kind: 'unit' | 'deputy';
  requester_name: string;
  reason: string;
  proposed_unit_ids: number[];
  status: 'pending' | 'accepted' | 'rejected';
  ruling_reason: string | null;
  created_at: string;
  title: string;
  number: number | null;
  period: Period;
  version: number;
  numberLabel: string;
}

export interface ExtensionRow {
  id: number;
  suggestion_id: number;
  unit_name: string;
  requested_due: string;
  reply_due: string;
  reply_due_latest: string;
  reason: string;
  status: 'pending' | 'granted' | 'refused';
  ruling_reason: string | null;
  created_at: string;
  title: string;
  number: number | null;
  period: Period;
  numberLabel: string;
}

/** The office's queues of requests (server: reassignment.routes.ts). */
export function useRequestQueues(status?: string) {
  const reassignments = useQuery({
    queryKey: ['suggestions', 'reassignment-requests', status ?? null],
    queryFn: () => api.get<{ items: ReassignmentRow[] }>('/reassignment-requests', { status }),
  });
  const extensions = useQuery({
    queryKey: ['suggestions', 'extension-requests', status ?? null],
    queryFn: () => api.get<{ items: ExtensionRow[] }>('/extension-requests', { status }),
  });
  return { reassignments, extensions };
}
