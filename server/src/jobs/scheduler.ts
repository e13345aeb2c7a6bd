import { sql } from 'kysely';
import type { AppContext } from '../platform/context.js';
import { remindToLoadNextYearCalendar } from './calendar-reminder.js';
import { closeUnratedReplies } from './close-unrated.js';
import { sendPendingMail } from './send-mail.js';
import { sendDeadlineReminders } from './send-reminders.js';

// One lock id for the whole scanner: with several server processes on one PostgreSQL,
// only the one holding the advisory lock scans.
const SCANNER_LOCK = 770_001;

export interface ScanResult {
  closed: number;
  reminded: number;
  mailed: number;
}

export async function runScanOnce(ctx: AppContext): Promise<ScanResult> {
  return ctx.db.connection().execute(async (conn) => {
    const got = await sql<{ ok: boolean }>`select pg_try_advisory_lock(${SCANNER_LOCK}) as ok`.execute(conn);
    if (!got.rows[0]?.ok) return { closed: 0, reminded: 0, mailed: 0 };
    try {
      // The scan runs on the locking connection: PGlite has only the one.
      const closed = await closeUnratedReplies(conn, ctx.clock);
      const reminded = await sendDeadlineReminders(conn, ctx.clock);
      await remindToLoadNextYearCalendar(conn, ctx.clock);
      const mailed = ctx.config.smtpUrl ? (await sendPendingMail(conn, ctx.config.smtpUrl, ctx.config.mailFrom)).sent : 0;
      return { closed, reminded, mailed };
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
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
