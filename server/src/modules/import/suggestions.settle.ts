import { computeDeadline, type IsoDate } from '../deadline/deadline.workflow.js';
import { goesOnLedger, promiseTargetOf, replyClassOf } from '../handling-rules/handling-rules.workflow.js';
import { assignmentDeadlines } from '../suggestion/assignment.deadlines.js';
import {
  checkAssignmentShape,
  modeOfPicks,
  opensRehandling,
  statusFromParts,
  type AssignmentState,
} from '../suggestion/suggestion.workflow.js';
import type { FieldRow, SheetReader } from './import.check.js';
import type { PlannedReply, PlannedSuggestion, ReplyRow, SuggestionRefs, UnitRow } from './suggestions.plan.js';

// One checked suggestion as the workflow would have left it: its mode from its units, each
// unit's deadlines, replies in their rounds, state, re-handling and promise, and the
// suggestion's status and close. A problem found here is reported on its row and the
// suggestion is left out of the plan.

export function settleSuggestion(
  { plan, row, units, replies }: { plan: PlannedSuggestion; row: FieldRow; units: UnitRow[]; replies: ReplyRow[] },
  readers: { suggestions: SheetReader; units: SheetReader; replies: SheetReader },
  refs: SuggestionRefs,
): void {
  const { rules, calendar } = refs.deadlines;
  if (units.length === 0) {
    if (replies.length > 0) readers.suggestions.problem(row, 'number', '有答复但「承办」表中没有承办单位');
    return;
  }
  if (!plan.assignedOn) {
    readers.suggestions.problem(row, 'assignedOn', '有承办单位的建议须填写交办日期');
    return;
  }
  // A lead unit alone is how offices often write a sole unit.
  const picks = units.map((u) => ({
    unitId: u.unitId,
    role: u.role === 'lead' && units.length === 1 ? ('sole' as const) : u.role,
  }));
  const mode = modeOfPicks(picks);
  const shape = checkAssignmentShape(mode, picks);
  if (shape) {
    readers.units.problem(units[0]!.row, 'role', shape);
    return;
  }
  plan.mode = mode;
  const assignedOn = plan.assignedOn;
  let broken = false;
  for (const [i, u] of units.entries()) {
    const role = picks[i]!.role;
    const deadlines = assignmentDeadlines(role, assignedOn, null, refs.deadlines);
    const own = replies.filter((x) => x.unitId === u.unitId).sort((a, b) => a.round - b.round);
    const gap = own.findIndex((x, n) => x.round !== n);
    if (gap !== -1) {
      readers.replies.problem(own[gap]!.row, 'round', `缺少该单位第${gap}轮答复`);
      broken = true;
      continue;
    }
    let previousRatedOn: IsoDate | null = null;
    const planned: PlannedReply[] = own.map((x) => {
      const due: IsoDate =
        x.round === 0
          ? deadlines.reply_due
          : computeDeadline(previousRatedOn ?? x.reply.repliedOn, rules.rehandlingWithin, calendar).due;
      previousRatedOn = x.reply.rating?.ratedOn ?? x.reply.repliedOn;
      return {
        ...x.reply,
        onTime: x.reply.onTime ?? x.reply.repliedOn <= due,
        feedbackDue: computeDeadline(x.reply.repliedOn, rules.feedbackWindow, calendar).due,
      };
    });
    const latest = planned.at(-1);
    const latestRow = own.at(-1);
    let state: AssignmentState = 'handling';
    let rehandlingRound = latest?.round ?? 0;
    let rehandlingDue: IsoDate | null = null;
    if (latest?.rating && opensRehandling(latest.rating)) {
      state = 'rehandling';
      rehandlingRound = latest.round + 1;
      rehandlingDue = computeDeadline(latest.rating.ratedOn, rules.rehandlingWithin, calendar).due;
    } else if (latest) {
      state = latest.rating || latest.feedbackDue < refs.today ? 'closed' : 'replied';
    }
    if (role === 'co') state = u.opinionOn ? 'opinion_sent' : 'handling';
    const cls = latest ? replyClassOf(rules, latest.classCode) : null;
    const promise =
      latest && latestRow && cls && goesOnLedger(cls)
        ? {
            classCode: latest.classCode,
            targetOn:
              latestRow.targetOn ?? promiseTargetOf(cls, assignedOn, latest.repliedOn, calendar) ?? latest.repliedOn,
            doneText: latest.promise?.doneText ?? '',
            plannedText: latest.promise?.plannedText ?? '',
            notDoneReason: latest.promise?.notDoneReason ?? '',
            fulfilledOn: latestRow.fulfilled ? (latest.rating?.ratedOn ?? latest.repliedOn) : null,
          }
        : null;
    plan.parts.push({
      unitId: u.unitId,
      role,
      assignedOn,
      deadlines,
      state,
      rehandlingRound,
      rehandlingDue,
      opinion: u.opinionOn
        ? {
            on: u.opinionOn,
            onTime: u.opinionOnTime ?? u.opinionOn <= (deadlines.opinion_due ?? deadlines.reply_due),
          }
        : null,
      replies: planned.map((p) => ({ ...p, promise: null })),
      promise,
    });
  }
  if (broken) return;
  const answering = plan.parts.filter((p) => p.role !== 'co');
  plan.status = statusFromParts(answering);
  plan.rehandlingRound = Math.max(...answering.map((p) => p.rehandlingRound));
  if (plan.status === 'closed') {
    for (const p of plan.parts) if (p.role === 'co') p.state = 'closed';
    plan.closeKind = answering.every((p) => p.replies.at(-1)?.rating) ? 'rated' : 'no_feedback';
    plan.closedOn = answering
      .map((p) => p.replies.at(-1)!)
      .map((r) => (r.rating ? r.rating.ratedOn : r.feedbackDue))
      .reduce((a, b) => (a > b ? a : b));
  }
}
