import { recordAudit } from '../../../platform/audit.js';
import type { Viewer } from '../../../platform/auth/viewer.js';
import type { Tx } from '../../../platform/db.js';
import { invalidInput } from '../../../platform/errors.js';
import { ensureMayFire, lockForAction, updateSuggestion } from '../suggestion.repository.js';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const MAX_ATTACHMENTS = 10;

/** What an office can open: documents, spreadsheets, pictures, PDF. */
export const allowedAttachmentTypes: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/msword': 'Word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.ms-excel': 'Excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'image/jpeg': '图片',
  'image/png': '图片',
  'text/plain': '文本',
};

/** The lead deputy attaches material to a draft (or a suggestion returned for revision). */
export async function addAttachment(
  tx: Tx,
  viewer: Viewer,
  id: number,
  file: { fileName: string; mimeType: string; content: Buffer },
) {
  const { s, rel } = await lockForAction(tx, viewer, id);
  ensureMayFire(viewer, 'editDraft', rel);
  if (!allowedAttachmentTypes[file.mimeType])
    throw invalidInput('附件类型不支持，请上传PDF、Word、Excel、图片或文本文件');
  if (file.content.length === 0) throw invalidInput('附件为空');
  if (file.fileName.length > 200) throw invalidInput('附件文件名过长');
  const count = await tx
    .selectFrom('attachment')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('suggestion_id', '=', s.id)
    .executeTakeFirstOrThrow();
  if (Number(count.n) >= MAX_ATTACHMENTS) throw invalidInput(`每件建议最多${MAX_ATTACHMENTS}个附件`);
  const row = await tx
    .insertInto('attachment')
    .values({
      congress_id: s.congress_id,
      suggestion_id: s.id,
      file_name: file.fileName,
      mime_type: file.mimeType,
      size_bytes: file.content.length,
      content: file.content,
      uploaded_by: viewer.userId,
    })
    .returning(['id', 'file_name', 'size_bytes'])
    .executeTakeFirstOrThrow();
  await updateSuggestion(tx, s, {});
  await recordAudit(tx, viewer, {
    action: 'suggestion.attachment_added',
    entityType: 'suggestion',
    entityId: s.id,
    suggestionId: s.id,
    congressId: s.congress_id,
    after: { attachmentId: row.id, fileName: row.file_name, sizeBytes: row.size_bytes },
  });
  return row;
}
