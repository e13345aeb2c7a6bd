import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';

export interface Period {
  amount: number;
  unit: 'months' | 'days' | 'working_days';
}

export interface HandlingRules {
  replyWithin: Period;
  replyLatestWithin: Period;
  coOpinionWithin: Period;
  reassignmentWindow: Period;
  rehandlingWithin: Period;
  feedbackWindow: Period;
  reminderDaysBefore: number[];
  nearDueDays: number;
  replyClasses: { code: string; meaning: string; promiseTarget: Period | null }[];
  replyClassVersion: string;
}

export const rulesKey = ['rules'] as const;

export const useRules = () =>
  useQuery({
    queryKey: rulesKey,
    queryFn: () => api.get<{ rules: HandlingRules; version: number }>('/rules'),
    staleTime: 5 * 60_000,
  });

const unitWords: Record<Period['unit'], string> = { months: '个月', days: '日', working_days: '个工作日' };

/** 3个月, 10日, 3个工作日 */
export const describePeriod = (p: Period): string => `${p.amount}${unitWords[p.unit]}`;
