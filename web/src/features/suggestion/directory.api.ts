import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';

// Reference lists of the viewer's congress for pickers (server: directory.routes.ts).

export interface UnitEntry {
  id: number;
  name: string;
  short_name: string;
  unit_system_id: number;
  system_name: string;
  review_chain: string[];
}
export interface CategoryEntry {
  code: string;
  name: string;
  committee_name: string | null;
}
export interface DeputyEntry {
  id: number;
  name: string;
  delegation_name: string | null;
}
export interface SessionEntry {
  id: number;
  label: string;
  opens_on: string;
  closes_on: string;
  submission_closes_at: string;
  reassignment_window_until: string | null;
  is_current: boolean;
}
export interface ClassEntry {
  id: number;
  name: string;
  session_id: number;
  size: number;
}

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
    const list = groups.get(u.system_name) ?? [];
    list.push({ label: u.name, value: u.id });
    groups.set(u.system_name, list);
  }
  return [...groups].map(([label, options]) => ({ label, options }));
}
