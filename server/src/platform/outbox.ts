import type { QueryCreator } from 'kysely';
import type { Database, RoleName } from '../db/schema.js';
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

/** The same notice to everyone holding a role in a congress, as one insert (for a CTE). */
export function notifyRoleHolders(qc: QueryCreator<Database>, role: RoleName, notice: Notice & { congressId: number }) {
  return qc
    .insertInto('outbox')
    .columns(['congress_id', 'recipient_user_id', 'kind', 'title', 'body', 'suggestion_id'])
    .expression(
      qc
        .selectFrom('role_grant')
        .select((eb) => [
          eb.cast<number>(eb.val(notice.congressId), 'integer').as('congress_id'),
          'user_id',
          eb.cast<string>(eb.val(notice.kind), 'text').as('kind'),
          eb.cast<string>(eb.val(notice.title), 'text').as('title'),
          eb.cast<string>(eb.val(notice.body ?? ''), 'text').as('body'),
          eb.cast<number | null>(eb.val(notice.suggestionId ?? null), 'integer').as('suggestion_id'),
        ])
        .distinct()
        .where('congress_id', '=', notice.congressId)
        .where('role', '=', role),
    );
}
