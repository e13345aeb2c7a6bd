import { z } from 'zod';

// The headline figures (办理情况主要数字): query and answer of figures.routes.ts.

export const figuresQuery = z.object({
  congressId: z.coerce.number().int().positive().optional().describe('下级人大（多级联动）；不带为当前身份所在人大'),
  sessionId: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe('只计这一次会议的建议：GET /api/directory/sessions 中的 id'),
});

const count = z.number().int().min(0);
const share = z.number().nullable().describe('百分比；分母为零时为 null');

/** The counts and shares the reports quote; how each is counted: docs/counting-rules.md. */
export const overviewFigures = z.object({
  received: z.object({
    inSession: count.describe('大会期间提出的'),
    betweenSessions: count.describe('闭会期间提出的'),
    registered: count.describe('已立案编号的'),
    continuedFromEarlier: count.describe('回头看：续交办的上年度建议'),
  }),
  units: count.describe('正在承办的单位数'),
  replies: z.object({
    replied: count,
    onTime: count,
    onTimeShare: share,
    within3Months: count,
    within3MonthsShare: share,
    rehandling: count,
    overdueNow: count,
    closed: count,
  }),
  coOpinions: z.object({ sent: count, onTime: count, onTimeShare: share }),
  feedback: z.object({ rated: count, shareOfReplied: share }),
  ratings: z.object({ attitudeGood: count, attitudeGoodShare: share, resultGood: count, resultGoodShare: share }),
  classes: z.object({
    counts: z.record(z.string(), count).describe('各答复分类的件数'),
    aShare: share,
    bShare: share,
    cShare: share,
    solvedOrPlannedShare: share,
  }),
  promises: z.object({ open: count, fulfilled: count }),
});

export type OverviewFigures = z.input<typeof overviewFigures>;
