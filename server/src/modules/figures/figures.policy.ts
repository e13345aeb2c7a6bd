import { sql } from 'kysely';
import type { Viewer } from '../../platform/auth/viewer.js';
import type { Executor } from '../../platform/db.js';
import { forbidden, notFound } from '../../platform/errors.js';
import type { FigureFilters } from './figures.facts.js';

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

const unitRoles = new Set(['unit_handler', 'unit_reviewer', 'unit_signer']);

export interface FiguresView {
  /** Filters the viewer's rights add to every figure: a unit its own, a committee its field. */
  forced: FigureFilters;
  /** Lists behind the numbers and per-unit tables: own congress only; a parent sees aggregates. */
  mayOpenLists: boolean;
}

/**
 * What a viewer may count in one congress. In its own congress the office and leaders count
 * everything, a government office its system, a unit its own parts, a committee its field;
 * above a child congress the office and leaders read aggregates only.
 */
export async function figuresViewOf(db: Executor, viewer: Viewer, congressId: number): Promise<FiguresView> {
  const g = viewer.grant;
  if (congressId !== g.congressId) {
    await ensureMayReadFigures(db, viewer, congressId);
    return { forced: {}, mayOpenLists: false };
  }
  if (g.role === 'liaison_office' || g.role === 'leader') return { forced: {}, mayOpenLists: true };
  if (g.role === 'government_office') return { forced: { unitSystemId: g.unitSystemId ?? -1 }, mayOpenLists: true };
  if (g.role === 'committee') return { forced: { committeeId: g.committeeId ?? -1 }, mayOpenLists: true };
  if (unitRoles.has(g.role)) return { forced: { unitId: g.unitId ?? -1 }, mayOpenLists: true };
  throw forbidden('当前角色无权查看统计数据');
}

/** The viewer's filters within its rights: asking for another unit than one's own finds nothing. */
export function filtersWithin(view: FiguresView, asked: FigureFilters): FigureFilters {
  if (!view.mayOpenLists && Object.values(asked).some((v) => v !== undefined)) {
    throw forbidden('下级人大只提供汇总数字，不能按单位、类别或代表团细分');
  }
  for (const key of ['unitId', 'unitSystemId', 'committeeId'] as const) {
    const own = view.forced[key];
    if (own !== undefined && asked[key] !== undefined && asked[key] !== own) throw notFound('统计范围');
  }
  return { ...asked, ...view.forced };
}
