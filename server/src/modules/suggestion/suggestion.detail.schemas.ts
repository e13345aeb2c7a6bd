import { z } from 'zod';
import { calendarDay, enumOf, timestamp } from '../../platform/api-schemas.js';
import {
  assignmentRoleLabels,
  assignmentStateLabels,
  closeKindLabels,
  contactKindLabels,
  contactPhaseLabels,
  cosignerStatusLabels,
  disclosureLabels,
  modeLabels,
  periodLabels,
  ratingLabels,
  replyStateLabels,
  requesterKindLabels,
  standingLabels,
  statusLabels,
} from '../../shared/labels.js';

// What the suggestion routes answer: one suggestion as its viewer may see it (the presenter,
// suggestion.presenter.ts), with the viewer's abilities; the short answer of a write; the list.
// Pure zod: the web app takes its types from here (`z.input`, what travels as JSON).

const id = z.number().int().positive();
const label = z.string().describe('上一字段的中文名称，可直接展示');

export const suggestionStatus = enumOf(statusLabels, '建议状态');
export const assignmentRole = enumOf(assignmentRoleLabels, '承办方式');
export const assignmentState = enumOf(assignmentStateLabels, '本单位承办状态');
export const handlingMode = enumOf(modeLabels, '交办方式');
export const ratingLevel = enumOf(ratingLabels, '测评等级');
export const period = enumOf(periodLabels, '提出时间');
export const deadlineStanding = enumOf(standingLabels, '与期限相比的情况');

const ability = (enables: string) => z.boolean().describe(enables);

/**
 * What the viewer may do next. Each ability is true exactly when the operation it names would
 * be accepted now; the web app shows a button for each true one and re-derives nothing.
 */
export const suggestionAbilities = z
  .object({
    editDraft: ability('可修改草稿或退回的建议：PUT /api/suggestions/{id}（updateDraft），带 version'),
    submit: ability('可提交：POST /api/suggestions/{id}/submit（submitSuggestion），带 version'),
    respondToCosign: ability('被邀请联名，可确认或谢绝：POST /api/suggestions/{id}/cosign（respondToCosign）'),
    register: ability('可立案编号：POST /api/suggestions/{id}/register（registerSuggestion），带 version'),
    returnForRevision: ability('可退回修改：POST /api/suggestions/{id}/return（returnSuggestion），带 version'),
    decline: ability('可不予立案：POST /api/suggestions/{id}/decline（declineSuggestion），带 version'),
    preAssign: ability('可预交办：POST /api/suggestions/{id}/pre-assign（preAssignSuggestion），带 version'),
    assign: ability('可交办：POST /api/suggestions/assign（assignSuggestions），items[] 中带 suggestionId 与 version'),
    groupIntoClass: ability('可归类：POST /api/suggestions/classes（groupSuggestionsIntoClass）'),
    requestReassignment: ability(
      '可申请调整承办单位（调整期限内、无待处理的本人申请）：POST /api/suggestions/{id}/reassignment-requests（requestReassignment）',
    ),
    ruleReassignment: ability(
      '有待处理的调整申请可裁定：POST /api/reassignment-requests/{requestId}/ruling（ruleReassignment），requestId 取自 reassignmentRequests[] 中 status 为 pending 的 id',
    ),
    acknowledge: ability('本单位可签收：POST /api/suggestions/{id}/acknowledge（acknowledgeAssignment），带 version'),
    recordContact: ability('本单位可登记与代表的沟通：POST /api/suggestions/{id}/contacts（recordContact）'),
    sendOpinion: ability('本单位（会办）可提交会办意见：POST /api/suggestions/{id}/opinions（sendCoHandlingOpinion）'),
    requestExtension: ability('本单位可申请延期：POST /api/suggestions/{id}/extension-requests（requestExtension）'),
    draftReply: ability('本单位可起草或修改答复：PUT /api/suggestions/{id}/reply（draftReply）'),
    submitReply: ability('本单位的答复草稿可送审：POST /api/suggestions/{id}/reply/submit（submitReplyForReview）'),
    reviewReply: ability('答复正等待当前用户审核或签发：POST /api/suggestions/{id}/reply/review（reviewReply）'),
    rate: ability('当前代表可测评答复：POST /api/suggestions/{id}/ratings（rateReply），replyId 取自 ratableReplyIds'),
    ratableReplyIds: z
      .array(id)
      .describe('当前代表可测评的答复（replies[].id）：各单位最新一封已签发、在反馈期限内、本人尚未测评的答复函'),
    ruleExtension: ability(
      '有待处理的延期申请可裁定：POST /api/extension-requests/{requestId}/ruling（ruleExtension），requestId 取自 extensionRequests[] 中 status 为 pending 的 id',
    ),
    closeByOffice: ability('可由联工委决定办结：POST /api/suggestions/{id}/close（closeSuggestion），带 version'),
    setDisclosure: ability('可设置是否公开：POST /api/suggestions/{id}/disclosure（setDisclosure），带 version'),
  })
  .meta({
    id: 'SuggestionAbilities',
    description: '当前用户此刻可对这件建议执行的操作；每项注明对应的接口及其所需的 id',
  });

const assignment = z
  .object({
    id,
    unitId: id,
    unitName: z.string(),
    role: assignmentRole,
    roleLabel: label,
    state: assignmentState,
    stateLabel: label,
    assignedOn: calendarDay,
    replyDue: calendarDay.describe('答复期限'),
    replyDueLatest: calendarDay.describe('答复最迟期限（交办之日起六个月）'),
    dueRule: z.string().describe('期限如何计算的说明'),
    opinionDue: calendarDay.nullable().describe('会办意见期限（会办单位）'),
    extendedDue: calendarDay.nullable().describe('获准延期后的答复期限'),
    rehandlingDue: calendarDay.nullable().describe('重新办理的答复期限'),
    rehandlingRound: z.number().int().min(0),
    effectiveDue: calendarDay.describe('此刻适用的期限'),
    standing: deadlineStanding.nullable().describe('与期限相比的情况；已调整的为 null'),
    daysLeft: z.number().int().nullable().describe('距期限的天数（负数为已超期）；已办完的为 null'),
    reassignmentWindowUntil: calendarDay.describe('可申请调整承办单位的最后一天'),
    acknowledgedAt: timestamp.nullable(),
    handlerName: z.string().nullable(),
    handlerPhone: z.string().nullable(),
    plan: z.string().nullable().describe('办理计划（代表看不到，为 null）'),
    plannedReplyOn: calendarDay.nullable(),
    repliedAt: timestamp.nullable(),
    repliedOnTime: z.boolean().nullable(),
    opinionSentAt: timestamp.nullable(),
    opinionOnTime: z.boolean().nullable(),
    endedAt: timestamp.nullable(),
    endReason: z.string().nullable(),
  })
  .describe('一个承办单位的办理情况');

const reply = z
  .object({
    id: id.describe('答复 id：测评时作为 replyId'),
    unitId: id,
    unitName: z.string(),
    assignmentId: id,
    round: z.number().int().min(0).describe('第几轮答复（重新办理后加一）'),
    state: enumOf(replyStateLabels, '答复状态'),
    stateLabel: label,
    classCode: z.string().describe('答复分类代码（本级人大的分类表）'),
    docNumber: z.string().describe('答复函文号'),
    body: z.string(),
    handlerName: z.string(),
    handlerPhone: z.string(),
    consultedUnits: z.string(),
    promise: z
      .object({ doneText: z.string(), plannedText: z.string(), notDoneReason: z.string() })
      .describe('承诺事项：已办、计划办、未能办理的理由'),
    reviewStep: z.number().int().min(0).describe('已通过的审核步骤数'),
    sentAt: timestamp.nullable(),
    onTime: z.boolean().nullable(),
    feedbackDue: calendarDay.nullable().describe('代表测评的最后一天（反馈期限），签发时确定'),
    classTableVersion: z.string(),
    version: z.number().int().positive(),
  })
  .describe('一封答复函；草稿和审核中的只有本单位看得到');

const rating = z.object({
  id,
  replyId: id,
  deputyName: z.string().nullable().describe('测评的代表；背靠背：承办单位和督办方看到 null'),
  isLeadDeputy: z.boolean().nullable(),
  mine: z.boolean().describe('是否当前代表本人的测评'),
  attitude: ratingLevel.describe('对办理态度的评价'),
  attitudeLabel: label,
  result: ratingLevel.describe('对办理结果的评价'),
  resultLabel: label,
  comment: z.string(),
  ratedAt: timestamp,
});

const contact = z.object({
  id,
  unitName: z.string(),
  phase: enumOf(contactPhaseLabels, '沟通阶段'),
  phaseLabel: label,
  kind: enumOf(contactKindLabels, '沟通方式'),
  kindLabel: label,
  contactedOn: calendarDay,
  summary: z.string(),
});

const opinion = z.object({ id, unitName: z.string(), body: z.string(), sentAt: timestamp, onTime: z.boolean() });

const extensionRequest = z.object({
  id: id.describe('延期申请 id：裁定时用于 POST /api/extension-requests/{id}/ruling'),
  unitName: z.string(),
  requestedDue: calendarDay,
  reason: z.string(),
  status: z.enum(['pending', 'granted', 'refused']).describe('pending 待处理、granted 同意、refused 不同意'),
  statusLabel: label,
  rulingReason: z.string().nullable(),
  createdAt: timestamp,
});

const reassignmentRequest = z.object({
  id: id.describe('调整申请 id：裁定时用于 POST /api/reassignment-requests/{id}/ruling'),
  requesterKind: enumOf(requesterKindLabels, '申请方'),
  requesterName: z.string(),
  reason: z.string(),
  proposedUnitIds: z.array(id),
  status: z.enum(['pending', 'accepted', 'rejected']).describe('pending 待处理、accepted 同意、rejected 不同意'),
  statusLabel: label,
  rulingReason: z.string().nullable(),
  createdAt: timestamp,
  ruledAt: timestamp.nullable(),
});

const attachment = z.object({
  id: id.describe('附件 id：下载用 GET /api/attachments/{id}'),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int().min(0),
  uploadedAt: timestamp,
});

const timelineEvent = z.object({
  id,
  at: timestamp,
  action: z.string().describe('审计动作代码，如 suggestion.registered'),
  label: z.string().describe('动作的中文名称'),
  actorName: z.string().nullable().describe('办理人；系统动作为「系统」，由测评引起的重新办理和办结为「代表」'),
});

/** GET /api/suggestions/{id}, and what every write on one suggestion answers by default. */
export const suggestionDetail = z
  .object({
    id,
    version: z.number().int().positive().describe('乐观锁版本：写操作带上读到的 version，已过期则答复 409'),
    number: z.number().int().positive().nullable().describe('立案编号；未立案为 null'),
    numberLabel: z.string().describe('如「第12号」「闭会第5号」「未编号」'),
    period,
    periodLabel: label,
    sessionId: id,
    sessionLabel: z.string(),
    title: z.string(),
    body: z.string(),
    categoryCode: z.string(),
    categoryName: z.string().nullable(),
    status: suggestionStatus,
    statusLabel: label,
    mode: handlingMode.nullable(),
    modeLabel: z.string().nullable(),
    leadDeputy: z.object({ id, name: z.string().nullable() }),
    delegationName: z.string().nullable(),
    cosigners: z.array(z.object({ deputyId: id, name: z.string(), status: enumOf(cosignerStatusLabels, '联名状态') })),
    mayDisclose: z.boolean().describe('代表是否同意公开'),
    disclosure: enumOf(disclosureLabels, '公开状态'),
    publishedAt: timestamp.nullable(),
    isKey: z.boolean().describe('是否重点督办'),
    class: z.object({ id, name: z.string().nullable() }).nullable().describe('所属的类（办理一件，解决一类）'),
    reviewComment: z.string().nullable(),
    declineReason: z.string().nullable(),
    closeKind: enumOf(closeKindLabels, '办结方式').nullable(),
    closeKindLabel: z.string().nullable(),
    closeReason: z.string().nullable(),
    rehandlingRound: z.number().int().min(0),
    continuesSuggestionId: id.nullable().describe('回头看：本件所续交办的上年度建议'),
    submittedAt: timestamp.nullable(),
    registeredAt: timestamp.nullable(),
    assignedOn: calendarDay.nullable(),
    closedAt: timestamp.nullable(),
    updatedAt: timestamp,
    preAssignments: z.array(z.object({ unitId: id, unitName: z.string(), role: assignmentRole, roleLabel: label })),
    assignments: z.array(assignment),
    replies: z.array(reply),
    ratings: z.array(rating),
    contacts: z.array(contact),
    opinions: z.array(opinion),
    extensionRequests: z.array(extensionRequest),
    reassignmentRequests: z.array(reassignmentRequest),
    attachments: z.array(attachment),
    timeline: z.array(timelineEvent).describe('办理记录'),
    abilities: suggestionAbilities,
  })
  .meta({
    id: 'SuggestionDetail',
    description: '一件建议及其办理记录，按当前用户可见的范围；abilities 为其此刻可执行的操作',
  });

/** The answer of a write sent with `Prefer: return=minimal`. */
export const suggestionSummary = z
  .strictObject({
    id,
    version: z.number().int().positive(),
    status: suggestionStatus,
  })
  .meta({ id: 'SuggestionSummary', description: '请求头 Prefer: return=minimal 时的简短答复' });

/** What a write on one suggestion answers: its detail, or with `Prefer: return=minimal` its summary. */
export const suggestionAnswer = z
  .union([suggestionSummary, suggestionDetail])
  .describe('建议的最新详情；请求头 Prefer: return=minimal 时为 {id, version, status}');

/** `Prefer: return=minimal` (RFC 7240) on any write that answers with the suggestion. */
export const preferHeaders = z.looseObject({
  prefer: z.string().optional().describe('return=minimal：只答复 {id, version, status}，省去详情'),
});

/** A units' list page is sent again only when it changed (entity tag, RFC 9110). */
export const listHeaders = z.looseObject({
  'if-none-match': z.string().optional().describe('上次答复的 ETag；这一页没有变化时答复 304'),
});

const unitPart = z.object({
  unitId: id,
  unitName: z.string(),
  role: assignmentRole,
  roleLabel: label,
  state: assignmentState,
  stateLabel: label,
  due: calendarDay.describe('此刻适用的期限'),
  assignedOn: calendarDay,
  replyDue: calendarDay,
  replyDueLatest: calendarDay,
  standing: deadlineStanding.nullable(),
  daysLeft: z.number().int().nullable(),
});

export const suggestionListItem = z.object({
  id: id.describe('建议 id：详情 GET /api/suggestions/{id}'),
  version: z.number().int().positive(),
  number: z.number().int().positive().nullable(),
  numberLabel: z.string(),
  period,
  title: z.string(),
  status: suggestionStatus,
  statusLabel: label,
  categoryCode: z.string(),
  categoryName: z.string().nullable(),
  isKey: z.boolean(),
  leadDeputyName: z.string().nullable(),
  delegationName: z.string().nullable(),
  submittedAt: timestamp.nullable(),
  updatedAt: timestamp,
  assignedOn: calendarDay.nullable(),
  units: z.array(unitPart).describe('正在承办的单位'),
  myPart: unitPart.nullable().describe('当前用户所在单位的承办情况'),
  leadRating: ratingLevel.nullable().describe('领衔代表最近一次对办理结果的测评'),
  myRelation: z
    .enum(['lead', 'cosigner_invited', 'cosigner_confirmed', 'cosigner_declined'])
    .nullable()
    .describe(
      '当前代表与本件的关系：lead 领衔，cosigner_invited 被邀联名待确认，cosigner_confirmed 已联名，cosigner_declined 已谢绝',
    ),
});

/** GET /api/suggestions */
export const suggestionPage = z
  .object({
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
    items: z.array(suggestionListItem),
  })
  .meta({ id: 'SuggestionPage', description: '一页建议（按当前用户可见的范围）' });

// The answers as they travel (JSON: instants as ISO strings), for the web app.
export type SuggestionDetail = z.input<typeof suggestionDetail>;
export type SuggestionAbilities = z.input<typeof suggestionAbilities>;
export type SuggestionSummary = z.input<typeof suggestionSummary>;
export type SuggestionPage = z.input<typeof suggestionPage>;
export type SuggestionListItem = z.input<typeof suggestionListItem>;
