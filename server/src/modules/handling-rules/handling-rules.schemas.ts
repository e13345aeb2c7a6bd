import { z } from 'zod';

export const periodSchema = z.object({
  amount: z.number().int().min(1, '期限至少为1').max(120, '期限过长'),
  unit: z.enum(['months', 'days', 'working_days']),
});

const replyClassSchema = z.object({
  code: z.string().trim().min(1).max(8),
  meaning: z.string().trim().min(1).max(200),
  /**
   * Whether a reply of this class puts a promise on the unit's ledger (台账), and its target:
   * a period counted from the assignment day (B1: 三年内), or the 31 December of the year the
   * reply is sent (A2: 本年度内). Neither: the class goes on no ledger.
   */
  promiseTarget: periodSchema.nullable(),
  promiseByYearEnd: z.boolean().default(false),
});
export type ReplyClassRule = z.infer<typeof replyClassSchema>;

/**
 * The handling rules of one congress (办理规则), editable by its liaison office.
 * Every number the process depends on lives here; the code never hard-codes them.
 */
export const handlingRulesSchema = z.object({
  replyWithin: periodSchema,
  replyLatestWithin: periodSchema,
  coOpinionWithin: periodSchema,
  reassignmentWindow: periodSchema,
  rehandlingWithin: periodSchema,
  feedbackWindow: periodSchema,
  reminderDaysBefore: z.array(z.number().int().min(1).max(90)).max(10),
  nearDueDays: z.number().int().min(1).max(60),
  replyClasses: z.array(replyClassSchema).min(1).max(20),
  replyClassVersion: z.string().trim().min(1).max(40),
});

export type HandlingRules = z.infer<typeof handlingRulesSchema>;

export const calendarEntrySchema = z.object({
  day: z.iso.date('日期格式应为YYYY-MM-DD'),
  kind: z.enum(['holiday', 'workday']),
  name: z.string().trim().max(40).default(''),
});

export const calendarYearBody = z.object({
  entries: z.array(calendarEntrySchema).max(200),
});
