import type { Executor } from '../../platform/db.js';
import type { RosterKind } from './commands/manage-roster.js';

/** A delegation, group or committee list, in use first, then by name. */
export async function listRoster(db: Executor, kind: RosterKind | 'unit_system', congressId: number) {
  const rows = await db
    .selectFrom(kind)
    .select(['id', 'name', 'retired_at'])
    .where('congress_id', '=', congressId)
    .orderBy((eb) => eb('retired_at', 'is not', null))
    .orderBy('id')
    .execute();
  return { items: rows.map((r) => ({ id: r.id, name: r.name, retiredAt: r.retired_at })) };
}
