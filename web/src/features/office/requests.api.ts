import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type {
  ExtensionRequestItem,
  ExtensionRequestPage,
  ReassignmentRequestItem,
  ReassignmentRequestPage,
} from '../../../../server/src/modules/suggestion/request.schemas';

/** The queues' rows, as the server's response schemas say (server: request.schemas.ts). */
export type ReassignmentRow = ReassignmentRequestItem;
export type ExtensionRow = ExtensionRequestItem;

export interface Paging {
  page: number;
  pageSize: number;
}

const first: Paging = { page: 1, pageSize: 20 };

/** The office's queues of requests, paged on the server (server: reassignment.routes.ts). */
export function useRequestQueues(status?: string, reassignmentPaging: Paging = first, extensionPaging: Paging = first) {
  const reassignments = useQuery({
    queryKey: ['suggestions', 'reassignment-requests', status ?? null, reassignmentPaging],
    queryFn: () => api.get<ReassignmentRequestPage>('/reassignment-requests', { status, ...reassignmentPaging }),
    placeholderData: keepPreviousData,
  });
  const extensions = useQuery({
    queryKey: ['suggestions', 'extension-requests', status ?? null, extensionPaging],
    queryFn: () => api.get<ExtensionRequestPage>('/extension-requests', { status, ...extensionPaging }),
    placeholderData: keepPreviousData,
  });
  return { reassignments, extensions };
}
