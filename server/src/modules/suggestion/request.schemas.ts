import { z } from 'zod';
import { calendarDay, enumOf, timestamp } from '../../platform/api-schemas.js';
import { requesterKindLabels } from '../../shared/labels.js';
import { period } from './suggestion.detail.schemas.js';

// The office's two queues of requests (调整申请, 延期申请): their queries and their answers.

const id = z.number().int().positive();
const paging = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};
const reassignmentStatus = z
  .enum(['pending', 'accepted', 'rejected'])
  .describe('pending 待处理、accepted 同意、rejected 不同意');
const extensionStatus = z
  .enum(['pending', 'granted', 'refused'])
  .describe('pending 待处理、granted 同意、refused 不同意');

export const reassignmentQuery = z.object({ status: reassignmentStatus.optional(), ...paging });
export const extensionQuery = z.object({ status: extensionStatus.optional(), ...paging });

const suggestionFields = {
  suggestionId: id.describe('所涉建议：详情 GET /api/suggestions/{id}'),
  title: z.string().describe('建议标题'),
  number: z.number().int().positive().nullable(),
  period,
  numberLabel: z.string(),
};

export const reassignmentRequestItem = z.object({
  id: id.describe('调整申请 id：裁定 POST /api/reassignment-requests/{id}/ruling'),
  ...suggestionFields,
  version: z.number().int().positive().describe('建议当前的版本：裁定时作为 version 提交'),
  requesterKind: enumOf(requesterKindLabels, '申请方'),
  requesterName: z.string(),
  requestingUnitName: z.string().nullable().describe('提出申请的承办单位；领衔代表申请时为 null'),
  reason: z.string(),
  proposedUnitIds: z.array(id).describe('建议改由的承办单位'),
  proposedUnitNames: z.array(z.string()),
  status: reassignmentStatus,
  rulingReason: z.string().nullable(),
  createdAt: timestamp,
});

export const extensionRequestItem = z.object({
  id: id.describe('延期申请 id：裁定 POST /api/extension-requests/{id}/ruling'),
  ...suggestionFields,
  unitName: z.string(),
  requestedDue: calendarDay.describe('申请延至'),
  replyDue: calendarDay.describe('现答复期限'),
  replyDueLatest: calendarDay.describe('最迟期限（交办之日起六个月），延期不得超过'),
  reason: z.string(),
  status: extensionStatus,
  rulingReason: z.string().nullable(),
  createdAt: timestamp,
});

export const reassignmentRequestPage = z.object({
  total: z.number().int().min(0),
  items: z.array(reassignmentRequestItem),
});
export const extensionRequestPage = z.object({ total: z.number().int().min(0), items: z.array(extensionRequestItem) });

/** What a ruling answers: the request as ruled. */
export const reassignmentRuling = z.object({
  id,
  suggestionId: id,
  status: reassignmentStatus,
  rulingReason: z.string().nullable(),
  ruledAt: timestamp.nullable(),
});
export const extensionRuling = z.object({
  id,
  suggestionId: id,
  requestedDue: calendarDay,
  status: extensionStatus,
  rulingReason: z.string().nullable(),
  ruledAt: timestamp.nullable(),
});

export const reassignmentWindow = z.object({
  sessionId: id,
  until: calendarDay.describe('新的统一调整期限'),
  assignmentsExtended: z.number().int().min(0).describe('因此延长了调整期限的承办记录数'),
});

export type ReassignmentRequestItem = z.input<typeof reassignmentRequestItem>;
export type ExtensionRequestItem = z.input<typeof extensionRequestItem>;
export type ReassignmentRequestPage = z.input<typeof reassignmentRequestPage>;
export type ExtensionRequestPage = z.input<typeof extensionRequestPage>;
