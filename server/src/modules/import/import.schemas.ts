import { z } from 'zod';
import { enumOf, timestamp } from '../../platform/api-schemas.js';
import { importKindLabels, importStateLabels } from './import.labels.js';

// Requests and answers of the import routes (import.routes.ts); the web app's types come from here.

export const importKind = enumOf(importKindLabels, '导入种类');

export const kindParam = z.object({ kind: importKind });
export const jobParam = z.object({
  id: z.coerce.number().int().positive().describe('导入任务 id：POST /api/imports 的答复 id'),
});
export const exportQuery = z.object({
  sessionId: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe('导出建议时必填：GET /api/directory/sessions 中的 id（本级人大的会议）'),
});

export const importProblem = z.object({
  sheet: z.string().describe('工作表名'),
  row: z.number().int().min(1).describe('Excel 中的行号（第1行为列名）'),
  column: z.string().describe('列字母，如 D；整张表或整列的问题为空'),
  field: z.string().describe('列名，如 领衔代表'),
  message: z.string().describe('问题的中文说明'),
});

export const importJob = z.object({
  id: z.number().int().positive(),
  kind: importKind,
  state: enumOf(importStateLabels, '进度'),
  fileName: z.string(),
  totalRows: z.number().int().min(0).describe('检查过的数据行数（不含列名行）'),
  doneRows: z.number().int().min(0).describe('已读入的行数'),
  progress: z.number().int().min(0).max(100).describe('当前阶段完成的百分比'),
  problemCount: z.number().int().min(0),
  problems: z.array(importProblem).describe('按工作表、行、列排列的问题（最多1000条，总数见 problemCount）'),
  counts: z
    .record(z.string(), z.number().int().min(0))
    .nullable()
    .describe('检查完成时为将导入的数量，导入完成时为已导入的数量（名称见 importCountLabels）'),
  error: z.string().nullable().describe('失败的原因'),
  createdAt: timestamp,
  finishedAt: timestamp.nullable(),
});
export type ImportJob = z.input<typeof importJob>;
