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
