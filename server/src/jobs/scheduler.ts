import { sql } from 'kysely';
import type { AppContext } from '../platform/context.js';
import { remindToLoadNextYearCalendar } from './calendar-reminder.js';
import { closeUnratedReplies } from './close-unrated.js';
import { processEvents, startEventWorker } from './event-worker.js';
import { sendDeadlineReminders } from './send-reminders.js';
import { refreshFigureFacts } from '../modules/figures/figures.refresh.js';

// One lock id for the whole scanner: with several server processes on one PostgreSQL,
// only the one holding the advisory lock scans.
const SCANNER_LOCK = 770_001;

export interface ScanResult {
  closed: number;
  reminded: number;
  /** Domain events handled (mail among them). */
  events: number;
}

export async function runScanOnce(ctx: AppContext): Promise<ScanResult> {
  return ctx.db.connection().execute(async (conn) => {
    const got = await sql<{ ok: boolean }>`select pg_try_advisory_lock(${SCANNER_LOCK}) as ok`.execute(conn);
    if (!got.rows[0]?.ok) return { closed: 0, reminded: 0, events: 0 };
    try {
      // The scan runs on the locking connection: PGlite has only the one.
      const closed = await closeUnratedReplies(conn, ctx.clock);
      const reminded = await sendDeadlineReminders(conn, ctx.clock);
      await remindToLoadNextYearCalendar(conn, ctx.clock);
      // The reminders' notices go out by mail with the other events.
      const events = await processEvents({
        db: conn,
        clock: ctx.clock,
        smtpUrl: ctx.config.smtpUrl,
        mailFrom: ctx.config.mailFrom,
      });
      // The figures' rollup takes in the day's writes, so the first reader of figures waits for none.
      await refreshFigureFacts(conn, 500, true);
      return { closed, reminded, events };
    } finally {
      await sql`select pg_advisory_unlock(${SCANNER_LOCK})`.execute(conn);
    }
  });
}

export function startJobs(ctx: AppContext, everyMs = 10 * 60_000) {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runScanOnce(ctx);
    } catch (err) {
      console.error('定时任务失败', err);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), 5_000);
  const timer = setInterval(() => void tick(), everyMs);
  // Every process handles domain events soon after their commit; a lease keeps them apart.
  const events = startEventWorker({
    db: ctx.db,
    clock: ctx.clock,
    smtpUrl: ctx.config.smtpUrl,
    mailFrom: ctx.config.mailFrom,
  });
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
      events.stop();
    },
  };
}
