import { z } from 'zod';
import { calendarDay, timestamp } from '../../platform/api-schemas.js';

// The pick lists of the viewer's congress (directory.routes.ts): queries and answers, camelCase.

const id = z.number().int().positive();
const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const deputyQuery = z.object({ q: z.string().trim().max(40).default('').describe('姓名中的字，或拼音的开头') });
export const classQuery = z.object({ sessionId: z.coerce.number().int().positive().optional() });

export const unitEntry = z.object({
  id: id.describe('承办单位 id：交办、预交办、调整时的 unitId'),
  name: z.string(),
  shortName: z.string(),
  unitSystemId: id,
  systemName: z.string().describe('所属系统，如「政府系统」'),
  reviewChain: z
    .array(z.string())
    .describe('本单位答复的审核链：依次为 unit_reviewer（审核人）、unit_signer（签发人）'),
});

export const categoryEntry = z.object({
  code: z.string().describe('类别代码：起草建议时的 categoryCode'),
  name: z.string(),
  committeeName: z.string().nullable().describe('对口督办的专门委员会'),
});

export const delegationEntry = z.object({
  id: id.describe('代表团 id：统计和列表的 delegationId 筛选'),
  name: z.string(),
  retired: z.boolean().describe('已撤销（仍可用于查看往年统计）'),
});

export const deputyEntry = z.object({
  id: id.describe('代表 id：联名代表 cosignerDeputyIds'),
  name: z.string(),
  delegationName: z.string().nullable(),
});

export const sessionEntry = z.object({
  id: id.describe('会议 id：sessionId'),
  label: z.string().describe('如「省十三届人大三次会议」'),
  congressShortName: z.string(),
  termOrdinal: z.number().int().positive().describe('届'),
  ordinal: z.number().int().positive().describe('次'),
  opensOn: calendarDay,
  closesOn: calendarDay,
  submissionClosesAt: timestamp.describe('大会期间提出建议的截止时间；此后为闭会期间建议'),
  reassignmentWindowUntil: calendarDay.nullable().describe('统一的调整申请期限'),
  isCurrent: z.boolean(),
});

export const classEntry = z.object({
  id: id.describe('类的 id：GET /api/suggestion-classes/{id}'),
  name: z.string(),
  sessionId: id,
  size: z.number().int().min(0).describe('本类的件数'),
});

export const unitList = list(unitEntry);
export const categoryList = list(categoryEntry);
export const delegationList = list(delegationEntry);
export const deputyList = list(deputyEntry);
export const sessionList = list(sessionEntry);
export const classList = list(classEntry);

export type UnitEntry = z.input<typeof unitEntry>;
export type CategoryEntry = z.input<typeof categoryEntry>;
export type DelegationEntry = z.input<typeof delegationEntry>;
export type DeputyEntry = z.input<typeof deputyEntry>;
export type SessionEntry = z.input<typeof sessionEntry>;
export type ClassEntry = z.input<typeof classEntry>;
