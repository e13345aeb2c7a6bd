import type { Executor } from '../../platform/db.js';
import { bulkRows, type Statement } from './import.bulk.js';
import type { Ref } from './lists.check.js';

// What a checked file becomes: the statements of its publish, prepared before the publish's
// one transaction opens (ids taken from the sequences, rows built and serialised, search
// words cut), so that the transaction does nothing but write. Rows carry the job that
// created them (import_job_id). The caller has set `lianxin.bulk_publish`, so the unit-list
// triggers skip these rows; each touched unit's counter is bumped by the last statement.

export interface PublishScope {
  /** Outside the transaction: used only to take ids. */
  db: Executor;
  congressId: number;
  jobId: number;
  userId: number;
  passwordHash: string | null;
  classTableVersion: string;
}

export interface PreparedPublish {
  statements: Statement[];
  counts: Record<string, number>;
  /**
   * The rows touch no table whose triggers do more than the unit-list stamps (skipped in a
   * bulk publish anyway) and every reference was checked against the congress just before:
   * the per-row foreign-key triggers only repeat that check, and on PGlite they are most of
   * the time the transaction holds the only connection.
   */
  referencesChecked: boolean;
}

/** A day as an instant: noon in China, so the day reads the same in every report. */
export const at = (day: string) => `${day}T12:00:00+08:00`;
export const idOf = (ref: Ref, created: readonly number[]) => ('id' in ref ? ref.id : created[ref.planned]!);

/** The terms (届) a file brings, as statements; their ids were taken beforehand. */
export function termRows(
  s: PublishScope,
  terms: readonly { id: number; ordinal: number; startsOn: string; endsOn?: string | null }[],
): Promise<Statement[]> {
  return bulkRows(
    'term',
    [
      ['id', 'int'],
      ['congress_id', 'int'],
      ['ordinal', 'int'],
      ['starts_on', 'date'],
      ['ends_on', 'date'],
    ],
    terms.map((t) => ({
      id: t.id,
      congress_id: s.congressId,
      ordinal: t.ordinal,
      starts_on: t.startsOn,
      ends_on: t.endsOn ?? null,
    })),
  );
}
