import { z } from 'zod';
import { calendarDay, timestamp } from '../../platform/api-schemas.js';

// The answers of the documents' routes (the web app's types come from these; the files'
// answers, which need Node's Buffer, are in documents.responses.ts).

export const urgingNotice = z.object({
  id: z.number().int().positive().describe('催办函 id：Word 版 GET /api/urging-notices/{id}/docx，网页版 …/html'),
  suggestionId: z.number().int().positive(),
  assignmentId: z.number().int().positive(),
  unitId: z.number().int().positive(),
  unitName: z.string(),
  docNumber: z.string().describe('文号，如 湘人大建议催〔2026〕3号'),
  dueOn: calendarDay.describe('催办时已过的办理期限'),
  overdueDays: z.number().int().positive().describe('催办时已逾期的天数'),
  issuedAt: timestamp,
});
export const urgingNoticeList = z.object({ items: z.array(urgingNotice) });

export const letterheadState = z.object({
  owner: z.object({
    kind: z.enum(['unit', 'congress']).describe('unit：承办单位的信笺；congress：人大（联工委）的信笺'),
    name: z.string().describe('发文机关名称'),
  }),
  letterhead: z
    .object({ fileName: z.string(), sizeBytes: z.number().int().positive(), uploadedAt: timestamp })
    .nullable()
    .describe('已上传的信笺模板；null 表示使用系统生成的红头'),
});

export type UrgingNotice = z.input<typeof urgingNotice>;
export type LetterheadState = z.input<typeof letterheadState>;
