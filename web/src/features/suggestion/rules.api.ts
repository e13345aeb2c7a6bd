import { useQuery } from '@tanstack/react-query';
import type {
  HandlingRules,
  ReplyClassRule,
  StoredRules,
} from '../../../../server/src/modules/handling-rules/handling-rules.schemas';
import {
  describePeriod,
  goesOnLedger as serverGoesOnLedger,
} from '../../../../server/src/modules/handling-rules/handling-rules.workflow';
import { api } from '../../shared/api/client';

// The congress's handling rules as GET /api/rules answers them: the server's schemas and its
// pure rules (handling-rules.workflow.ts), not copies.
export type { HandlingRules, ReplyClassRule };
export type Period = HandlingRules['replyWithin'];
export { describePeriod };

/** Whether a reply of this class goes on the unit's ledger (the server's goesOnLedger). */
export const goesOnLedger = (c: ReplyClassRule | undefined): boolean => serverGoesOnLedger(c ?? null);

export const rulesKey = ['rules'] as const;

export const useRules = () =>
  useQuery({
    queryKey: rulesKey,
    queryFn: () => api.get<StoredRules>('/rules'),
    staleTime: 5 * 60_000,
  });

/** 本年度内（答复当年12月31日前） / 自交办之日起36个月内 / 不列入台账 */
export function describePromiseTarget(c: ReplyClassRule): string {
  if (c.promiseByYearEnd) return '本年度内（答复当年12月31日前）';
  if (c.promiseTarget) return `自交办之日起${describePeriod(c.promiseTarget)}内`;
  return '不列入台账';
}
