import { sql } from 'kysely';
import type { Executor } from '../../platform/db.js';
import { classKeyPattern, figureDefinitions, levelOf, type DrillKey, type FigureKey } from './figures.definitions.js';
import { factsCte, type FigureScope } from './figures.facts.js';
import { freshFacts } from './figures.refresh.js';

// The list behind a number: the same fact rows the number counts (figures.count.ts), one
// row each — suggestions, reply letters (class counts) or units' parts (lead and co counts).

export interface DrillRow {
  suggestionId: number;
  number: number | null;
  period: 'in_session' | 'between_sessions';
  title: string;
  status: string;
  leadDeputyName: string;
  unitName: string | null;
  role: string | null;
  assignmentId: number | null;
  replyId: number | null;
  classCode: string | null;
  docNumber: string | null;
  sentAt: Date | null;
}

export interface DrillPage {
  total: number;
  rows: DrillRow[];
}

function conditionOf(key: DrillKey) {
  const code = classKeyPattern.exec(key)?.[1];
  if (code !== undefined) return sql`class_code = ${code}`;
  return sql.raw(figureDefinitions[key as FigureKey].where);
}

export async function drillDown(
  db: Executor,
  scope: FigureScope,
  key: DrillKey,
  page: { limit: number; offset: number },
): Promise<DrillPage> {
  await freshFacts(db, 'rollup');
  const level = levelOf(key);
  const where = conditionOf(key);
  const source =
    level === 'suggestion'
      ? sql`select sf.id as suggestion_id, null::int as unit_id, null::text as role, null::int as assignment_id,
          null::int as reply_id from sf where ${where}`
      : level === 'reply'
        ? sql`select suggestion_id, unit_id, role, id as assignment_id, reply_id from rf where ${where}`
        : sql`select suggestion_id, unit_id, role, id as assignment_id, reply_id from af where ${where}`;
  const { rows } = await sql<{ total: number; items: unknown }>`
    ${factsCte(scope)}, picked as (${source})
    select (select count(*)::int from picked) as total,
      (select coalesce(json_agg(t), '[]'::json) from (
        select s.id as "suggestionId", s.number, s.period, s.title, s.status, d.name as "leadDeputyName",
          u.name as "unitName", p.role, p.assignment_id as "assignmentId",
          ${level === 'reply' ? sql`r.id` : sql`null::int`} as "replyId",
          ${level === 'reply' ? sql`r.class_code` : sql`null::text`} as "classCode",
          ${level === 'reply' ? sql`r.doc_number` : sql`null::text`} as "docNumber",
          ${level === 'reply' ? sql`r.sent_at` : sql`null::timestamptz`} as "sentAt"
        from picked p
        join suggestion s on s.id = p.suggestion_id
        join deputy d on d.id = s.lead_deputy_id
        left join handling_unit u on u.id = p.unit_id
        left join reply r on r.id = p.reply_id
        order by s.period, s.number, u.name nulls first, p.assignment_id
        limit ${page.limit} offset ${page.offset}
      ) t) as items`.execute(db);
  const row = rows[0]!;
  const items = (typeof row.items === 'string' ? JSON.parse(row.items) : row.items) as (Omit<DrillRow, 'sentAt'> & {
    sentAt: string | null;
  })[];
  return {
    total: row.total,
    rows: items.map((i) => ({ ...i, sentAt: i.sentAt === null ? null : new Date(i.sentAt) })),
  };
}
