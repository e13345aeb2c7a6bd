import { sql } from 'kysely';
import type { Viewer } from '../../platform/auth/viewer.js';
import type { Executor } from '../../platform/db.js';
import { forbidden, notFound } from '../../platform/errors.js';

const readers = new Set(['liaison_office', 'leader', 'government_office', 'committee']);

/**
 * Figures are aggregates: the viewer's own congress, or (多级联动) any congress below it in the
 * tree. Another branch of the tree does not exist as far as the viewer can tell.
 */
export async function ensureMayReadFigures(db: Executor, viewer: Viewer, congressId: number): Promise<void> {
  if (!readers.has(viewer.grant.role)) throw forbidden('当前角色无权查看统计数据');
  if (congressId === viewer.grant.congressId) return;
  if (viewer.grant.role !== 'liaison_office' && viewer.grant.role !== 'leader') throw notFound('人大');
  const below = await sql<{ id: number }>`
    with recursive tree as (
      select id from congress where parent_id = ${viewer.grant.congressId}
      union all
      select c.id from congress c join tree t on c.parent_id = t.id
    )
    select id from tree where id = ${congressId}`.execute(db);
  if (below.rows.length === 0) throw notFound('人大');
}
