import { z } from 'zod';
import { calendarDay, timestamp } from '../../platform/api-schemas.js';

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

export const progressParams = z.object({
  id: z.coerce.number().int().positive(),
  progressId: z.coerce.number().int().positive(),
});
export const progressAssessmentBody = z.object({
  satisfied: z.boolean({ error: '请选择是否满意' }),
  comment: text('评价意见', 1000),
});
export const fulfilmentRequestBody = z.object({ note: text('申请说明', 1000) });
export const fulfilmentAnswerBody = z.object({
  accept: z.boolean({ error: '请选择是否同意销号' }),
  comment: text('意见', 1000),
});
export const focusBody = z.object({ note: text('督办说明', 1000) });

// The answers. The list's items and the writes' answers share the promise's fields, camelCase.

const id = z.number().int().positive();
const promiseStatus = z
  .enum(['open', 'fulfilled', 'superseded'])
  .describe('open 未完成、fulfilled 已销号、superseded 已被重新办理后的答复取代');
const verdict = z
  .enum(['accepted', 'disputed'])
  .nullable()
  .describe('领衔代表对销号申请的意见：accepted 同意、disputed 不同意；尚未表态为 null');
const fulfilledHow = z
  .enum(['deputy_accepted', 'office_ruling'])
  .nullable()
  .describe('销号依据：deputy_accepted 代表同意、office_ruling 联工委说明理由裁定');

/** One progress report and the deputy's assessment of it. */
export const promiseProgress = z.object({
  id: id.describe('进展报告 id：代表评价用 POST /api/promises/{id}/progress/{progressId}/assessment'),
  reportedAt: timestamp,
  progress: z.string(),
  deputySatisfied: z.boolean().nullable().describe('代表是否满意；尚未评价为 null'),
  deputyComment: z.string(),
  deputyRespondedAt: timestamp.nullable(),
});

/** What the viewer may do on the promise now, from the ledger's table and its guards (ledger.workflow.ts). */
const promiseAbilitiesSchema = z
  .object({
    reportProgress: z.boolean().describe('POST /api/promises/{id}/progress'),
    assessProgress: z.boolean().describe('POST /api/promises/{id}/progress/{progressId}/assessment（尚未评价的进展）'),
    requestFulfilment: z.boolean().describe('POST /api/promises/{id}/fulfilment-request'),
    answerFulfilment: z.boolean().describe('POST /api/promises/{id}/fulfilment-answer'),
    fulfil: z
      .enum(['deputy_accepted', 'office_ruling'])
      .nullable()
      .describe(
        'POST /api/promises/{id}/fulfil：代表已同意（deputy_accepted）或须联工委说明理由裁定（office_ruling）；null 为现在不能销号',
      ),
    focus: z.boolean().describe('POST /api/promises/{id}/focus'),
  })
  .meta({ id: 'PromiseAbilities', description: '当前用户现在可对该承诺事项进行的操作' });

const promiseFields = {
  id: id.describe('承诺事项 id：用于 /api/promises/{id}/… 各操作'),
  suggestionId: id,
  classCode: z.string().describe('答复分类（列入台账的类别）'),
  doneText: z.string(),
  plannedText: z.string(),
  notDoneReason: z.string(),
  targetOn: calendarDay.describe('承诺完成的期限'),
  status: promiseStatus,
  fulfilledAt: timestamp.nullable(),
  fulfilNote: z.string().nullable(),
  fulfilledHow,
  fulfilmentRequestedAt: timestamp.nullable(),
  verdictDue: calendarDay.nullable().describe('领衔代表对销号申请表态的最后一天'),
  deputyVerdict: verdict,
  deputyVerdictAt: timestamp.nullable(),
  deputyVerdictComment: z.string(),
  focused: z.boolean().describe('回头看：是否列为重点督办'),
  focusNote: z.string(),
  version: z.number().int().positive(),
};

/** What a write on a promise answers: the promise as it now stands. */
export const promiseRecord = z
  .object({ ...promiseFields, unitId: id, replyId: id, createdAt: timestamp })
  .meta({ id: 'PromiseRecord', description: '一项承诺事项的当前状态' });

export const promiseItem = z.object({
  ...promiseFields,
  suggestionTitle: z.string(),
  suggestionNumber: z.string().describe('如「第12号」'),
  unitName: z.string(),
  sessionId: id,
  progress: z.array(promiseProgress).describe('进展报告，按时间先后'),
  abilities: promiseAbilitiesSchema,
});

/** GET /api/promises */
export const promisePage = z.object({ total: z.number().int().min(0), items: z.array(promiseItem) });

export type PromiseItem = z.input<typeof promiseItem>;
export type PromisePage = z.input<typeof promisePage>;
export type PromiseProgress = z.input<typeof promiseProgress>;
