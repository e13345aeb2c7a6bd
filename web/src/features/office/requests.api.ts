import { keepPreviousData, useQuery } from '@tanstack/react-query';
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
  proposed_unit_names: string[];
  /** The unit that asked (null when the deputy asked). */
  requesting_unit_name: string | null;
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

export interface Paging {
  page: number;
  pageSize: number;
}

interface RequestPage<T> {
  items: T[];
  total: number;
}

const first: Paging = { page: 1, pageSize: 20 };

/** The office's queues of requests, paged on the server (server: reassignment.routes.ts). */
export function useRequestQueues(status?: string, reassignmentPaging: Paging = first, extensionPaging: Paging = first) {
  const reassignments = useQuery({
    queryKey: ['suggestions', 'reassignment-requests', status ?? null, reassignmentPaging],
    queryFn: () => api.get<RequestPage<ReassignmentRow>>('/reassignment-requests', { status, ...reassignmentPaging }),
    placeholderData: keepPreviousData,
  });
  const extensions = useQuery({
    queryKey: ['suggestions', 'extension-requests', status ?? null, extensionPaging],
    queryFn: () => api.get<RequestPage<ExtensionRow>>('/extension-requests', { status, ...extensionPaging }),
    placeholderData: keepPreviousData,
  });
  return { reassignments, extensions };
}
