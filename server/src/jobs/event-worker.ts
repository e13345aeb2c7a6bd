import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Clock } from '../platform/clock.js';
import type { Db } from '../platform/db.js';
import type { DomainEventPayloads, DomainEventType } from '../platform/events.js';
import { indexImportedSuggestions } from '../modules/import/import.search-words.js';
import { refreshFigureFacts } from '../modules/figures/figures.refresh.js';
import { searchDocument } from '../text/segment.js';
import { mailNotices } from './send-mail.js';

// The domain-event worker: after a commit, events are claimed in order by whichever server
// process gets them first (a lease of LEASE_SECONDS, FOR UPDATE SKIP LOCKED, so two processes
// never take the same event), handled, and marked processed. A process that dies mid-way
// leaves its lease to run out; another takes the event up again. A failing handler is tried
// again later, MAX_ATTEMPTS times. Handlers must bear being run twice (mail carries a
// Message-ID per notice and each notice is marked delivered as soon as it is sent).

const LEASE_SECONDS = 60;
const MAX_ATTEMPTS = 8;

export interface EventWorkerContext {
  db: Db;
  clock: Clock;
  smtpUrl: string | null;
  mailFrom: string;
}

type Handler<T extends DomainEventType> = (ctx: EventWorkerContext, payload: DomainEventPayloads[T]) => Promise<void>;

/** What happens after the commit, per event type; a type without a handler is only recorded. */
const handlers: { [T in DomainEventType]?: Handler<T> } = {
  'notices.written': async (ctx, { noticeIds }) => {
    if (ctx.smtpUrl) await mailNotices(ctx.db, ctx.smtpUrl, ctx.mailFrom, noticeIds);
  },
  'suggestion.text_changed': async (ctx, { suggestionId }) => {
    const s = await ctx.db
      .selectFrom('suggestion')
      .select(['title', 'body'])
      .where('id', '=', suggestionId)
      .executeTakeFirst();
    if (!s) return;
    await ctx.db
      .updateTable('suggestion')
      .set({ search_tokens: sql<string>`to_tsvector('simple', ${searchDocument(s.title, s.body)})` })
      .where('id', '=', suggestionId)
      .execute();
  },
  'import.published': async (ctx, { jobId }) => {
    await indexImportedSuggestions(ctx.db, jobId);
    await refreshFigureFacts(ctx.db, 200, true);
  },
};

export const workerId = `${process.pid}-${crypto.randomBytes(4).toString('hex')}`;

/** Claims and handles the pending events, oldest first; answers how many were processed. */
export async function processEvents(ctx: EventWorkerContext, batch = 100, owner = workerId): Promise<number> {
  const claimed = await sql<{ id: number; type: DomainEventType; payload: unknown }>`
    update domain_event set claimed_until = now() + make_interval(secs => ${LEASE_SECONDS}), claimed_by = ${owner}, attempts = attempts + 1
    where id in (
      select id from domain_event
      where processed_at is null and (claimed_until is null or claimed_until < now()) and attempts < ${MAX_ATTEMPTS}
      order by id limit ${batch}
      for update skip locked
    )
    returning id, type, payload`.execute(ctx.db);
  let processed = 0;
  for (const e of claimed.rows.sort((a, b) => Number(a.id) - Number(b.id))) {
    try {
      const handler = handlers[e.type] as Handler<DomainEventType> | undefined;
      if (handler) await handler(ctx, e.payload as DomainEventPayloads[DomainEventType]);
      await ctx.db
        .updateTable('domain_event')
        .set({ processed_at: new Date(), last_error: null })
        .where('id', '=', e.id)
        .where('claimed_by', '=', owner)
        .execute();
      processed += 1;
    } catch (err) {
      // Tried again once the back-off (a minute per attempt so far) has passed.
      await sql`update domain_event set last_error = ${String((err as Error).message).slice(0, 500)},
        claimed_until = now() + make_interval(mins => attempts) where id = ${e.id} and claimed_by = ${owner}`.execute(
        ctx.db,
      );
    }
  }
  return processed;
}

/** Runs the worker every `everyMs` and soon after `kick()`; stops with the server. */
export function startEventWorker(ctx: EventWorkerContext, everyMs = 2_000) {
  let running = false;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        while ((await processEvents(ctx)) > 0);
      } while (again);
    } catch (err) {
      console.error('事件处理失败', err);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return {
    kick: () => void run(),
    stop: () => clearInterval(timer),
  };
}
