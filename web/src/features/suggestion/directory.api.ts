import { useQuery } from '@tanstack/react-query';
import type {
  CategoryEntry,
  ClassEntry,
  DelegationEntry,
  DeputyEntry,
  SessionEntry,
  UnitEntry,
} from '../../../../server/src/modules/directory/directory.schemas';
import { api } from '../../shared/api/client';

// Reference lists of the viewer's congress for pickers (server: directory.routes.ts); their
// types are the server's response schemas (directory.schemas.ts).

export type {
  CategoryEntry,
  ClassEntry,
  DelegationEntry,
  DeputyEntry,
  SessionEntry,
  UnitEntry,
} from '../../../../server/src/modules/directory/directory.schemas';

const long = 10 * 60_000;

export const useUnits = () =>
  useQuery({
    queryKey: ['directory', 'units'],
    queryFn: () => api.get<{ items: UnitEntry[] }>('/directory/units'),
    staleTime: long,
    select: (d) => d.items,
  });

export const useCategories = () =>
  useQuery({
    queryKey: ['directory', 'categories'],
    queryFn: () => api.get<{ items: CategoryEntry[] }>('/directory/categories'),
    staleTime: long,
    select: (d) => d.items,
  });

export const useDelegations = () =>
  useQuery({
    queryKey: ['directory', 'delegations'],
    queryFn: () => api.get<{ items: DelegationEntry[] }>('/directory/delegations'),
    staleTime: long,
    select: (d) => d.items,
  });

export const useSessions = () =>
  useQuery({
    queryKey: ['directory', 'sessions'],
    queryFn: () => api.get<{ items: SessionEntry[] }>('/directory/sessions'),
    staleTime: long,
    select: (d) => d.items,
  });

export const useClasses = (sessionId?: number) =>
  useQuery({
    queryKey: ['directory', 'classes', sessionId ?? null],
    queryFn: () => api.get<{ items: ClassEntry[] }>('/directory/classes', { sessionId }),
    select: (d) => d.items,
  });

export const useDeputySearch = (q: string) =>
  useQuery({
    queryKey: ['directory', 'deputies', q],
    queryFn: () => api.get<{ items: DeputyEntry[] }>('/directory/deputies', { q }),
    staleTime: long,
    select: (d) => d.items,
  });

/** Units grouped by system (政府系统, 党群系统 …) for a Select. */
export function unitOptions(units: UnitEntry[] | undefined, exclude: readonly number[] = []) {
  const groups = new Map<string, { label: string; value: number }[]>();
  for (const u of units ?? []) {
    if (exclude.includes(u.id)) continue;
    const list = groups.get(u.systemName) ?? [];
    list.push({ label: u.name, value: u.id });
    groups.set(u.systemName, list);
  }
  return [...groups].map(([label, options]) => ({ label, options }));
}
