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
  replyClasses: ReplyClassRule[];
  replyClassVersion: string;
}

/**
 * One class of the reply table. It goes on the unit's ledger (台账) when it has a target: a
 * period from the assignment day (B1: 三年内), or 31 December of the reply's year (A2: 本年度内).
 */
export interface ReplyClassRule {
  code: string;
  meaning: string;
  promiseTarget: Period | null;
  promiseByYearEnd: boolean;
}

/** The same rule as the server's goesOnLedger (handling-rules.workflow.ts). */
export const goesOnLedger = (c: ReplyClassRule | undefined): boolean =>
  c !== undefined && (c.promiseTarget !== null || c.promiseByYearEnd);

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

/** 本年度内（答复当年12月31日前） / 自交办之日起36个月内 / 不列入台账 */
export function describePromiseTarget(c: ReplyClassRule): string {
  if (c.promiseByYearEnd) return '本年度内（答复当年12月31日前）';
  if (c.promiseTarget) return `自交办之日起${describePeriod(c.promiseTarget)}内`;
  return '不列入台账';
}
