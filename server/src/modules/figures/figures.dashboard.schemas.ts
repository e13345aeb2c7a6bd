import { z } from 'zod';
import { calendarDay, timestamp } from '../../platform/api-schemas.js';
import {
  figureDefinitions,
  figureKeys,
  shareDefinitions,
  shareKeys,
  unitColumns,
  type FigureKey,
  type ShareKey,
  type UnitColumn,
} from './figures.definitions.js';

// The dashboard's queries and answers (figures.dashboard.routes.ts); how each number counts:
// docs/counting-rules.md and figures.definitions.ts.

const id = z.coerce.number().int().positive();

export const dashboardQuery = z.object({
  congressId: id.optional().describe('下级人大（多级联动，只有汇总数字）；不带为当前身份所在人大'),
  sessionId: id.optional().describe('这一次会议的建议；不带 sessionId、year、from/to 时为本届当前会议'),
  year: z.coerce.number().int().min(1980).max(2100).optional().describe('这一年召开的会议的建议'),
  from: calendarDay.optional().describe('立案日期自（与 to 同用）'),
  to: calendarDay.optional().describe('立案日期至'),
  asOf: calendarDay.optional().describe('统计截至日（含当日）；不带为今天'),
  unitSystemId: id.optional().describe('系统'),
  unitId: id.optional().describe('承办单位'),
  categoryCode: z.string().min(1).max(40).optional().describe('建议类别'),
  delegationId: id.optional().describe('代表团'),
  isKey: z.enum(['true', 'false']).optional().describe('是否重点处理建议'),
});
export type DashboardQuery = z.output<typeof dashboardQuery>;

export const drillQuery = dashboardQuery.extend({
  key: z
    .string()
    .regex(/^([a-zA-Z]+|class\.[A-Z][0-9A-Z]{0,7})$/, '统计项不存在')
    .refine((k) => k.startsWith('class.') || k in figureDefinitions, '统计项不存在')
    .describe(`统计项：${figureKeys.join('、')}，或 class.A1 等答复分类`),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const count = z.number().int().min(0);
const share = z.number().nullable().describe('百分比（一位小数，四舍五入）；分母为零时为 null');

const countsSchema = z
  .object(
    Object.fromEntries(figureKeys.map((k) => [k, count.describe(figureDefinitions[k].label)])) as Record<
      FigureKey,
      typeof count
    >,
  )
  .describe('各统计项的件数（口径见 docs/counting-rules.md）');
const sharesSchema = z.object(
  Object.fromEntries(shareKeys.map((k) => [k, share.describe(shareDefinitions[k].label)])) as Record<
    ShareKey,
    typeof share
  >,
);

const figuresSchema = z.object({
  cohortLabel: z.string().describe('如「省十三届人大三次会议」「2026年」'),
  asOf: calendarDay,
  counts: countsSchema,
  classes: z.record(z.string(), count).describe('各答复分类（每个承办单位最新一次答复）的件数'),
  units: count.describe('承办单位数'),
  shares: sharesSchema,
});

export const dashboardFigures = figuresSchema.extend({
  congressId: z.number().int(),
  previous: figuresSchema.nullable().describe('上一次会议（或上一年）同一时点的数字；没有数据时为 null'),
  changes: z
    .object(
      Object.fromEntries(shareKeys.map((k) => [k, z.number().nullable()])) as Record<
        ShareKey,
        z.ZodNullable<z.ZodNumber>
      >,
    )
    .describe('与上年同期相比变化的百分点'),
  mayOpenLists: z.boolean().describe('能否打开每个数字背后的清单（下级人大只有汇总数字）'),
});
export type DashboardFigures = z.input<typeof dashboardFigures>;

export const drillRow = z.object({
  suggestionId: z.number().int(),
  number: z.number().int().nullable(),
  period: z.enum(['in_session', 'between_sessions']),
  title: z.string(),
  status: z.string(),
  leadDeputyName: z.string(),
  unitName: z.string().nullable(),
  role: z.string().nullable(),
  assignmentId: z.number().int().nullable(),
  replyId: z.number().int().nullable(),
  classCode: z.string().nullable(),
  docNumber: z.string().nullable(),
  sentAt: timestamp.nullable(),
});

export const drillPage = z.object({
  key: z.string(),
  label: z.string(),
  level: z.enum(['suggestion', 'reply', 'assignment']).describe('清单是建议、答复函还是承办单位的承办记录'),
  total: count.describe('清单总数，等于该数字'),
  rows: z.array(drillRow),
});
export type DrillPageBody = z.input<typeof drillPage>;

export const unitRow = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  unitSystemName: z.string(),
  isBigHandler: z.boolean().describe('办理大户：主办件数最多的前十家'),
  counts: z.object(
    Object.fromEntries(unitColumns.map((k) => [k, count.describe(figureDefinitions[k].label)])) as Record<
      UnitColumn,
      typeof count
    >,
  ),
  repliedOnTimeShare: share,
  coOpinionsOnTimeShare: share,
  attitudeGoodShare: share,
  resultGoodShare: share,
});
export const unitTable = z.object({ cohortLabel: z.string(), asOf: calendarDay, units: z.array(unitRow) });
export type UnitTableBody = z.input<typeof unitTable>;

export const trendTable = z.object({ points: z.array(figuresSchema.extend({ sessionId: z.number().int() })) });
export type TrendTableBody = z.input<typeof trendTable>;

export const childrenTable = z.object({
  year: z.number().int(),
  asOf: calendarDay,
  children: z.array(figuresSchema.extend({ congressId: z.number().int(), congressName: z.string() })),
  total: figuresSchema,
});
export type ChildrenTableBody = z.input<typeof childrenTable>;

export const reportBody = z.object({
  title: z.string(),
  sections: z.array(z.object({ heading: z.string(), paragraphs: z.array(z.string()) })),
});
export type ReportBody = z.input<typeof reportBody>;

/** Ids within PostgreSQL's integer, so an absurd one is a 400 in Chinese, not an SQL error. */
const rowId = id.max(2_147_483_647, '编号超出范围');

export const topicAnalysisQuery = z.object({
  congressId: rowId.optional().describe('人大；不带为当前身份所在人大'),
  sessionId: rowId.optional().describe('会议；不带为本届当前会议'),
});
