import type { PlanContext } from './context.js';
import { TRANSPORT_UNIT } from './catalog.js';
import { addDays as addDaysTo } from './dates.js';
import type { Pin } from './plan-suggestions.js';
import type { CongressDirectory, DeputyRef, UnitRef } from './types.js';

// Suggestions fixed in advance so that each demo account finds its work: the deputy has one
// in every state, deputy2 co-signs, and the transport department has a part in every state.

function deputyOf(dir: CongressDirectory, username: string): DeputyRef {
  const user = dir.users.get(username);
  const deputy = dir.deputies.find((d) => d.id === user?.id);
  if (!deputy) throw new Error(`demo deputy ${username} missing`);
  return deputy;
}

function unitOf(dir: CongressDirectory, key: string): UnitRef {
  const unit = dir.units.get(key);
  if (!unit) throw new Error(`demo unit ${key} missing`);
  return unit;
}

export function provincePins(ctx: PlanContext, dir: CongressDirectory): Pin[] {
  const me = deputyOf(dir, 'deputy');
  const friend = deputyOf(dir, 'deputy2');
  const colleague =
    dir.deputies.find((d) => d.delegationId === me.delegationId && d.id !== me.id && d.id !== friend.id) ?? friend;
  const jtt = unitOf(dir, TRANSPORT_UNIT);
  const sole = (unit: UnitRef) => [{ unit, role: 'sole' as const }];
  const joint = [{ deputy: friend, status: 'confirmed' as const }];
  const someone = () => ctx.rng.pick(dir.deputies.filter((d) => d.id !== me.id));

  return [
    // 刘建华 (deputy): one suggestion in every state.
    {
      status: 'draft',
      lead: me,
      categoryCode: 'transport',
      cosigners: [
        { deputy: friend, status: 'invited' },
        { deputy: colleague, status: 'confirmed' },
      ],
    },
    { status: 'returned', lead: me, categoryCode: 'education' },
    { status: 'submitted', period: 'between_sessions', lead: me, categoryCode: 'health', ageDays: 2 },
    { status: 'declined', lead: me, categoryCode: 'rule_of_law' },
    { status: 'registered', period: 'between_sessions', lead: me, categoryCode: 'urban_rural', ageDays: 3 },
    {
      status: 'assigned',
      period: 'between_sessions',
      lead: me,
      categoryCode: 'transport',
      cosigners: joint,
      ageDays: 9,
      life: { units: sole(jtt), targets: [{ kind: 'pending_ack' }] },
    },
    {
      status: 'replied',
      lead: me,
      categoryCode: 'transport',
      cosigners: joint,
      life: { units: sole(jtt), targets: [{ kind: 'sent', fromDay: ctx.t.day(-12), toDay: ctx.t.day(-3) }] },
    },
    {
      status: 'rehandling',
      lead: me,
      categoryCode: 'urban_rural',
      life: { units: sole(unitOf(dir, 'zjt')), targets: [{ kind: 'rehandling', redraft: 'draft' }] },
    },
    {
      status: 'closed',
      lead: me,
      categoryCode: 'economy',
      cosigners: joint,
      life: {
        units: [
          { unit: unitOf(dir, 'fgw'), role: 'lead' },
          { unit: jtt, role: 'co' },
        ],
        targets: [{ kind: 'rated' }, { kind: 'opinion_sent', toDay: ctx.t.day(-40) }],
        closeKind: 'rated',
      },
    },
    {
      status: 'closed',
      lead: me,
      categoryCode: 'education',
      life: { units: sole(unitOf(dir, 'jyt')), targets: [{ kind: 'rated' }], closeKind: 'rated' },
    },
    {
      status: 'assigned',
      lead: me,
      categoryCode: 'agriculture',
      life: {
        units: [
          { unit: unitOf(dir, 'nyt'), role: 'lead' },
          { unit: unitOf(dir, 'czt'), role: 'co' },
        ],
        targets: [{ kind: 'handling' }, { kind: 'opinion_sent' }],
      },
    },

    // 省交通运输厅 (handler / reviewer / signer): a part in every state.
    {
      status: 'assigned',
      lead: someone(),
      categoryCode: 'transport',
      life: { units: sole(jtt), targets: [{ kind: 'handling', reply: 'in_review' }] },
    },
    {
      status: 'assigned',
      lead: someone(),
      categoryCode: 'transport',
      life: { units: sole(jtt), targets: [{ kind: 'handling', reply: 'in_review_signer' }] },
    },
    {
      status: 'assigned',
      lead: someone(),
      categoryCode: 'transport',
      life: { units: sole(jtt), targets: [{ kind: 'handling', reply: 'draft' }] },
    },
    {
      status: 'assigned',
      lead: someone(),
      categoryCode: 'transport',
      life: {
        units: sole(jtt),
        targets: [{ kind: 'handling' }],
        assignOn: ctx.t.workday(addDaysTo(dir.session.closesOn, 2)),
        extension: 'pending',
      },
    },
    {
      status: 'rehandling',
      lead: someone(),
      categoryCode: 'transport',
      life: { units: sole(jtt), targets: [{ kind: 'rehandling' }] },
    },
    {
      status: 'assigned',
      lead: someone(),
      categoryCode: 'urban_rural',
      life: {
        units: [
          { unit: unitOf(dir, 'zrt'), role: 'lead' },
          { unit: jtt, role: 'co' },
        ],
        targets: [{ kind: 'handling' }, { kind: 'opinion_sent' }],
      },
    },
    {
      status: 'assigned',
      lead: someone(),
      categoryCode: 'culture_tourism',
      life: {
        units: [
          { unit: unitOf(dir, 'wlt'), role: 'lead' },
          { unit: jtt, role: 'co' },
        ],
        targets: [{ kind: 'handling' }, { kind: 'handling' }],
      },
    },
    {
      status: 'assigned',
      lead: someone(),
      categoryCode: 'transport',
      life: { units: sole(jtt), reassigned: true, targets: [{ kind: 'handling' }] },
    },
    {
      status: 'assigned',
      period: 'between_sessions',
      lead: someone(),
      categoryCode: 'transport',
      ageDays: 8,
      request: 'unit',
      life: { units: sole(jtt), targets: [{ kind: 'handling' }] },
    },
    {
      status: 'closed',
      lead: someone(),
      categoryCode: 'transport',
      life: { units: sole(jtt), targets: [{ kind: 'rated' }], closeKind: 'rated' },
    },
  ];
}
