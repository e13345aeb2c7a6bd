import { sql, type QueryCreator } from 'kysely';
import type { Database, RoleName } from '../db/schema.js';
import { writeEffects } from './commit.js';
import type { Executor } from './db.js';

export interface Notice {
  congressId: number | null;
  kind: string;
  title: string;
  body?: string;
  suggestionId?: number | null;
}

/** In-app notices, written with the change (through the commit helper); mail goes out after the commit. */
export async function notify(
  tx: Executor,
  recipientUserIds: readonly (number | null | undefined)[],
  notice: Notice,
): Promise<void> {
  await writeEffects(tx, null, { notices: [{ recipients: recipientUserIds, notice }] });
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
    )
    .returning('id');
}

/** The mail event of notices written by a CTE named `notice` (returning `id`), as one more CTE. */
export function noticesWrittenEvent<DB extends Database>(qc: QueryCreator<DB>, congressId: number) {
  return (qc as unknown as QueryCreator<Database>)
    .insertInto('domain_event')
    .columns(['congress_id', 'type', 'payload'])
    .expression(
      sql<never>`select ${congressId}::int, 'notices.written', jsonb_build_object('noticeIds', jsonb_agg(id)) from notice having count(*) > 0`,
    );
}
