import { auditRow, type AuditActor, type AuditEntry } from './audit.js';
import type { Executor } from './db.js';
import { emit, type DomainEvent } from './events.js';
import type { Notice } from './outbox.js';

// The one way a command's effects are written: its audit entries, its notices and its
// domain events go in with the change, in the command's transaction, so that either all of
// it happened or none of it. Side effects (mail, re-indexing …) run after the commit from
// the events (jobs/event-worker.ts). The busiest writes keep a single-statement fast path
// (`notifyRoleHolders`, `auditRowsJson` in CTEs) that writes the same rows and events.

export interface Effects {
  audit?: readonly AuditEntry[];
  notices?: readonly { recipients: readonly (number | null | undefined)[]; notice: Notice }[];
  events?: readonly DomainEvent[];
}

/**
 * Writes a command's effects in its transaction. `actor` null is the system (a scheduled
 * job); 'anonymous' writes entries that name no one (the secret ballot).
 */
export async function writeEffects(
  tx: Executor,
  actor: AuditActor | null | 'anonymous',
  effects: Effects,
): Promise<void> {
  if (effects.audit?.length) {
    await tx
      .insertInto('audit_event')
      .values(
        effects.audit.map((entry) =>
          actor === 'anonymous' ? { ...auditRow(null, entry), actor_role: null } : auditRow(actor, entry),
        ),
      )
      .execute();
  }
  const events: DomainEvent[] = [...(effects.events ?? [])];
  for (const { recipients, notice } of effects.notices ?? []) {
    const ids = [...new Set(recipients.filter((id): id is number => typeof id === 'number'))];
    if (ids.length === 0) continue;
    const written = await tx
      .insertInto('outbox')
      .values(
        ids.map((id) => ({
          congress_id: notice.congressId,
          recipient_user_id: id,
          kind: notice.kind,
          title: notice.title,
          body: notice.body ?? '',
          suggestion_id: notice.suggestionId ?? null,
        })),
      )
      .returning('id')
      .execute();
    events.push({
      type: 'notices.written',
      congressId: notice.congressId,
      payload: { noticeIds: written.map((w) => w.id) },
    });
  }
  await emit(tx, events);
}
