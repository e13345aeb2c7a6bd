import type { z } from 'zod';
import { recordAudit } from '../../../platform/audit.js';
import type { AdminViewer } from '../../../platform/auth/viewer.js';
import type { Tx } from '../../../platform/db.js';
import { AppError, invalidInput, notFound } from '../../../platform/errors.js';
import { adminCodeProblem, placementProblem } from '../installation.rules.js';
import type { createCongressBody } from '../installation.schemas.js';

/** The administrator adds a congress to the tree, under its parent (or as a root). */
export async function createCongress(tx: Tx, admin: AdminViewer, input: z.output<typeof createCongressBody>) {
  const parent =
    input.parentId === null
      ? null
      : await tx
          .selectFrom('congress')
          .select(['id', 'level'])
          .where('id', '=', input.parentId)
          .forUpdate()
          .executeTakeFirst();
  if (input.parentId !== null && !parent) throw notFound('上级人大');
  const misplaced = placementProblem(input.level, parent?.level ?? null);
  if (misplaced) throw invalidInput(misplaced);
  const badCode = adminCodeProblem(input.level, input.adminCode);
  if (badCode) throw invalidInput(badCode);
  const clash = await tx
    .selectFrom('congress')
    .select(['name', 'admin_code'])
    .where((eb) =>
      eb.or([
        eb('admin_code', '=', input.adminCode),
        eb.and([
          input.parentId === null ? eb('parent_id', 'is', null) : eb('parent_id', '=', input.parentId),
          eb('name', '=', input.name),
        ]),
      ]),
    )
    .executeTakeFirst();
  if (clash) {
    throw new AppError(
      'conflict',
      clash.admin_code === input.adminCode
        ? `行政区划代码 ${input.adminCode} 已属于「${clash.name}」`
        : `同一上级下已有「${input.name}」`,
    );
  }
  const row = await tx
    .insertInto('congress')
    .values({
      parent_id: input.parentId,
      level: input.level,
      name: input.name,
      short_name: input.shortName,
      admin_code: input.adminCode,
      doc_prefix: input.docPrefix,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  await recordAudit(
    tx,
    { userId: admin.userId, grant: { role: 'system_admin' } },
    {
      action: 'congress.created',
      entityType: 'congress',
      entityId: row.id,
      congressId: row.id,
      after: {
        name: input.name,
        shortName: input.shortName,
        level: input.level,
        parentId: input.parentId,
        adminCode: input.adminCode,
        docPrefix: input.docPrefix,
      },
    },
  );
  return row.id;
}
