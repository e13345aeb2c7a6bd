import type { Viewer } from '../../platform/auth/viewer.js';
import type { Executor } from '../../platform/db.js';
import { forbidden } from '../../platform/errors.js';
import { decideAdministration, type AdminAction } from './administration.policy.js';

/** Whether the office lets government offices administer the units of their own system. */
export async function governmentOfficeAllowed(db: Executor, congressId: number): Promise<boolean> {
  const row = await db
    .selectFrom('administration_setting')
    .select('government_office_administers_units')
    .where('congress_id', '=', congressId)
    .executeTakeFirst();
  return row?.government_office_administers_units ?? false;
}

/**
 * Refuses (403) unless the viewer may do the action; `unitSystemId` is the system of the unit
 * concerned, for a government office's own-system rule.
 */
export async function authorise(
  db: Executor,
  viewer: Viewer,
  action: AdminAction,
  unitSystemId: number | null = null,
): Promise<void> {
  const isGovernmentOffice = viewer.grant.role === 'government_office';
  const decision = decideAdministration(action, viewer.grant.role, {
    governmentOfficeAllowed: isGovernmentOffice && (await governmentOfficeAllowed(db, viewer.grant.congressId)),
    inOwnSystem: isGovernmentOffice && unitSystemId !== null && unitSystemId === viewer.grant.unitSystemId,
  });
  if (!decision.allowed) throw forbidden(decision.message);
}
