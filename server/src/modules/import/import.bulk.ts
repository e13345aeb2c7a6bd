import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../platform/db.js';

// Many rows in few statements: each batch travels as one JSON parameter and is unpacked by
// json_to_recordset (plain json: parsed once, never stored, faster to read than jsonb), so a publish of 20,000 suggestions is a few dozen statements, not
// 100,000. Ids are taken from the tables' own sequences beforehand, so children can name
// their parents without a round trip per row — and the statements can be built, JSON and
// all, before the publish's transaction opens (on PGlite that transaction holds the only
// connection, so nothing but the writes themselves may happen inside it).

const BATCH = 2000;

export type Statement = RawBuilder<unknown>;

/** A column of the target table: its SQL type in the JSON, or an expression over the JSON's fields (`x.…`). */
export type BulkColumn = readonly [name: string, type: string] | readonly [name: string, type: string, expr: string];

/** The insert statements that write `rows` into `table`, a batch each, pausing for other requests between batches. */
export async function bulkRows(
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly Record<string, unknown>[],
  extraFields: readonly (readonly [string, string])[] = [],
): Promise<Statement[]> {
  const fields = [...columns.filter((c) => c.length === 2), ...extraFields].map(([n, t]) => `${n} ${t}`).join(', ');
  const targets = columns.map((c) => c[0]).join(', ');
  const values = columns.map((c) => (c.length === 3 ? c[2] : `x.${c[0]}`)).join(', ');
  const statements: Statement[] = [];
  for (let at = 0; at < rows.length; at += BATCH) {
    const json = JSON.stringify(rows.slice(at, at + BATCH));
    statements.push(
      sql`${sql.raw(`insert into ${table} (${targets}) overriding system value select ${values} from json_to_recordset(`)}${json}${sql.raw(`::json) as x(${fields})`)}`,
    );
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return statements;
}

/** `n` fresh ids of a table's identity column. */
export async function takeIds(db: Executor, table: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  const rows = await sql<{
    id: number;
  }>`select nextval(pg_get_serial_sequence(${table}, 'id'))::int as id from generate_series(1, ${n}::int)`.execute(db);
  return rows.rows.map((r) => r.id);
}
