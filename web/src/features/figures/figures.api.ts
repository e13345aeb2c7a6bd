import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';

/** GET /api/figures/overview (server: figures.repository.ts); shares are percentages, null when nothing to divide. */
export interface OverviewFigures {
  received: { inSession: number; betweenSessions: number; registered: number };
  units: number;
  replies: {
    replied: number;
    onTime: number;
    onTimeShare: number | null;
    within3Months: number;
    within3MonthsShare: number | null;
    rehandling: number;
    overdueNow: number;
    closed: number;
  };
  coOpinions: { sent: number; onTime: number; onTimeShare: number | null };
  feedback: { rated: number; shareOfReplied: number | null };
  ratings: {
    attitudeGood: number;
    attitudeGoodShare: number | null;
    resultGood: number;
    resultGoodShare: number | null;
  };
  classes: {
    counts: Record<string, number>;
    aShare: number | null;
    bShare: number | null;
    cShare: number | null;
    solvedOrPlannedShare: number | null;
  };
  promises: { open: number; fulfilled: number };
}

export const useOverviewFigures = (sessionId?: number) =>
  useQuery({
    queryKey: ['figures', 'overview', sessionId ?? null],
    queryFn: () => api.get<OverviewFigures>('/figures/overview', { sessionId }),
    staleTime: 60_000,
  });
