import { sql, type Insertable } from 'kysely';
import type { AssignmentTable } from '../../db/schema.js';
import { computeDeadline, type IsoDate } from '../deadline/deadline.workflow.js';
import type { DeadlineContext } from '../handling-rules/handling-rules.repository.js';
import { describePeriod } from '../handling-rules/handling-rules.workflow.js';
import type { AssignmentRole } from './suggestion.workflow.js';

/** The due dates fixed by an assignment, stored with how they were computed. */
export function assignmentDeadlines(
  role: AssignmentRole,
  assignedOn: IsoDate,
  sessionWindowUntil: IsoDate | null,
  { rules, calendar }: DeadlineContext,
): Pick<
  Insertable<AssignmentTable>,
  | 'reply_due'
  | 'reply_due_latest'
  | 'reply_due_rule'
  | 'opinion_due'
  | 'reassignment_window_until'
  | 'reassignment_window_own'
> {
  const reply = computeDeadline(assignedOn, rules.replyWithin, calendar);
  const latest = computeDeadline(assignedOn, rules.replyLatestWithin, calendar);
  const ownWindow = computeDeadline(assignedOn, rules.reassignmentWindow, calendar).due;
  const opinion = role === 'co' ? computeDeadline(assignedOn, rules.coOpinionWithin, calendar) : null;
  const rule =
    role === 'co'
      ? `会办意见期限${describePeriod(rules.coOpinionWithin)}：${opinion?.explanation ?? ''}`
      : `答复期限${describePeriod(rules.replyWithin)}：${reply.explanation}；最迟${describePeriod(rules.replyLatestWithin)}：${latest.explanation}`;
  return {
    reply_due: reply.due,
    reply_due_latest: latest.due,
    reply_due_rule: rule,
    opinion_due: opinion?.due ?? null,
    reassignment_window_until: reassignmentWindowUntil(ownWindow, sessionWindowUntil),
    reassignment_window_own: ownWindow,
  };
}

/**
 * An assignment's reassignment window ends on the later of its own (the policy's days from its
 * own assignment day) and the session-wide date the office set: an assignment made after that
 * date still gets its full window, and a session date never shortens one.
 */
export function reassignmentWindowUntil(ownWindow: IsoDate, sessionWindowUntil: IsoDate | null): IsoDate {
  return sessionWindowUntil !== null && sessionWindowUntil > ownWindow ? sessionWindowUntil : ownWindow;
}

type DueFields = Pick<
  AssignmentTable,
  'role' | 'state' | 'opinion_due' | 'reply_due' | 'extended_due' | 'rehandling_due'
>;

/**
 * The due date in force for a unit's part — the one place it is decided: while re-handling,
 * the re-handling date; for a co-handling unit, its opinion date; otherwise the reply date,
 * or the later one an approved extension gave.
 */
export function dueInForce(a: DueFields): IsoDate {
  if (a.state === 'rehandling' && a.rehandling_due) return a.rehandling_due;
  if (a.role === 'co') return a.opinion_due ?? a.reply_due;
  return a.extended_due ?? a.reply_due;
}

/**
 * The co-handling units whose opinion (会办意见) the lead unit still waits for before it sends its
 * reply up the review chain: live, opinion not sent, and the opinion deadline in force not yet
 * passed. Once it has passed the lead may reply without it; the office follows the late unit.
 */
export function awaitedCoOpinions<P extends { role: string; state: string; effectiveDue: IsoDate }>(
  parts: readonly P[],
  today: IsoDate,
): P[] {
  return parts.filter(
    (p) => p.role === 'co' && (p.state === 'pending_ack' || p.state === 'handling') && today <= p.effectiveDue,
  );
}

/** `dueInForce` as SQL over an `assignment a`, for lists, figures and the reminder scan. */
export const dueInForceSql = sql<string>`case when a.state = 'rehandling' and a.rehandling_due is not null then a.rehandling_due when a.role = 'co' then coalesce(a.opinion_due, a.reply_due) else coalesce(a.extended_due, a.reply_due) end`;
