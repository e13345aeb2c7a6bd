import { z } from 'zod';
import { timestamp } from '../../platform/api-schemas.js';

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
export const handlingRulesSchema = z
  .object({
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
  })
  .meta({ id: 'HandlingRules', description: '本级人大的办理规则：各项期限、提醒、答复分类表' });

export type HandlingRules = z.infer<typeof handlingRulesSchema>;

export const calendarEntrySchema = z.object({
  day: z.iso.date('日期格式应为YYYY-MM-DD'),
  kind: z.enum(['holiday', 'workday']),
  name: z.string().trim().max(40).default(''),
});

export const calendarYearBody = z.object({
  entries: z.array(calendarEntrySchema).max(200),
});

export const yearParam = z.object({ year: z.coerce.number().int().min(2000, '年份不正确').max(2100, '年份不正确') });

export const rulesUpdateBody = z.object({
  rules: handlingRulesSchema,
  version: z
    .number()
    .int()
    .min(0)
    .describe('读到的规则版本（GET /api/rules 的 version；从未修改过为 0）；他人已先行修改则答复 409'),
});

/** GET and PUT /api/rules */
export const storedRules = z.object({
  rules: handlingRulesSchema,
  version: z.number().int().min(0).describe('规则版本：修改时作为 version 提交'),
  updatedAt: timestamp.nullable().describe('最近一次修改的时间；从未修改（使用默认规则）为 null'),
});

/** GET and PUT /api/calendar/{year} */
export const calendarYear = z.object({
  year: z.number().int(),
  entries: z.array(calendarEntrySchema).describe('该年的法定节假日（holiday）与调休上班日（workday），按日期排列'),
});

export type StoredRulesBody = z.input<typeof storedRules>;
/** What GET and PUT /api/rules answer (every default filled in). */
export type StoredRules = z.output<typeof storedRules>;
export type CalendarYear = z.input<typeof calendarYear>;
export type CalendarEntryBody = z.input<typeof calendarEntrySchema>;
