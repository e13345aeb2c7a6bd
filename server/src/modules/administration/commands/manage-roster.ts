import type { Viewer } from '../../../platform/auth/viewer.js';
import { writeEffects } from '../../../platform/commit.js';
import type { Tx } from '../../../platform/db.js';
import { AppError, invalidState, notFound } from '../../../platform/errors.js';
import { authorise } from '../administration.access.js';
import { namedKindLabels } from '../administration.labels.js';
import type { AdminAction } from '../administration.policy.js';

// 代表团, 代表小组 and 专门委员会: names in the congress's lists. Suggestions and deputies refer
// to them, so they are retired, never deleted; a retired one keeps its name in old records.

export type RosterKind = 'delegation' | 'deputy_group' | 'committee';

const actionOf: Record<RosterKind, AdminAction> = {
  delegation: 'delegation.manage',
  deputy_group: 'deputy_group.manage',
  committee: 'committee.manage',
};

const duplicate = (kind: RosterKind, name: string) =>
  new AppError('conflict', `已有名为「${name}」的${namedKindLabels[kind]}`);

export async function createRosterEntry(tx: Tx, viewer: Viewer, kind: RosterKind, name: string) {
  await authorise(tx, viewer, actionOf[kind]);
  const congressId = viewer.grant.congressId;
  const row = await tx
    .insertInto(kind)
    .values({ congress_id: congressId, name })
    .onConflict((oc) => oc.columns(['congress_id', 'name']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) throw duplicate(kind, name);
  await writeEffects(tx, viewer, {
    audit: [{ action: 'roster.created', entityType: kind, entityId: row.id, congressId, after: { name } }],
  });
  return row;
}

async function lockEntry(tx: Tx, viewer: Viewer, kind: RosterKind, id: number) {
  const row = await tx
    .selectFrom(kind)
    .selectAll()
    .where('id', '=', id)
    .where('congress_id', '=', viewer.grant.congressId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound(namedKindLabels[kind]);
  return row;
}

export async function renameRosterEntry(tx: Tx, viewer: Viewer, kind: RosterKind, id: number, name: string) {
  await authorise(tx, viewer, actionOf[kind]);
  const before = await lockEntry(tx, viewer, kind, id);
  if (before.name === name) return before;
  const clash = await tx
    .selectFrom(kind)
    .select('id')
    .where('congress_id', '=', viewer.grant.congressId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (clash) throw duplicate(kind, name);
  const row = await tx.updateTable(kind).set({ name }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  await writeEffects(tx, viewer, {
    audit: [
      {
        action: 'roster.renamed',
        entityType: kind,
        entityId: id,
        congressId: viewer.grant.congressId,
        before: { name: before.name },
        after: { name },
      },
    ],
  });
  return row;
}

export async function retireRosterEntry(tx: Tx, viewer: Viewer, kind: RosterKind, id: number, now: Date) {
  await authorise(tx, viewer, actionOf[kind]);
  const before = await lockEntry(tx, viewer, kind, id);
  if (before.retired_at) throw invalidState(`该${namedKindLabels[kind]}已停用`);
  const row = await tx
    .updateTable(kind)
    .set({ retired_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeEffects(tx, viewer, {
    audit: [
      {
        action: 'roster.retired',
        entityType: kind,
        entityId: id,
        congressId: viewer.grant.congressId,
        before: { name: before.name },
        after: { retiredAt: now.toISOString() },
      },
    ],
  });
  return row;
}
