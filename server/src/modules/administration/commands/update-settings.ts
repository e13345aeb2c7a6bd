import type { Viewer } from '../../../platform/auth/viewer.js';
import { writeEffects } from '../../../platform/commit.js';
import type { Tx } from '../../../platform/db.js';
import { authorise, governmentOfficeAllowed } from '../administration.access.js';

/** The office lets (or stops letting) government offices administer the units of their own system. */
export async function updateAdministrationSettings(
  tx: Tx,
  viewer: Viewer,
  input: { governmentOfficeAdministersUnits: boolean },
) {
  await authorise(tx, viewer, 'setting.update');
  const congressId = viewer.grant.congressId;
  const before = await governmentOfficeAllowed(tx, congressId);
  await tx
    .insertInto('administration_setting')
    .values({
      congress_id: congressId,
      government_office_administers_units: input.governmentOfficeAdministersUnits,
      updated_by: viewer.userId,
    })
    .onConflict((oc) =>
      oc.column('congress_id').doUpdateSet({
        government_office_administers_units: input.governmentOfficeAdministersUnits,
        updated_by: viewer.userId,
        updated_at: new Date(),
      }),
    )
    .execute();
  await writeEffects(tx, viewer, {
    audit: [
      {
        action: 'administration.settings_updated',
        entityType: 'administration_setting',
        entityId: congressId,
        congressId,
        before: { governmentOfficeAdministersUnits: before },
        after: { governmentOfficeAdministersUnits: input.governmentOfficeAdministersUnits },
      },
    ],
  });
  return input;
}
