import type { Executor } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { sessionLabel } from '../../shared/labels.js';
import type { IsoDate } from '../deadline/iso-date.js';
import { countFigures } from '../figures/figures.count.js';
import type { FigureScope } from '../figures/figures.facts.js';
import { unitFigures } from '../figures/figures.units.js';
import { publicSuggestions } from './portal.policy.js';
import { rankUnits } from './portal.ranking.js';

// The public's figures (阳光公开): the same definitions as the office's dashboard, counted
// over disclosed suggestions only, so no number tells anything of one that is not disclosed.

async function publishedSessions(db: Executor) {
  const rows = await db
    .selectFrom('congress_session as cs')
    .innerJoin('term as t', 't.id', 'cs.term_id')
    .innerJoin('congress as g', 'g.id', 'cs.congress_id')
    .select(['cs.id', 'cs.congress_id', 'cs.opens_on', 'g.short_name', 't.ordinal as term_ordinal', 'cs.ordinal'])
    .where('cs.id', 'in', publicSuggestions(db).select('s.session_id'))
    .orderBy('cs.opens_on', 'desc')
    .orderBy('cs.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    congressId: r.congress_id,
    name: sessionLabel(r.short_name, r.term_ordinal, r.ordinal),
  }));
}

const headline = (f: Awaited<ReturnType<typeof countFigures>>) => ({
  disclosed: f.counts.received + f.counts.continuedFromEarlier,
  replied: f.counts.replied,
  feedback: f.counts.feedback,
  unsatisfiedGiven: f.counts.unsatisfiedGiven,
  feedbackShare: f.shares.feedbackOfReplied,
  attitudeGoodShare: f.shares.attitudeGood,
  resultGoodShare: f.shares.resultGood,
  classABShare: f.shares.classAB,
});

type Headline = ReturnType<typeof headline>;
interface SessionHeadline extends Headline {
  id: number;
  name: string;
}
type History = SessionHeadline[];
interface Ranked extends UnitLine {
  rank: number | null;
}

interface UnitLine {
  unitName: string;
  assignedLead: number;
  assignedCo: number;
  feedback: number;
  repliedOnTimeShare: number | null;
  attitudeGoodShare: number | null;
  resultGoodShare: number | null;
}

export interface PublicFigures {
  session: { id: number; name: string } | null;
  asOf: IsoDate;
  figures: Headline | null;
  units: Ranked[];
  sessions: History;
}

/** One session's figures and unit ranking, and each published session of its congress side by side. */
export async function publicFigures(
  db: Executor,
  sessionId: number | undefined,
  today: IsoDate,
): Promise<PublicFigures> {
  const sessions = await publishedSessions(db);
  const session = sessionId === undefined ? sessions[0] : sessions.find((s) => s.id === sessionId);
  if (sessionId !== undefined && !session) throw notFound('会议');
  if (!session) return { session: null, asOf: today, figures: null, units: [], sessions: [] };
  const scopeOf = (id: number): FigureScope => ({
    congressId: session.congressId,
    cohort: { kind: 'session', sessionId: id },
    asOf: today,
    filters: { disclosedOnly: true },
  });
  const [figures, units] = await Promise.all([
    countFigures(db, scopeOf(session.id)),
    unitFigures(db, scopeOf(session.id)),
  ]);
  const sameCongress = sessions.filter((s) => s.congressId === session.congressId);
  const history: History = [];
  for (const s of sameCongress)
    history.push({ id: s.id, name: s.name, ...headline(await countFigures(db, scopeOf(s.id))) });
  const ranked: Ranked[] = rankUnits<UnitLine>(
    units
      .filter((u) => u.counts.assignedLead + u.counts.assignedCo > 0)
      .map((u) => ({
        unitName: u.unitName,
        assignedLead: u.counts.assignedLead,
        assignedCo: u.counts.assignedCo,
        feedback: u.counts.feedback,
        repliedOnTimeShare: u.repliedOnTimeShare,
        attitudeGoodShare: u.attitudeGoodShare,
        resultGoodShare: u.resultGoodShare,
      })),
  );
  return {
    session: { id: session.id, name: session.name },
    asOf: today,
    figures: headline(figures),
    units: ranked,
    sessions: history,
  };
}
