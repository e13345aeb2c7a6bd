import type { HandlingRules } from './handling-rules.schemas.js';

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
  replyClasses: [
    { code: 'A1', meaning: '所提问题已经解决或建议已被采纳、部分采纳', promiseTarget: null },
    { code: 'A2', meaning: '所提问题在本年度内能够基本解决', promiseTarget: { amount: 12, unit: 'months' } },
    { code: 'A3', meaning: '所提问题已有相关规定', promiseTarget: null },
    { code: 'B1', meaning: '列入近期工作计划，交办之日起三年内基本解决', promiseTarget: { amount: 36, unit: 'months' } },
    { code: 'B2', meaning: '列入长远规划逐步解决', promiseTarget: { amount: 60, unit: 'months' } },
    { code: 'C1', meaning: '因条件限制暂时难以解决，留作工作参考', promiseTarget: null },
    { code: 'C2', meaning: '受法律法规、政策或现有条件限制无法解决', promiseTarget: null },
  ],
};

export function replyClassOf(rules: HandlingRules, code: string) {
  return rules.replyClasses.find((c) => c.code === code) ?? null;
}

const unitWords = { months: '个月', days: '日', working_days: '个工作日' } as const;

export function describePeriod(p: { amount: number; unit: keyof typeof unitWords }): string {
  return `${p.amount}${unitWords[p.unit]}`;
}
