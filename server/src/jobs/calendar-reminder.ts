import { chinaToday } from '../modules/deadline/deadline.workflow.js';
import { officeUserIds } from '../modules/suggestion/suggestion.repository.js';
import type { Clock } from '../platform/clock.js';
import type { Db } from '../platform/db.js';
import { notify } from '../platform/outbox.js';

/**
 * Each December the State Council publishes next year's holidays; until an office loads
 * them, working-day windows next year would count holidays as working days. Remind once.
 */
export async function remindToLoadNextYearCalendar(db: Db, clock: Clock): Promise<number> {
  const today = chinaToday(clock.now());
  if (today.slice(5, 7) !== '12') return 0;
  const nextYear = Number(today.slice(0, 4)) + 1;
  const kind = `calendar_${nextYear}`;
  const missing = await db
    .selectFrom('congress as c')
    .select('c.id')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('calendar_day as d')
            .select('d.day')
            .whereRef('d.congress_id', '=', 'c.id')
            .where('d.day', '>=', `${nextYear}-01-01`)
            .where('d.day', '<=', `${nextYear}-12-31`),
        ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('outbox as o').select('o.id').whereRef('o.congress_id', '=', 'c.id').where('o.kind', '=', kind),
        ),
      ),
    )
    .execute();
  for (const c of missing) {
    await db.transaction().execute(async (tx) =>
      notify(tx, await officeUserIds(tx, c.id), {
        congressId: c.id,
        kind,
        title: `请录入${nextYear}年法定节假日和调休安排`,
        body: `按工作日计算的期限需要${nextYear}年的节假日安排。国务院办公厅通知发布后，请在“办理规则”中录入。`,
      }),
    );
  }
  return missing.length;
}
