import type { PlanContext } from './context.js';
import { addDays, atChina, daysBetween } from './dates.js';
import { addEvent, latest } from './events.js';
import { extensionReasons } from './letters.js';
import type { PartPlan, SuggestionPlan } from './types.js';

// 延期 in the demo's lives: units near or past their reply date ask for more time.

/** Units near or past the reply date ask for more time; the office rules on most. */
export function askForExtensions(
  ctx: PlanContext,
  s: SuggestionPlan,
  parts: readonly PartPlan[],
  forced?: 'pending' | 'granted' | 'refused',
): void {
  const { rng, t } = ctx;
  for (const p of parts) {
    if (p.role === 'co' || (p.state !== 'handling' && p.state !== 'pending_ack')) continue;
    const daysLeft = daysBetween(t.today, p.replyDue);
    const asks = daysLeft < 0 ? 0.7 : daysLeft <= 10 ? 0.15 : 0.02;
    if (!forced && !rng.chance(asks)) continue;
    const status =
      forced ??
      rng.weighted([
        ['granted', 60],
        ['pending', 25],
        ['refused', 15],
      ] as const);
    const requestedDue =
      addDays(p.replyDue, rng.int(30, 50)) > p.replyDueLatest ? p.replyDueLatest : addDays(p.replyDue, rng.int(30, 50));
    const floor = latest(p.acknowledgedAt, p.openedAt);
    const askedFrom = addDays(p.replyDue, -14) < t.day(-6) ? addDays(p.replyDue, -14) : t.day(-6);
    const at = status === 'pending' ? t.after(atChina(t.day(-4), 9), 0, 3) : t.after(atChina(askedFrom, 9), 0, 4);
    const requestedAt = at > floor ? at : t.soon(floor, 120);
    const ruledAt = status === 'pending' ? null : t.after(requestedAt, 1, 3);
    const reason = rng.pick(extensionReasons);
    const ruling =
      status === 'granted' ? '同意延期。' : status === 'refused' ? '该建议办理难度不大，请按原定期限答复。' : null;
    p.extension = { requestedDue, reason, status, at: requestedAt, ruledAt, ruling };
    addEvent(
      s,
      requestedAt,
      'suggestion.extension_requested',
      p.unit.handler,
      'unit_handler',
      'extension_request',
      p.extension,
      { requestedDue, reason },
    );
    if (status === 'granted') p.extendedDue = requestedDue;
    if (ruledAt) {
      const action = status === 'granted' ? 'suggestion.extension_granted' : 'suggestion.extension_refused';
      addEvent(
        s,
        ruledAt,
        action,
        s.dir.office,
        'liaison_office',
        'extension_request',
        p.extension,
        status === 'granted' ? { due: requestedDue } : { reason: ruling },
        { due: p.replyDue },
      );
    }
  }
}
