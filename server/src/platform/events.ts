import type { Executor } from './db.js';

// Domain events: what happened, written in the same transaction as the change, and handled
// after the commit by the event worker (events.worker.ts). Side effects — mail, SMS,
// re-indexing, documents, rollups a later module keeps — subscribe here instead of running
// inside the request. The vocabulary is closed: each type with its payload.

export interface DomainEventPayloads {
  /** In-app notices were written; their recipients with an e-mail address get a mail. */
  'notices.written': { noticeIds: number[] };
  /** A suggestion's title or body changed: its search words are cut again. */
  'suggestion.text_changed': { suggestionId: number };
  /** An import was published: its suggestions' search words are cut, a chunk at a time. */
  'import.published': { jobId: number };
  /** A reply letter left its unit (later: the letter's document, the figures' rollups). */
  'reply.sent': { suggestionId: number; replyId: number; unitId: number };
  /** A deputy rated a reply (later: evaluation scores, figures' rollups). */
  'reply.rated': { suggestionId: number; replyId: number };
}

export type DomainEventType = keyof DomainEventPayloads;

export type DomainEvent = {
  [T in DomainEventType]: { type: T; congressId: number | null; payload: DomainEventPayloads[T] };
}[DomainEventType];

/** Writes events with the change; they are handled once the transaction commits. */
export async function emit(tx: Executor, events: readonly DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx
    .insertInto('domain_event')
    .values(events.map((e) => ({ congress_id: e.congressId, type: e.type, payload: JSON.stringify(e.payload) })))
    .execute();
}
