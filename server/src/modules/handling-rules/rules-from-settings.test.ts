import { describe, expect, it } from 'vitest';
import { rulesFromSettings } from './handling-rules.repository.js';
import { defaultHandlingRules } from './handling-rules.workflow.js';

describe('rules stored before a setting existed', () => {
  it('keep A2 on the ledger by year end when the stored class table has no 本年度内 flag', () => {
    const stored = {
      ...defaultHandlingRules,
      replyClasses: defaultHandlingRules.replyClasses.map(({ promiseByYearEnd: _, ...c }) => c),
    };
    const rules = rulesFromSettings(JSON.parse(JSON.stringify(stored)));
    expect(rules.replyClasses.find((c) => c.code === 'A2')?.promiseByYearEnd).toBe(true);
    expect(rules.replyClasses.find((c) => c.code === 'B1')?.promiseByYearEnd).toBe(false);
  });

  it('keep a flag the office set', () => {
    const stored = {
      ...defaultHandlingRules,
      replyClasses: defaultHandlingRules.replyClasses.map((c) => ({ ...c, promiseByYearEnd: false })),
    };
    expect(rulesFromSettings(stored).replyClasses.every((c) => !c.promiseByYearEnd)).toBe(true);
  });
});
