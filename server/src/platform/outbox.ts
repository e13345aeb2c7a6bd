import type { Executor } from './db.js';

export interface Notice {
  congressId: number | null;
  kind: string;
  title: string;
  body?: string;
  suggestionId?: number | null;
}

/** In-app notices, written with the change; the sender job delivers mail after the commit. */
export async function notify(tx: Executor, recipientUserIds: readonly (number | null | undefined)[], notice: Notice): Promise<void> {
  const recipients = [...new Set(recipientUserIds.filter((id): id is number => typeof id === 'number'))];
  if (recipients.length === 0) return;
  await tx
    .insertInto('outbox')
    .values(
      recipients.map((id) => ({
        congress_id: notice.congressId,
        recipient_user_id: id,
        kind: notice.kind,
        title: notice.title,
        body: notice.body ?? '',
        suggestion_id: notice.suggestionId ?? null,
      })),
    )
    .execute();
}
