import { z } from 'zod';
import { errorCodes } from '../../platform/api-schemas.js';
import { ratingLabels } from '../../shared/labels.js';
import {
  suggestionTitleMessage,
  suggestionTitlePattern,
  suggestionTitleTooShort,
} from '../../shared/suggestion-title.js';

// The requests of the suggestion routes (validation, TypeScript types, OpenAPI), and the
// batch assignment's answer; suggestion.detail.schemas.ts holds the suggestion as answered.
// Pure zod and shared values: the web app takes its request types from here.

const id = z.number().int().positive();
const text = (label: string, max: number) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}字`);
/** The version the client read; a mismatch means someone changed the suggestion meanwhile. */
const version = z
  .number()
  .int()
  .positive()
  .optional()
  .describe('读到的建议版本（详情或列表中的 version）；他人已先行修改则答复 409，应重新读取后再试。不带则不检查');
const isoDate = z.iso.date('日期格式应为YYYY-MM-DD');
const ratingLevels = Object.keys(ratingLabels) as [keyof typeof ratingLabels, ...(keyof typeof ratingLabels)[]];

/** 《关于……的建议》: the pattern is checkTitle's rule (suggestion.workflow.ts), its messages Chinese. */
export const suggestionTitle = z
  .string()
  .trim()
  .min(1, '请填写标题')
  .min(6, suggestionTitleTooShort)
  .max(100, '标题不能超过100字')
  .regex(suggestionTitlePattern, suggestionTitleMessage)
  .describe(
    '标题，写作《关于……的建议》：以「关于」开头，以「的建议」（或「的意见」「的批评」）结尾，书名号可有可无，6至100字',
  );

export const idParam = z.object({
  id: z.coerce.number().int().positive('编号不正确').max(2_147_483_647, '编号不正确'),
});

export const draftBody = z.object({
  title: suggestionTitle,
  body: text('正文', 20_000),
  categoryCode: text('类别', 32),
  mayDisclose: z.boolean().default(true),
  cosignerDeputyIds: z.array(id).max(100, '联名代表过多').default([]),
});
export type DraftBody = z.infer<typeof draftBody>;

export const newSuggestionBody = draftBody.extend({
  /** Submit at once instead of keeping a draft; only without co-signers, who must confirm first. */
  submit: z.boolean().default(false),
});

export const editDraftBody = draftBody.extend({ version });

export const versionBody = z.object({ version });
export const cosignBody = z.object({ accept: z.boolean() });
export const commentBody = z.object({ comment: text('退回意见', 1000), version });
export const reasonBody = z.object({ reason: text('理由', 1000), version });

const unitPick = z.object({ unitId: id, role: z.enum(['sole', 'lead', 'co', 'separate']) });
export type UnitPick = z.input<typeof unitPick>;
export const preAssignBody = z.object({ units: z.array(unitPick).min(1, '请选择承办单位').max(20), version });

export const assignItem = z.object({
  suggestionId: id,
  version,
  mode: z.enum(['sole', 'lead_co', 'separate']),
  units: z.array(unitPick).min(1, '请选择承办单位').max(20),
});
export const assignBody = z.object({ items: z.array(assignItem).min(1, '请选择要交办的建议').max(2000) });
export type AssignBody = z.input<typeof assignBody>;

const assignedItem = z.object({
  suggestionId: id,
  ok: z.literal(true),
  status: z.literal(200),
  version: z.number().int().positive().describe('交办后的版本'),
  message: z.string(),
});
const notAssignedItem = z.object({
  suggestionId: id,
  ok: z.literal(false),
  status: z
    .number()
    .int()
    .min(400)
    .max(499)
    .describe(
      '这一件若单独交办会得到的 HTTP 状态码：404 不存在或无权查看，409 版本已过期或状态不允许，400 输入有误，403 无权',
    ),
  code: z.enum(errorCodes),
  message: z.string().describe('中文说明，可直接展示'),
});
/** The batch's answer: 200 when every item was assigned, 207 when any was not. */
export const assignResult = z
  .object({
    assigned: z.number().int().min(0),
    failed: z.number().int().min(0),
    results: z
      .array(z.discriminatedUnion('ok', [assignedItem, notAssignedItem]))
      .describe('按请求中 items 的顺序，每件一项'),
  })
  .meta({ id: 'AssignResult', description: '批量交办的结果：每件单独成功或失败' });
export type AssignResult = z.input<typeof assignResult>;

export const classBody = z.object({
  suggestionIds: z.array(id).min(1).max(500),
  className: text('类名', 100),
});
export const classAnswer = z.object({
  id: id.describe('类的 id：整类交办 POST /api/suggestion-classes/{id}/assign'),
  name: z.string(),
  suggestionIds: z.array(id).describe('本次归入的建议'),
});

export const reassignmentRequestBody = z.object({
  reason: text('调整理由', 1000),
  proposedUnitIds: z.array(id).max(10).default([]),
  version,
});
export const reassignmentRulingBody = z.object({
  accept: z.boolean(),
  reason: z.string().trim().max(1000).default(''),
  mode: z.enum(['sole', 'lead_co', 'separate']).optional(),
  units: z.array(unitPick).max(20).optional(),
  version,
});
export const windowBody = z.object({ until: isoDate });

export const acknowledgeBody = z.object({
  handlerName: text('经办人', 40),
  handlerPhone: text('联系电话', 40),
  plan: text('办理计划', 2000),
  plannedReplyOn: isoDate,
  version,
});

export const contactBody = z.object({
  phase: z.enum(['before', 'during', 'after']),
  kind: z.enum(['visit', 'meeting', 'phone', 'video', 'message']),
  contactedOn: isoDate,
  summary: text('沟通情况', 4000),
});

export const opinionBody = z.object({ body: text('会办意见', 10_000) });

export const extensionBody = z.object({ requestedDue: isoDate, reason: text('延期理由', 1000) });
export const extensionRulingBody = z.object({ grant: z.boolean(), reason: z.string().trim().max(1000).default('') });

export const replyDraftBody = z.object({
  // Checked against the congress's own class table (A1…C2 in the province; A/B/C/D elsewhere).
  classCode: z.string({ error: '请选择答复分类' }).trim().min(1, '请选择答复分类').max(8, '答复分类代码过长'),
  body: text('答复正文', 30_000),
  handlerName: text('经办人', 40),
  handlerPhone: text('联系电话', 40),
  consultedUnits: z.string().trim().max(500).default(''),
  promise: z
    .object({
      doneText: z.string().trim().max(4000).default(''),
      plannedText: z.string().trim().max(4000).default(''),
      notDoneReason: z.string().trim().max(4000).default(''),
    })
    .optional(),
});
export const replyReviewBody = z.object({ approve: z.boolean(), comment: z.string().trim().max(1000).default('') });

export const ratingBody = z.object({
  attitude: z.enum(ratingLevels, '请选择对办理态度的评价'),
  result: z.enum(ratingLevels, '请选择对办理结果的评价'),
  comment: z.string().trim().max(2000).default(''),
});

/** A rating names the reply it rates: one of the detail's abilities.ratableReplyIds. */
export const rateBody = ratingBody.extend({
  replyId: id.describe('所测评的答复：取自详情的 abilities.ratableReplyIds（即 replies[].id）'),
});

export const disclosureBody = z.object({ publish: z.boolean(), version });

export const promiseProgressBody = z.object({ progress: text('进展情况', 4000) });
export const promiseFulfilBody = z.object({ note: text('销号说明', 1000) });

export const listQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  status: z
    .enum(['draft', 'submitted', 'returned', 'declined', 'registered', 'assigned', 'replied', 'rehandling', 'closed'])
    .optional(),
  sessionId: z.coerce.number().int().positive().optional(),
  unitId: z.coerce.number().int().positive().optional(),
  categoryCode: z.string().max(32).optional(),
  classId: z.coerce.number().int().positive().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  isKey: z.enum(['true', 'false']).optional(),
  rating: z.enum(['very_satisfied', 'satisfied', 'basically_satisfied', 'unsatisfied', 'none']).optional(),
  q: z.string().trim().max(100).optional(),
  /** The state of the viewer's own unit's part, comma-separated (a unit's inbox, handling list …). */
  partState: z
    .string()
    .max(100)
    .regex(/^[a-z_]+(,[a-z_]+)*$/, '办理状态格式不正确')
    .optional(),
  /** Replies waiting for the viewer's step in their unit's review chain. */
  awaitingMyReview: z.enum(['true', 'false']).optional(),
  /** Open parts due within the congress's near-due days. */
  nearDue: z.enum(['true', 'false']).optional(),
  sort: z
    .enum(['number', '-number', 'submitted', '-submitted', 'updated', '-updated', 'due', '-due'])
    .default('-updated'),
});
export type ListQuery = z.infer<typeof listQuery>;
