import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportJob } from '../../../../server/src/modules/import/import.schemas';
import { api } from '../../shared/api/client';

export type { ImportJob };
export type ImportKind = ImportJob['kind'];
export type ImportProblem = ImportJob['problems'][number];

const running: readonly ImportJob['state'][] = ['reading', 'checking', 'publishing'];
export const isRunning = (job: ImportJob | undefined) => !!job && running.includes(job.state);

const key = (id: number | null) => ['import', id] as const;

/** The job, polled every half second while the server works on it. */
export const useImportJob = (id: number | null) =>
  useQuery({
    queryKey: key(id),
    queryFn: () => api.get<ImportJob>(`/imports/${id}`),
    enabled: id !== null,
    refetchInterval: (q) => (isRunning(q.state.data) ? 500 : false),
  });

export function useStartImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file, password }: { kind: ImportKind; file: File; password: string }) => {
      const body = new FormData();
      // Fields before the file: the server reads them with it.
      if (password) body.append('initialPassword', password);
      body.append('file', file);
      return api.post<ImportJob>(`/imports?kind=${kind}`, body);
    },
    onSuccess: (job) => qc.setQueryData(key(job.id), job),
  });
}

export function usePublishImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<ImportJob>(`/imports/${id}/publish`),
    onSuccess: (job) => qc.setQueryData(key(job.id), job),
  });
}

export const templateUrl = (kind: ImportKind) => `/api/import-templates/${kind}`;
export const exportUrl = (kind: ImportKind, sessionId?: number) =>
  `/api/exports/${kind}${kind === 'suggestions' && sessionId ? `?sessionId=${sessionId}` : ''}`;
