import { z } from 'zod';
import { ratingLevels } from './suggestion.workflow.js';

const id = z.number().int().positive();
const text = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}字`);
/** The version the client read; a mismatch means someone changed the suggestion meanwhile. */
const version = z.number().int().positive().optional();
const isoDate = z.iso.date('日期格式应为YYYY-MM-DD');

export const idParam = z.object({ id: z.coerce.number().int().positive('编号不正确').max(2_147_483_647, '编号不正确') });

export const draftBody = z.object({
  title: text('标题', 100),
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
export const preAssignBody = z.object({ units: z.array(unitPick).min(1, '请选择承办单位').max(20), version });

export const assignItem = z.object({
  suggestionId: id,
  version,
  mode: z.enum(['sole', 'lead_co', 'separate']),
  units: z.array(unitPick).min(1, '请选择承办单位').max(20),
});
export const assignBody = z.object({ items: z.array(assignItem).min(1, '请选择要交办的建议').max(2000) });

export const classBody = z.object({
  suggestionIds: z.array(id).min(1).max(500),
  className: text('类名', 100),
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

export const disclosureBody = z.object({ publish: z.boolean(), version });

export const promiseProgressBody = z.object({ progress: text('进展情况', 4000) });
export const promiseFulfilBody = z.object({ note: text('销号说明', 1000) });

export const listQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  status: z.enum(['draft', 'submitted', 'returned', 'declined', 'registered', 'assigned', 'replied', 'rehandling', 'closed']).optional(),
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
  sort: z.enum(['number', '-number', 'submitted', '-submitted', 'updated', '-updated', 'due', '-due']).default('-updated'),
});
export type ListQuery = z.infer<typeof listQuery>;
