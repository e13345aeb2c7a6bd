import { computeDeadline, type IsoDate } from '../deadline/deadline.workflow.js';
import type { WorkCalendar } from '../deadline/work-calendar.js';
import type { HandlingRules, ReplyClassRule } from './handling-rules.schemas.js';

// The defaults of the policy table (domain.md, Policy): the provincial rules of procedure.
export const defaultHandlingRules: HandlingRules = {
  replyWithin: { amount: 3, unit: 'months' },
  replyLatestWithin: { amount: 6, unit: 'months' },
  coOpinionWithin: { amount: 2, unit: 'months' },
  reassignmentWindow: { amount: 10, unit: 'days' },
  rehandlingWithin: { amount: 1, unit: 'months' },
  feedbackWindow: { amount: 1, unit: 'months' },
  reminderDaysBefore: [15, 7, 3, 1],
  nearDueDays: 7,
  replyClassVersion: '2020版',
  // The province's table in its own words (2020年代表建议办理情况报告).
  replyClasses: [
    {
      code: 'A1',
      meaning: '所提问题已经解决或所提意见和建议已经采纳、部分采纳的',
      promiseTarget: null,
      promiseByYearEnd: false,
    },
    { code: 'A2', meaning: '所提问题在本年度内能够基本解决的', promiseTarget: null, promiseByYearEnd: true },
    { code: 'A3', meaning: '所提问题已有规定的', promiseTarget: null, promiseByYearEnd: false },
    {
      code: 'B1',
      meaning: '所提问题已经列入近期工作计划，自交办之日起三年内能够基本解决的',
      promiseTarget: { amount: 36, unit: 'months' },
      promiseByYearEnd: false,
    },
    {
      code: 'B2',
      meaning: '所提问题已经列入工作规划的',
      promiseTarget: { amount: 60, unit: 'months' },
      promiseByYearEnd: false,
    },
    {
      code: 'C1',
      meaning: '所提问题暂时难以解决，但是对加强和改进工作具有参考价值，拟在工作中研究参考的',
      promiseTarget: null,
      promiseByYearEnd: false,
    },
    {
      code: 'C2',
      meaning: '所提问题因法律和政策的规定或者目前条件不具备确实无法解决的',
      promiseTarget: null,
      promiseByYearEnd: false,
    },
  ],
};

export function replyClassOf(rules: HandlingRules, code: string): ReplyClassRule | null {
  return rules.replyClasses.find((c) => c.code === code) ?? null;
}

/** Whether a reply of this class goes on the unit's ledger, by the congress's own table. */
export function goesOnLedger(cls: ReplyClassRule | null): boolean {
  return cls !== null && (cls.promiseTarget !== null || cls.promiseByYearEnd);
}

/**
 * The target date of a class's promise: 31 December of the year the reply is sent (本年度内),
 * or the class's period counted from the assignment day (by the Civil Code rules).
 */
export function promiseTargetOf(
  cls: ReplyClassRule,
  assignedOn: IsoDate,
  sentOn: IsoDate,
  calendar: WorkCalendar,
): IsoDate | null {
  if (cls.promiseByYearEnd) return `${sentOn.slice(0, 4)}-12-31`;
  return cls.promiseTarget ? computeDeadline(assignedOn, cls.promiseTarget, calendar).due : null;
}

const unitWords = { months: '个月', days: '日', working_days: '个工作日' } as const;

export function describePeriod(p: { amount: number; unit: keyof typeof unitWords }): string {
  return `${p.amount}${unitWords[p.unit]}`;
}
