import { z } from 'zod';

const text = (label: string, max: number) => z.string().trim().max(max, `${label}不超过${max}字`).default('');

export const ledgerQuery = z.object({
  status: z.enum(['open', 'fulfilled', 'superseded']).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  /** 回头看: the promises of one session, or of every session before it. */
  sessionId: z.coerce.number().int().positive().optional(),
  beforeSessionId: z.coerce.number().int().positive().optional(),
  /** The year the suggestion was assigned. */
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  focused: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type LedgerQuery = z.infer<typeof ledgerQuery>;

export const progressParams = z.object({ id: z.coerce.number().int().positive(), progressId: z.coerce.number().int().positive() });
export const progressAssessmentBody = z.object({ satisfied: z.boolean({ error: '请选择是否满意' }), comment: text('评价意见', 1000) });
export const fulfilmentRequestBody = z.object({ note: text('申请说明', 1000) });
export const fulfilmentAnswerBody = z.object({ accept: z.boolean({ error: '请选择是否同意销号' }), comment: text('意见', 1000) });
export const focusBody = z.object({ note: text('督办说明', 1000) });
