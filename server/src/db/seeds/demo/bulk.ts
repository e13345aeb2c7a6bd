import type { Insertable } from 'kysely';
import type { Database } from '../../schema.js';
import type { Tx } from '../../../platform/db.js';

// Many rows per statement: PGlite is one connection in WASM, so the statement count is what
// the load time is made of. Chunks stay well under PostgreSQL's 65,535 bind parameters.

type TableName = keyof Database & string;

function chunksOf<T>(rows: readonly T[], columns: number): T[][] {
  const size = Math.max(1, Math.min(1000, Math.floor(24_000 / Math.max(1, columns))));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export async function insertRows<T extends TableName>(
  tx: Tx,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  if (rows.length === 0) return;
  for (const chunk of chunksOf(rows, Object.keys(rows[0] as object).length)) {
    await tx
      .insertInto(table)
      .values(chunk as never)
      .execute();
  }
}

/**
 * Inserts and returns the new ids in the order of `rows`. Identity values are drawn as the
 * VALUES list is read, so the i-th row holds the i-th smallest id of its statement.
 */
export async function insertReturningIds<T extends TableName>(
  tx: Tx,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<number[]> {
  if (rows.length === 0) return [];
  const ids: number[] = [];
  for (const chunk of chunksOf(rows, Object.keys(rows[0] as object).length)) {
    const returned = (await tx
      .insertInto(table)
      .values(chunk as never)
      .returning('id' as never)
      .execute()) as unknown as { id: number }[];
    ids.push(...returned.map((r) => Number(r.id)).sort((a, b) => a - b));
  }
  return ids;
}
