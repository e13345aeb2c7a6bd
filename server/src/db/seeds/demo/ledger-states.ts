import { sql } from 'kysely';
import { addCalendarMonths } from '../../../modules/deadline/iso-date.js';
import type { Tx } from '../../../platform/db.js';

// The demo ledger in every state a liaison office meets: promises whose unit asked for 销号
// and wait for the deputy, ones the deputy accepted or disputed, reports the deputy assessed,
// and promises picked for focused supervision (回头看). The demo deputy (刘建华) finds some
// on his own suggestions. Plain updates of rows the plans wrote, each with its audit entry.
export async function stageLedger(tx: Tx, today: string, deputyUserId: number, officeUserId: number): Promise<void> {
  // The demo's present: the last moment its history reached (nothing is dated after it).
  const now = (await sql<{ at: Date }>`select max(at) as at from audit_event`.execute(tx)).rows[0]!.at;
  const mine = await sql<{ id: number; suggestion_id: number }>`
    select p.id, p.suggestion_id from promise p join suggestion s on s.id = p.suggestion_id join deputy d on d.id = s.lead_deputy_id
    where p.status = 'open' and d.user_id = ${deputyUserId} order by p.id limit 3`.execute(tx);
  const others = await sql<{ id: number; suggestion_id: number; lead_user: number | null }>`
    select p.id, p.suggestion_id, d.user_id as lead_user from promise p join suggestion s on s.id = p.suggestion_id join deputy d on d.id = s.lead_deputy_id
    where p.status = 'open' and d.user_id is distinct from ${deputyUserId} order by p.id limit 12`.execute(tx);
  const verdictDue = addCalendarMonths(today, 1);
  const [asked, accepted, disputed] = mine.rows;
  const audit = (
    promiseId: number,
    suggestionId: number,
    actor: number | null,
    role: string,
    action: string,
    after: object,
  ) =>
    // Written last, at that present, so that each history stays in the order of time.
    sql`insert into audit_event (congress_id, actor_user_id, actor_role, action, entity_type, entity_id, suggestion_id, after_state, at)
        select congress_id, ${actor}, ${role}, ${action}, 'promise', ${promiseId}, ${suggestionId}, ${JSON.stringify(after)}::jsonb, ${now} from promise where id = ${promiseId}`.execute(
      tx,
    );
  for (const p of [asked, accepted, disputed, ...others.rows.slice(0, 4)]) {
    if (!p) continue;
    await sql`update promise set fulfilment_requested_at = ${now}::timestamptz - interval '3 days', verdict_due = ${verdictDue}::date, version = version + 1 where id = ${p.id}`.execute(
      tx,
    );
    await audit(p.id, p.suggestion_id, null, 'unit_handler', 'promise.fulfilment_requested', {
      note: '承诺事项已完成，申请销号',
      verdictDue,
    });
  }
  if (accepted) {
    await sql`update promise set deputy_verdict = 'accepted', deputy_verdict_at = ${now}::timestamptz - interval '1 day', deputy_verdict_by = ${deputyUserId} where id = ${accepted.id}`.execute(
      tx,
    );
    await audit(accepted.id, accepted.suggestion_id, deputyUserId, 'deputy', 'promise.fulfilment_accepted', {
      verdict: 'accepted',
      comment: '',
    });
  }
  if (disputed) {
    await sql`update promise set deputy_verdict = 'disputed', deputy_verdict_at = ${now}::timestamptz - interval '1 day', deputy_verdict_by = ${deputyUserId},
      deputy_verdict_comment = '实地查看，工程尚未完工' where id = ${disputed.id}`.execute(tx);
    await audit(disputed.id, disputed.suggestion_id, deputyUserId, 'deputy', 'promise.fulfilment_disputed', {
      verdict: 'disputed',
      comment: '实地查看，工程尚未完工',
    });
  }
  // The deputies' word on the progress reports already made.
  await sql`update promise_progress pp set deputy_satisfied = (pp.id % 3 <> 0), deputy_responded_at = least(pp.reported_at + interval '2 days', ${now}::timestamptz),
      deputy_comment = case when pp.id % 3 = 0 then '进展偏慢，希望加快' else '' end
    where pp.id % 2 = 0`.execute(tx);
  // 回头看: the office picks a few open promises for focused supervision.
  for (const p of others.rows.slice(4, 8)) {
    await sql`update promise set focused = true, focused_at = ${now}::timestamptz - interval '5 days', focused_by = ${officeUserId}, focus_note = '列入回头看重点督办' where id = ${p.id}`.execute(
      tx,
    );
    await audit(p.id, p.suggestion_id, officeUserId, 'liaison_office', 'promise.focused', {
      note: '列入回头看重点督办',
    });
  }
}
