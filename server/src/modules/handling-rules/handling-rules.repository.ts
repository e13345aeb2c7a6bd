import type { Executor } from '../../platform/db.js';
import { buildWorkCalendar, type CalendarEntry, type WorkCalendar } from '../deadline/work-calendar.js';
import { handlingRulesSchema, type HandlingRules } from './handling-rules.schemas.js';
import { defaultHandlingRules } from './handling-rules.workflow.js';

export interface StoredRules {
  rules: HandlingRules;
  version: number;
  updatedAt: Date | null;
}

export async function loadRules(db: Executor, congressId: number): Promise<StoredRules> {
  const row = await db
    .selectFrom('congress_policy')
    .selectAll()
    .where('congress_id', '=', congressId)
    .executeTakeFirst();
  if (!row) return { rules: defaultHandlingRules, version: 0, updatedAt: null };
  return { rules: rulesFromSettings(row.settings), version: row.version, updatedAt: row.updated_at };
}

/** A congress's stored settings (`congress_policy.settings`, or none stored) as its rules. */
export function rulesFromSettings(settings: unknown): HandlingRules {
  if (settings === null || settings === undefined) return defaultHandlingRules;
  // Stored settings are completed with defaults, so a rule added later has a value.
  const stored = settings as Partial<Record<keyof HandlingRules, unknown>>;
  const parsed = handlingRulesSchema.safeParse({
    ...defaultHandlingRules,
    ...stored,
    replyClasses: withYearEndFlag(stored.replyClasses),
  });
  return parsed.success ? parsed.data : defaultHandlingRules;
}

/** A class stored before the 本年度内 flag existed takes it from the default class of its code (A2). */
function withYearEndFlag(classes: unknown): unknown {
  if (!Array.isArray(classes)) return classes ?? defaultHandlingRules.replyClasses;
  return classes.map((c: unknown) => {
    if (typeof c !== 'object' || c === null || 'promiseByYearEnd' in c) return c;
    const code = (c as { code?: unknown }).code;
    const known = defaultHandlingRules.replyClasses.find((d) => d.code === code);
    return { ...c, promiseByYearEnd: known?.promiseByYearEnd ?? false };
  });
}

/** Saves the rules if nobody saved since `expectedVersion`; returns false on a lost race. */
export async function saveRules(
  db: Executor,
  congressId: number,
  rules: HandlingRules,
  expectedVersion: number,
  userId: number,
): Promise<boolean> {
  const settings = JSON.stringify(rules);
  if (expectedVersion === 0) {
    const inserted = await db
      .insertInto('congress_policy')
      .values({ congress_id: congressId, settings, updated_by: userId })
      .onConflict((oc) => oc.column('congress_id').doNothing())
      .returning('version')
      .executeTakeFirst();
    return inserted !== undefined;
  }
  const updated = await db
    .updateTable('congress_policy')
    .set((eb) => ({ settings, version: eb('version', '+', 1), updated_at: new Date(), updated_by: userId }))
    .where('congress_id', '=', congressId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return updated.numUpdatedRows === 1n;
}

export async function loadCalendarEntries(db: Executor, congressId: number, year?: number): Promise<CalendarEntry[]> {
  let q = db.selectFrom('calendar_day').select(['day', 'kind', 'name']).where('congress_id', '=', congressId);
  if (year !== undefined) q = q.where('day', '>=', `${year}-01-01`).where('day', '<=', `${year}-12-31`);
  return q.orderBy('day').execute();
}

export async function loadWorkCalendar(db: Executor, congressId: number): Promise<WorkCalendar> {
  return buildWorkCalendar(await loadCalendarEntries(db, congressId));
}

export async function replaceCalendarYear(
  db: Executor,
  congressId: number,
  year: number,
  entries: readonly CalendarEntry[],
): Promise<void> {
  await db
    .deleteFrom('calendar_day')
    .where('congress_id', '=', congressId)
    .where('day', '>=', `${year}-01-01`)
    .where('day', '<=', `${year}-12-31`)
    .execute();
  if (entries.length === 0) return;
  await db
    .insertInto('calendar_day')
    .values(entries.map((e) => ({ congress_id: congressId, day: e.day, kind: e.kind, name: e.name })))
    .execute();
}

export interface DeadlineContext {
  rules: HandlingRules;
  calendar: WorkCalendar;
}

export async function loadDeadlineContext(db: Executor, congressId: number): Promise<DeadlineContext> {
  const [{ rules }, calendar] = await Promise.all([loadRules(db, congressId), loadWorkCalendar(db, congressId)]);
  return { rules, calendar };
}
