import type { PlanContext } from './context.js';
import { addDays, atChina, dayOf, daysBetween, type IsoDate } from './dates.js';
import { liveThrough, type LifeOptions } from './lifecycle.js';
import { addReassignmentRequests } from './requests.js';
import { writeSuggestion } from './topics.js';
import type { CongressDirectory, DeputyRef, SuggestionPlan, SuggestionStatus } from './types.js';

// The suggestions of one congress's current session: how many in each status, who wrote
// them, when they came in, their numbers — then each one lived up to its status.

export type StatusCounts = Partial<Record<SuggestionStatus, number>>;

export interface SessionCounts {
  inSession: StatusCounts;
  betweenSessions: StatusCounts;
  drafts: number;
}

/** A suggestion fixed in advance for a demo account; it takes one from the counts. */
export interface Pin {
  status: SuggestionStatus;
  period?: 'in_session' | 'between_sessions';
  lead?: DeputyRef;
  categoryCode?: string;
  cosigners?: { deputy: DeputyRef; status: 'invited' | 'confirmed' }[];
  /** Between sessions: submitted this many days ago. */
  ageDays?: number;
  /** A pending reassignment request by the unit or the lead deputy. */
  request?: 'unit' | 'deputy';
  life?: LifeOptions;
}

interface Skeleton {
  status: SuggestionStatus;
  period: 'in_session' | 'between_sessions';
  pin: Pin | null;
}

const order: SuggestionStatus[] = [
  'draft',
  'submitted',
  'returned',
  'declined',
  'registered',
  'assigned',
  'replied',
  'rehandling',
  'closed',
];

/** Days between submission and today, by status, for suggestions received between sessions. */
const ageBetweenSessions: Record<SuggestionStatus, readonly [number, number]> = {
  draft: [0, 0],
  submitted: [1, 5],
  returned: [3, 20],
  declined: [5, 40],
  registered: [1, 8],
  assigned: [8, 50],
  replied: [40, 70],
  rehandling: [55, 80],
  closed: [72, 92],
};

export function planSuggestions(
  ctx: PlanContext,
  dir: CongressDirectory,
  counts: SessionCounts,
  pins: readonly Pin[],
): SuggestionPlan[] {
  const { rng } = ctx;
  const left = {
    in_session: { ...counts.inSession, draft: counts.drafts },
    between_sessions: { ...counts.betweenSessions },
  };
  const skeletons: Skeleton[] = [];
  for (const pin of pins) {
    const period = pin.period ?? 'in_session';
    const pool: StatusCounts = left[period];
    pool[pin.status] = Math.max(0, (pool[pin.status] ?? 0) - 1);
    skeletons.push({ status: pin.status, period, pin });
  }
  const rest: Skeleton[] = [];
  for (const period of ['in_session', 'between_sessions'] as const) {
    for (const status of order)
      for (let i = 0; i < (left[period][status] ?? 0); i++) rest.push({ status, period, pin: null });
  }
  skeletons.push(...rng.shuffle(rest));

  const plans = skeletons.map((k) => sketch(ctx, dir, k));
  number(plans);
  const batches = assignmentBatches(ctx, dir);
  plans.forEach((s, i) => {
    const pin = skeletons[i]!.pin;
    const life: LifeOptions = {
      closeKind: rng.weighted([
        ['rated', 85],
        ['no_feedback', 11],
        ['office', 4],
      ] as const),
      reassigned: s.status !== 'registered' && rng.chance(0.012),
      ...(s.period === 'in_session' ? { assignOn: rng.weighted(batches) } : {}),
      ...pin?.life,
    };
    liveThrough(ctx, s, life);
  });
  const forced = new Map<SuggestionPlan, 'unit' | 'deputy'>();
  plans.forEach((s, i) => {
    const request = skeletons[i]!.pin?.request;
    if (request) forced.set(s, request);
  });
  addReassignmentRequests(ctx, plans, forced);
  return plans;
}

/** 交办 in batches after the session: right after it, a week later, and the stragglers. */
function assignmentBatches(ctx: PlanContext, dir: CongressDirectory): (readonly [IsoDate, number])[] {
  const { t } = ctx;
  const closes = dir.session.closesOn;
  const clamp = (d: IsoDate) => (d > t.lastDay ? t.lastDay : d);
  return [
    [clamp(t.workday(addDays(closes, 2))), 12],
    [clamp(t.workday(addDays(closes, 10))), 60],
    [clamp(t.workday(addDays(closes, 18))), 28],
  ];
}

function sketch(ctx: PlanContext, dir: CongressDirectory, k: Skeleton): SuggestionPlan {
  const { rng, t } = ctx;
  const pin = k.pin;
  const lead = pin?.lead ?? rng.pick(dir.deputies);
  const categoryCode = pin?.categoryCode ?? rng.weighted(dir.categories.map((c) => [c.code, c.weight] as const));
  const text = writeSuggestion(rng, categoryCode, lead.city === '驻湘部队' || lead.city === '' ? '我省' : lead.city);
  const session = dir.session;
  let createdAt: Date;
  let submittedAt: Date | null = null;
  let registeredAt: Date | null = null;
  if (k.status === 'draft') {
    createdAt = t.after(atChina(t.day(-30), 9), 0, 29);
  } else if (k.period === 'in_session') {
    const day = addDays(
      session.opensOn,
      rng.weighted([
        [0, 1],
        [1, 2],
        [2, 3],
        [3, 4],
      ] as const),
    );
    submittedAt =
      day === addDays(session.opensOn, 3) ? atChina(day, rng.int(8, 17), rng.int(0, 59)) : t.timeOn(day, 8, 21);
    if (submittedAt > session.submissionClosesAt)
      submittedAt = new Date(session.submissionClosesAt.getTime() - rng.int(5, 300) * 60_000);
    createdAt = draftedBefore(ctx, submittedAt, 20);
    if (k.status !== 'submitted') {
      const reviewBy = addDays(session.closesOn, 1);
      registeredAt = t.after(submittedAt, 0, Math.max(0, daysBetween(dayOf(submittedAt), reviewBy)));
    }
  } else {
    const [min, max] = ageBetweenSessions[k.status];
    const afterClose = addDays(dayOf(session.submissionClosesAt), 1);
    let day = t.day(-(pin?.ageDays ?? rng.int(min, max)));
    if (day < afterClose) day = afterClose;
    submittedAt = t.timeOn(t.workday(day) > t.lastDay ? day : t.workday(day));
    createdAt = draftedBefore(ctx, submittedAt, 10);
  }

  const joint = pin?.cosigners !== undefined || rng.chance(0.3);
  const cosigners = pin?.cosigners ?? (joint ? pickCosigners(ctx, dir, lead) : []);
  return {
    dir,
    period: k.period,
    status: k.status,
    number: null,
    categoryCode,
    title: text.title,
    body: text.body,
    lead,
    cosigners: cosigners.map((c) => {
      // Drafts may still wait for some co-signers; submitted ones had every one confirmed.
      const confirmed = k.status !== 'draft' || c.status === 'confirmed';
      const until = submittedAt ?? atChina(t.lastDay, 12);
      const at = confirmed ? between(ctx, createdAt, until) : null;
      return { deputy: c.deputy, status: confirmed ? 'confirmed' : 'invited', at };
    }),
    mayDisclose: rng.chance(0.96),
    disclosure: 'undecided',
    publishedAt: null,
    isKey: false,
    mode: null,
    reviewComment: null,
    declineReason: null,
    closeKind: null,
    closeReason: null,
    rehandlingRound: 0,
    createdAt,
    submittedAt,
    registeredAt,
    assignedOn: null,
    closedAt: null,
    preAssigned: [],
    parts: [],
    reassignments: [],
    events: [],
  };
}

/** The deputy started writing up to `maxDays` earlier, in the daytime. */
function draftedBefore(ctx: PlanContext, submittedAt: Date, maxDays: number): Date {
  const days = ctx.rng.int(0, maxDays);
  if (days === 0) return new Date(submittedAt.getTime() - ctx.rng.int(30, 180) * 60_000);
  return ctx.t.timeOn(addDays(dayOf(submittedAt), -days), 8, 21);
}

/** A whole minute strictly between two moments (or just after the first when they are close). */
function between(ctx: PlanContext, from: Date, to: Date): Date {
  const minutes = Math.floor((to.getTime() - from.getTime()) / 60_000);
  return new Date(from.getTime() + (minutes > 2 ? ctx.rng.int(1, minutes - 1) : 1) * 60_000);
}

/** Joint suggestions: one to four deputies, mostly of the lead deputy's delegation. */
function pickCosigners(
  ctx: PlanContext,
  dir: CongressDirectory,
  lead: DeputyRef,
): { deputy: DeputyRef; status: 'invited' | 'confirmed' }[] {
  const { rng } = ctx;
  const same = dir.deputies.filter((d) => d.delegationId === lead.delegationId && d.deputyId !== lead.deputyId);
  const pool = same.length >= 2 && rng.chance(0.8) ? same : dir.deputies.filter((d) => d.deputyId !== lead.deputyId);
  const n = rng.weighted([
    [1, 4],
    [2, 3],
    [3, 2],
    [4, 1],
  ] as const);
  return rng.sample(pool, n).map((deputy) => ({ deputy, status: rng.chance(0.6) ? 'confirmed' : 'invited' }));
}

/** 第N号: registered suggestions numbered 1..N per series, in the order they were submitted. */
function number(plans: SuggestionPlan[]): void {
  const numbered = new Set<SuggestionStatus>(['registered', 'assigned', 'replied', 'rehandling', 'closed']);
  for (const period of ['in_session', 'between_sessions'] as const) {
    plans
      .filter((s) => s.period === period && numbered.has(s.status))
      .sort((a, b) => a.submittedAt!.getTime() - b.submittedAt!.getTime())
      .forEach((s, i) => {
        s.number = i + 1;
      });
  }
}
