import type { Viewer } from '../../../platform/auth/viewer.js';
import type { Clock } from '../../../platform/clock.js';
import type { Tx } from '../../../platform/db.js';
import { writeEffects } from '../../../platform/commit.js';
import { forbidden, notFound } from '../../../platform/errors.js';
import { letterheadOwnerOf } from '../documents.policy.js';
import { checkLetterhead } from '../letterhead.js';

function ownerOf(viewer: Viewer) {
  const owner = letterheadOwnerOf(viewer.grant);
  if (!owner) throw forbidden('只有承办单位和联工委可以设置本单位的信笺模板');
  return owner;
}

/** A unit or the office puts up its own letterhead; a new one replaces the old. */
export async function uploadLetterhead(
  tx: Tx,
  viewer: Viewer,
  file: { fileName: string; content: Buffer },
  clock: Clock,
) {
  const owner = ownerOf(viewer);
  await checkLetterhead(file.content);
  const fileName = file.fileName.slice(0, 200) || '信笺模板.docx';
  const before = await tx
    .selectFrom('letterhead')
    .select('file_name')
    .where('owner_kind', '=', owner.kind)
    .where('owner_id', '=', owner.id)
    .forUpdate()
    .executeTakeFirst();
  const values = {
    congress_id: viewer.grant.congressId,
    owner_kind: owner.kind,
    owner_id: owner.id,
    file_name: fileName,
    content: file.content,
    size_bytes: file.content.length,
    uploaded_by: viewer.userId,
    uploaded_at: clock.now(),
  };
  const row = await tx
    .insertInto('letterhead')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['owner_kind', 'owner_id']).doUpdateSet({
        file_name: values.file_name,
        content: values.content,
        size_bytes: values.size_bytes,
        uploaded_by: values.uploaded_by,
        uploaded_at: values.uploaded_at,
      }),
    )
    .returning(['id', 'file_name', 'size_bytes', 'uploaded_at'])
    .executeTakeFirstOrThrow();
  await writeEffects(tx, viewer, {
    audit: [
      {
        action: 'document.letterhead_uploaded',
        entityType: 'letterhead',
        entityId: row.id,
        congressId: viewer.grant.congressId,
        before: before ? { fileName: before.file_name } : null,
        after: { fileName: row.file_name, sizeBytes: row.size_bytes },
      },
    ],
  });
  return row;
}

/** Back to the generated header. */
export async function removeLetterhead(tx: Tx, viewer: Viewer) {
  const owner = ownerOf(viewer);
  const row = await tx
    .deleteFrom('letterhead')
    .where('owner_kind', '=', owner.kind)
    .where('owner_id', '=', owner.id)
    .returning(['id', 'file_name'])
    .executeTakeFirst();
  if (!row) throw notFound('信笺模板');
  await writeEffects(tx, viewer, {
    audit: [
      {
        action: 'document.letterhead_removed',
        entityType: 'letterhead',
        entityId: row.id,
        congressId: viewer.grant.congressId,
        before: { fileName: row.file_name },
      },
    ],
  });
}
