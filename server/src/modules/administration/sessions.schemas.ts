import { z } from 'zod';
import { calendarDay, timestamp } from '../../platform/api-schemas.js';
import { id, isoDate } from './admin.schemas.js';

const ordinal = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .int(`${label}应为整数`)
    .min(1, `${label}应为正整数`)
    .max(99, `${label}不超过99`);

export const termBody = z.object({
  ordinal: ordinal('届次'),
  startsOn: isoDate.describe('本届开始日期'),
  endsOn: isoDate.nullable().default(null).describe('本届结束日期；未定为 null'),
});
export type TermInput = z.infer<typeof termBody>;

export const sessionBody = z.object({
  termId: id.describe('所属的届（GET /api/admin/terms 的 items[].id）'),
  ordinal: ordinal('会议次数'),
  opensOn: isoDate.describe('开幕日期'),
  closesOn: isoDate.describe('闭幕日期'),
  submissionClosesAt: z.iso
    .datetime({ offset: true, error: '截止时间格式应为ISO 8601（如2026-01-18T18:00:00+08:00）' })
    .describe('大会期间建议截止提交的时间'),
});
export type SessionInput = z.infer<typeof sessionBody>;

export const sessionRecord = z.object({
  id,
  termId: id,
  ordinal: z.number().int(),
  label: z.string().describe('如「省十三届人大三次会议」'),
  opensOn: calendarDay,
  closesOn: calendarDay,
  submissionClosesAt: timestamp,
  reassignmentWindowUntil: calendarDay.nullable().describe('全会统一的调整申请截止日期（在建议办理中延长）'),
  isCurrent: z.boolean().describe('当前会议：新提交的建议归入此次会议；每级人大恰有一个'),
});

export const termRecord = z.object({
  id,
  ordinal: z.number().int(),
  startsOn: calendarDay,
  endsOn: calendarDay.nullable(),
  sessions: z.array(sessionRecord),
});

export const termList = z.object({ items: z.array(termRecord) });

export type TermList = z.input<typeof termList>;
export type TermRecord = z.input<typeof termRecord>;
export type SessionRecord = z.input<typeof sessionRecord>;
