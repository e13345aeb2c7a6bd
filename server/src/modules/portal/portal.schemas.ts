import { z } from 'zod';
import { timestamp } from '../../platform/api-schemas.js';
import { assignmentRole, period, ratingLevel } from '../suggestion/suggestion.detail.schemas.js';

export const publicListQuery = z.object({
  congressId: z.coerce.number().int().positive().optional(),
  sessionId: z.coerce.number().int().positive().optional(),
  unitId: z.coerce.number().int().positive().optional(),
  categoryCode: z.string().max(32).optional(),
  rating: ratingLevel.optional(),
  /** The list of unsatisfied replies: either rating 不满意. */
  unsatisfied: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PublicListQuery = z.infer<typeof publicListQuery>;

export const publicIdParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

// The answers: only what the office has published, nothing that names who rated.

const id = z.number().int().positive();

export const publicOptionsBody = z.object({
  sessions: z.array(z.object({ id, name: z.string() })).describe('有公开建议的会议'),
  categories: z.array(z.object({ code: z.string(), name: z.string() })),
  units: z.array(z.object({ id, name: z.string() })).describe('承办过公开建议的单位'),
});

export const publicSuggestionItem = z.object({
  id: id.describe('全文：GET /api/public/suggestions/{id}'),
  number: z.number().int().positive().nullable(),
  period,
  title: z.string(),
  sessionName: z.string(),
  categoryName: z.string().nullable(),
  leadDeputyName: z.string().nullable(),
  delegationName: z.string().nullable(),
  units: z.array(z.object({ name: z.string(), role: assignmentRole })),
  replyClass: z.string().nullable().describe('最近一封答复的分类'),
  rating: z
    .object({ attitude: ratingLevel, result: ratingLevel })
    .nullable()
    .describe('领衔代表最近一次测评的结果（不含意见）'),
  publishedAt: timestamp.nullable(),
});

export const publicSuggestionPage = z.object({ total: z.number().int().min(0), items: z.array(publicSuggestionItem) });

export const publicSuggestion = publicSuggestionItem.extend({
  body: z.string(),
  coSignerNames: z.array(z.string()).describe('已确认的联名代表'),
  replies: z
    .array(
      z.object({
        unitName: z.string(),
        classCode: z.string(),
        docNumber: z.string(),
        body: z.string(),
        sentAt: timestamp.nullable(),
      }),
    )
    .describe('已签发的答复函'),
});

export type PublicOptions = z.input<typeof publicOptionsBody>;
export type PublicSuggestionItem = z.input<typeof publicSuggestionItem>;
export type PublicSuggestion = z.input<typeof publicSuggestion>;
export type PublicSuggestionPage = z.input<typeof publicSuggestionPage>;

// The public's figures: over disclosed suggestions only.

export const publicFiguresQuery = z.object({
  sessionId: z.coerce.number().int().positive().optional().describe('会议 id；缺省为最近一次有公开建议的会议'),
});

const share = z.number().nullable().describe('百分比（一位小数，四舍五入）；分母为零时为 null');
const count = z.number().int().min(0);
const headline = {
  disclosed: count.describe('公开的建议件数'),
  replied: count.describe('其中已答复'),
  feedback: count.describe('其中领衔代表已反馈满意度测评'),
  unsatisfiedGiven: count.describe('其中曾测评不满意'),
  feedbackShare: share.describe('反馈率（占已答复）'),
  attitudeGoodShare: share.describe('办理态度很满意和满意（占反馈）'),
  resultGoodShare: share.describe('办理结果很满意和满意（占反馈）'),
  classABShare: share.describe('已解决、已有规定和计划解决（A类和B类，占分类标注的答复）'),
};

export const publicFiguresBody = z.object({
  session: z.object({ id, name: z.string() }).nullable().describe('统计的会议；尚无公开建议时为 null'),
  asOf: z.string().describe('统计截至日（YYYY-MM-DD）'),
  figures: z.object(headline).nullable(),
  units: z
    .array(
      z.object({
        rank: z.number().int().positive().nullable().describe('排名；尚无代表测评的单位为 null，列在最后'),
        unitName: z.string(),
        assignedLead: count.describe('主办（含单独、分别办理）件数'),
        assignedCo: count.describe('会办件数'),
        feedback: count.describe('已反馈测评件数'),
        repliedOnTimeShare: share.describe('按时答复率'),
        attitudeGoodShare: share.describe('办理态度很满意和满意'),
        resultGoodShare: share.describe('办理结果很满意和满意'),
      }),
    )
    .describe('承办单位排名：依次按办理结果满意率、办理态度满意率、按时答复率'),
  sessions: z.array(z.object({ id, name: z.string(), ...headline })).describe('本级人大历次会议的公开数字'),
});
export type PublicFiguresBody = z.input<typeof publicFiguresBody>;
