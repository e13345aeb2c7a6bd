import { z } from 'zod';
import { calendarDay, timestamp } from '../../platform/api-schemas.js';

// The answers of the documents' routes (the web app's types come from these).

/** A document's bytes, sent as they are (a Buffer bypasses the JSON serializer). */
export const fileContent = z.custom<Buffer>((v) => Buffer.isBuffer(v)).meta({ type: 'string', format: 'binary' });
export const pageContent = z.custom<Buffer>((v) => Buffer.isBuffer(v)).meta({ type: 'string' });

export const docxResponse = (description: string) => ({
  description,
  content: { 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: fileContent } },
});
export const htmlResponse = (description: string) => ({
  description,
  content: { 'text/html': { schema: pageContent } },
});

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
