import type { Executor } from '../../platform/db.js';

// The figures counted again from the raw rows in plain TypeScript, by the rules of
// docs/counting-rules.md as written, without the fact tables' SQL: the tests compare the two.

const DAY_MS = 86_400_000;
const rank = { very_satisfied: 0, satisfied: 1, basically_satisfied: 2, unsatisfied: 3 } as const;
type Level = keyof typeof rank;

export async function recountSession(db: Executor, sessionId: number, asOf: string) {
  const cut = new Date(`${asOf}T00:00:00+08:00`).getTime() + DAY_MS;
  const before = (d: Date | null) => d !== null && new Date(d).getTime() < cut;
  const suggestions = (
    await db.selectFrom('suggestion').selectAll().where('session_id', '=', sessionId).execute()
  ).filter((s) => s.number !== null && before(s.registered_at ?? s.submitted_at));
  const ids = suggestions.map((s) => s.id);
  if (ids.length === 0) return null;
  const parts = (await db.selectFrom('assignment').selectAll().where('suggestion_id', 'in', ids).execute()).filter(
    (a) => a.assigned_on <= asOf && (a.ended_at === null || new Date(a.ended_at).getTime() >= cut),
  );
  const replies = (await db.selectFrom('reply').selectAll().where('suggestion_id', 'in', ids).execute()).filter(
    (r) => r.state === 'sent' && before(r.sent_at),
  );
  const ratings = (await db.selectFrom('rating').selectAll().where('suggestion_id', 'in', ids).execute()).filter((g) =>
    before(g.rated_at),
  );
  const unsatisfied = (g: { attitude: Level; result: Level }) =>
    g.attitude === 'unsatisfied' || g.result === 'unsatisfied';

  const counts: Record<string, number> = {};
  const add = (key: string, yes: boolean) => (counts[key] = (counts[key] ?? 0) + (yes ? 1 : 0));
  const classes: Record<string, number> = {};
  for (const s of suggestions) {
    const continued = s.continues_suggestion_id !== null;
    const officeClosed = s.close_kind === 'office' && before(s.closed_at);
    const own = parts.filter((a) => a.suggestion_id === s.id);
    const states = own.map((a) => {
      const sent = replies
        .filter((r) => r.assignment_id === a.id)
        .sort((x, y) => new Date(x.sent_at!).getTime() - new Date(y.sent_at!).getTime() || x.id - y.id);
      const latest = sent.at(-1);
      const onLatest = ratings.filter((g) => latest !== undefined && g.reply_id === latest.id);
      const lead = onLatest.filter((g) => g.is_lead_deputy).sort((x, y) => y.id - x.id)[0];
      return {
        a,
        latest,
        firstOnTime: sent[0]?.on_time === true,
        rehandling: !officeClosed && onLatest.some(unsatisfied),
        lead,
      };
    });
    const answering = states.filter((p) => p.a.role !== 'co');
    const replied = answering.some((p) => p.latest !== undefined);
    const rehandling = states.some((p) => p.rehandling);
    const given =
      !continued &&
      ratings.some((g) => g.suggestion_id === s.id && unsatisfied(g) && replies.some((r) => r.id === g.reply_id));
    const leads = states.flatMap((p) => (p.lead ? [p.lead] : []));
    const att = leads.length ? Math.max(...leads.map((g) => rank[g.attitude])) : null;
    const res = leads.length ? Math.max(...leads.map((g) => rank[g.result])) : null;
    const feedback = !continued && !rehandling && att !== null && res !== null && att < 3 && res < 3;
    const inSession = s.period === 'in_session';
    add('received', !continued);
    add('receivedInSession', !continued && inSession);
    add('receivedBetweenSessions', !continued && !inSession);
    add('continuedFromEarlier', continued);
    add('replied', !continued && replied);
    add('repliedInSession', !continued && replied && inSession);
    add('repliedBetweenSessions', !continued && replied && !inSession);
    add('unsatisfiedGiven', given);
    add('repliedAgain', given && !rehandling);
    add('stillRehandling', !continued && rehandling);
    add('feedback', feedback);
    add('attitudeVerySatisfied', feedback && att === 0);
    add('attitudeSatisfied', feedback && att === 1);
    add('attitudeBasicallySatisfied', feedback && att === 2);
    add('attitudeGood', feedback && att! <= 1);
    add('resultVerySatisfied', feedback && res === 0);
    add('resultSatisfied', feedback && res === 1);
    add('resultBasicallySatisfied', feedback && res === 2);
    add('resultGood', feedback && res! <= 1);
    for (const p of states) {
      const lead = p.a.role !== 'co';
      add('assignedLead', lead);
      add('assignedCo', !lead);
      add('partsReplied', lead && p.latest !== undefined);
      add('partsRepliedOnTime', lead && p.latest !== undefined && p.firstOnTime);
      const opinion = !lead && before(p.a.opinion_sent_at);
      add('coOpinionsSent', opinion);
      add('coOpinionsOnTime', opinion && p.a.opinion_on_time === true);
      if (lead && p.latest) {
        const code = p.latest.class_code;
        classes[code] = (classes[code] ?? 0) + 1;
        add('classified', true);
        add('classA', code.startsWith('A'));
        add('classB', code.startsWith('B'));
        add('classC', code.startsWith('C'));
        add('classAB', code.startsWith('A') || code.startsWith('B'));
      }
    }
  }
  return { counts, classes, units: new Set(parts.map((a) => a.unit_id)).size };
}
