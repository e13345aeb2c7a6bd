import { formatChineseDate } from '../modules/deadline/chinese-date.js';
import { chinaToday, reminderDue } from '../modules/deadline/deadline.workflow.js';
import { loadRules } from '../modules/handling-rules/handling-rules.repository.js';
import { dueInForceSql } from '../modules/suggestion/assignment.deadlines.js';
import { officeUserIds, unitUserIds } from '../modules/suggestion/suggestion.repository.js';
import type { Clock } from '../platform/clock.js';
import type { Db } from '../platform/db.js';
import { notify } from '../platform/outbox.js';

/**
 * 催办提醒: 15, 7, 3 and 1 days before a unit's due date (per the congress's rules), then
 * daily while overdue, escalating to the unit's signing leader and the liaison office.
 * Each assignment is reminded at most once a day, and each mark of a due date once: after
 * the scanner was down, one catch-up notice for the latest mark reached. A suggestion brought
 * in by an import of past years is history: its marks fell before the system knew of it, so
 * it is not reminded (the office urges it by hand, with a 催办函).
 */
export async function sendDeadlineReminders(db: Db, clock: Clock): Promise<number> {
  const today = chinaToday(clock.now());
  const open = await db
    .selectFrom('assignment as a')
    .innerJoin('suggestion as s', 's.id', 'a.suggestion_id')
    .select([
      'a.id',
      'a.unit_id',
      'a.role',
      'a.congress_id',
      's.id as suggestion_id',
      's.title',
      dueInForceSql.as('due'),
    ])
    .where('a.state', 'in', ['pending_ack', 'handling', 'rehandling'])
    .where('s.import_job_id', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('reminder_sent as r')
            .select('r.day')
            .whereRef('r.assignment_id', '=', 'a.id')
            .where('r.day', '=', today),
        ),
      ),
    )
    .execute();
  const offsetsByCongress = new Map<number, readonly number[]>();
  let sent = 0;
  for (const a of open) {
    let offsets = offsetsByCongress.get(a.congress_id);
    if (!offsets) {
      offsets = (await loadRules(db, a.congress_id)).rules.reminderDaysBefore;
      offsetsByCongress.set(a.congress_id, offsets);
    }
    const reminder = reminderDue(a.due, today, offsets);
    if (!reminder) continue;
    const kind = reminder.kind;
    const mark = reminder.kind === 'before' ? reminder.mark : null;
    const what = a.role === 'co' ? '会办意见' : '答复';
    await db.transaction().execute(async (tx) => {
      // The mark of this due date, once (unique index); and at most one reminder a day (primary key).
      const claimed = await tx
        .insertInto('reminder_sent')
        .values({ assignment_id: a.id, day: today, kind, due: a.due, mark })
        .onConflict((oc) => oc.doNothing())
        .returning('day')
        .executeTakeFirst();
      if (!claimed) return;
      const recipients =
        kind === 'before'
          ? await unitUserIds(tx, [a.unit_id], ['unit_handler'])
          : [
              ...(await unitUserIds(tx, [a.unit_id], ['unit_handler', 'unit_signer'])),
              ...(await officeUserIds(tx, a.congress_id)),
            ];
      await notify(tx, recipients, {
        congressId: a.congress_id,
        kind: kind === 'before' ? 'deadline_near' : 'deadline_overdue',
        title:
          kind === 'before'
            ? `${what}期限提醒：${a.title}，应于${formatChineseDate(a.due)}前${what === '答复' ? '答复' : '提交'}`
            : `已超期催办：${a.title}，${what}期限为${formatChineseDate(a.due)}`,
        suggestionId: a.suggestion_id,
      });
      sent += 1;
    });
  }
  return sent;
}
