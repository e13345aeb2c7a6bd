import { useQuery } from '@tanstack/react-query';
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
