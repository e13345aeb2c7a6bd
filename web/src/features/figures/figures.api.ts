import { useQuery } from '@tanstack/react-query';
import type {
  DashboardFigures,
  DrillPageBody,
  TrendTableBody,
  UnitTableBody,
} from '../../../../server/src/modules/figures/figures.dashboard.schemas';
import type { OverviewFigures } from '../../../../server/src/modules/figures/figures.schemas';
import { api } from '../../shared/api/client';

/** GET /api/figures/overview (server: figures.schemas.ts); shares are percentages, null when nothing to divide. */
export type { OverviewFigures };

export const useOverviewFigures = (sessionId?: number) =>
  useQuery({
    queryKey: ['figures', 'overview', sessionId ?? null],
    queryFn: () => api.get<OverviewFigures>('/figures/overview', { sessionId }),
    staleTime: 60_000,
  });

/** The dashboard's answers (server: figures.dashboard.schemas.ts). */
export type { DashboardFigures, DrillPageBody, TrendTableBody, UnitTableBody };

/** The cohort and filters of every figure on the dashboard, as the URL carries them. */
export interface FigureScopeQuery {
  sessionId?: string | undefined;
  year?: string | undefined;
  asOf?: string | undefined;
  unitSystemId?: string | undefined;
  unitId?: string | undefined;
  categoryCode?: string | undefined;
  delegationId?: string | undefined;
  isKey?: string | undefined;
  [key: string]: string | undefined;
}

const figuresQuery = <T>(name: string, path: string, scope: FigureScopeQuery) =>
  ({
    queryKey: ['figures', name, scope],
    queryFn: () => api.get<T>(path, scope),
    staleTime: 60_000,
  }) as const;

export const useDashboardFigures = (scope: FigureScopeQuery) =>
  useQuery(figuresQuery<DashboardFigures>('dashboard', '/figures/dashboard', scope));
export const useUnitFigures = (scope: FigureScopeQuery) =>
  useQuery(figuresQuery<UnitTableBody>('units', '/figures/units', scope));
export const useFigureTrends = (scope: FigureScopeQuery) =>
  useQuery(figuresQuery<TrendTableBody>('trends', '/figures/trends', scope));
export const useFigureList = (scope: FigureScopeQuery & { key: string; offset: string }) =>
  useQuery(figuresQuery<DrillPageBody>('drill', '/figures/drill', { ...scope, limit: '50' }));

/** The list behind a number: the same scope, one key. */
export function figureListHref(key: string, scope: FigureScopeQuery): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...scope, key })) if (v) params.set(k, v);
  return `/office/figures/list?${params.toString()}`;
}
