import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type {
  CongressNode,
  CreateCongressBody,
  CreatedOfficeAccount,
  CreateOfficeAccountBody,
} from '../../../../server/src/modules/installation/installation.schemas';

export type { CongressNode, CreatedOfficeAccount };

const treeKey = ['admin', 'congresses'] as const;

export function useCongressTree() {
  return useQuery({
    queryKey: treeKey,
    queryFn: () => api.get<{ items: CongressNode[] }>('/installation/congresses'),
  });
}

export function useCreateCongress() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCongressBody) => api.post<CongressNode>('/installation/congresses', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: treeKey }),
  });
}

export function useCreateOfficeAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ congressId, ...body }: CreateOfficeAccountBody & { congressId: number }) =>
      api.post<CreatedOfficeAccount>(`/installation/congresses/${congressId}/office-accounts`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: treeKey }),
  });
}

/** The tree as nested rows (a parent's children under it), from the flat list the server sends. */
export type CongressRow = CongressNode & { children?: CongressRow[] };

export function nest(items: readonly CongressNode[]): CongressRow[] {
  const rows = new Map<number, CongressRow>(items.map((c) => [c.id, { ...c }]));
  const roots: CongressRow[] = [];
  for (const row of rows.values()) {
    const parent = row.parentId === null ? undefined : rows.get(row.parentId);
    if (parent) (parent.children ??= []).push(row);
    else roots.push(row);
  }
  return roots;
}
