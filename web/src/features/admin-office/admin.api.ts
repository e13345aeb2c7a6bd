import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import { notifySuccess } from '../../shared/api/notify';

// The office's administration of its congress (server: modules/administration/*.routes.ts).
// Every write invalidates every administrative list: they are small and read together.

const adminKey = ['admin'] as const;

type Query = Record<string, string | number | boolean | undefined>;

/** One administrative list under /api/admin. */
export function useAdminList<T>(path: string, query?: Query, enabled = true) {
  return useQuery({
    queryKey: [...adminKey, path, query ?? null],
    queryFn: () => api.get<T>(`/admin${path}`, query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export interface AdminCall {
  method?: 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  /** What to say when it went through. */
  done: string;
}

export function useAdminMutation<T = unknown>() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (call: AdminCall) =>
      call.method === 'PUT'
        ? api.put<T>(`/admin${call.path}`, call.body ?? {})
        : call.method === 'DELETE'
          ? api.delete<T>(`/admin${call.path}`)
          : api.post<T>(`/admin${call.path}`, call.body ?? {}),
    onSuccess: (_data, call) => notifySuccess(call.done),
    onSettled: () => qc.invalidateQueries({ queryKey: adminKey }),
  });
}

/** A calendar day from a date picker's value, `YYYY-MM-DD`. */
export const dayOf = (value: { format: (f: string) => string } | null | undefined): string | null =>
  value ? value.format('YYYY-MM-DD') : null;
