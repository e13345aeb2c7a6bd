import { describe, expect, it } from 'vitest';
import type { RoleName } from '../../db/schema.js';
import type { Grant } from '../../platform/auth/viewer.js';
import { detailPrivacyOf, type DetailPrivacy } from './suggestion.privacy.js';

// Who sees which part of a suggestion they may open: every viewer × every rule, one cell each.

const OWN_UNIT = 5;
const OTHER_UNIT = 6;
const LEAD_DEPUTY = 1;
const COSIGNER = 2;

interface Seat {
  userId: number;
  grant: Grant;
}
const seat = (userId: number, role: RoleName, scope: Partial<Grant> = {}): Seat => ({
  userId,
  grant: {
    id: userId,
    congressId: 1,
    role,
    deputyId: null,
    unitId: null,
    unitSystemId: null,
    committeeId: null,
    ...scope,
  },
});

const viewers = {
  leadDeputy: seat(11, 'deputy', { deputyId: LEAD_DEPUTY }),
  cosigner: seat(12, 'deputy', { deputyId: COSIGNER }),
  office: seat(13, 'liaison_office'),
  leader: seat(14, 'leader'),
  gov: seat(15, 'government_office', { unitSystemId: 1 }),
  committee: seat(16, 'committee', { committeeId: 1 }),
  handler: seat(17, 'unit_handler', { unitId: OWN_UNIT, unitSystemId: 1 }),
  reviewer: seat(18, 'unit_reviewer', { unitId: OWN_UNIT, unitSystemId: 1 }),
  signer: seat(19, 'unit_signer', { unitId: OWN_UNIT, unitSystemId: 1 }),
};
type ViewerName = keyof typeof viewers;
const order = Object.keys(viewers) as ViewerName[];

const someone = 99;
const event = (action: string, actor_role: string | null = 'deputy') => ({
  action,
  actor_role,
  display_name: '王海涛',
});
/** The deputy id that is not the viewer's own (any deputy for viewers who are not deputies). */
const otherDeputyOf = (v: Seat) => (v.grant.deputyId === LEAD_DEPUTY ? COSIGNER : LEAD_DEPUTY);

type Cell = (p: DetailPrivacy, v: Seat) => boolean | string | null;
const Y = true;
const _ = false;

// Columns: leadDeputy, cosigner, office, leader, gov, committee, handler, reviewer, signer.
// prettier-ignore
const table: [string, Cell, (boolean | string | null)[]][] = [
  ["a draft reply of the viewer's unit", (p) => p.seesReply({ state: 'draft', unit_id: OWN_UNIT }), [_, _, _, _, _, _, Y, Y, Y]],
  ["an in-review reply of the viewer's unit", (p) => p.seesReply({ state: 'in_review', unit_id: OWN_UNIT }), [_, _, _, _, _, _, Y, Y, Y]],
  ['a draft reply of another unit', (p) => p.seesReply({ state: 'draft', unit_id: OTHER_UNIT }), [_, _, _, _, _, _, _, _, _]],
  ['an in-review reply of another unit', (p) => p.seesReply({ state: 'in_review', unit_id: OTHER_UNIT }), [_, _, _, _, _, _, _, _, _]],
  ['a sent reply of another unit', (p) => p.seesReply({ state: 'sent', unit_id: OTHER_UNIT }), [Y, Y, Y, Y, Y, Y, Y, Y, Y]],
  ["the viewer's own rating", (p, v) => p.seesRating({ deputy_id: v.grant.deputyId ?? LEAD_DEPUTY }), [Y, Y, Y, Y, Y, Y, Y, Y, Y]],
  ["another deputy's rating", (p, v) => p.seesRating({ deputy_id: otherDeputyOf(v) }), [_, _, Y, Y, Y, Y, Y, Y, Y]],
  ['who gave a rating', (p) => p.seesRaterNames, [Y, Y, Y, Y, _, _, _, _, _]],
  ['pre-assignments', (p) => p.seesPreAssignments, [_, _, Y, Y, Y, Y, Y, Y, Y]],
  ['co-handling opinions', (p) => p.seesOpinions, [_, _, Y, Y, Y, Y, Y, Y, Y]],
  ['handling plans', (p) => p.seesHandlingPlans, [_, _, Y, Y, Y, Y, Y, Y, Y]],
  ["an extension request of the viewer's unit", (p) => p.seesExtensionRequest({ unit_id: OWN_UNIT }), [_, _, Y, Y, Y, Y, Y, Y, Y]],
  ['an extension request of another unit', (p) => p.seesExtensionRequest({ unit_id: OTHER_UNIT }), [_, _, Y, Y, Y, Y, _, _, _]],
  ["the viewer's own reassignment request", (p, v) => p.seesReassignmentRequest({ requested_by: v.userId }), [Y, Y, Y, Y, Y, Y, Y, Y, Y]],
  ["someone else's reassignment request", (p) => p.seesReassignmentRequest({ requested_by: someone }), [_, _, Y, Y, Y, _, _, _, _]],
  ['timeline: a rating', (p) => p.seesEvent(event('suggestion.rated')), [Y, Y, Y, Y, _, _, _, _, _]],
  ['timeline: a reply drafted', (p) => p.seesEvent(event('suggestion.reply_drafted')), [_, _, Y, Y, Y, Y, Y, Y, Y]],
  ['timeline: a reply submitted for review', (p) => p.seesEvent(event('suggestion.reply_submitted')), [_, _, Y, Y, Y, Y, Y, Y, Y]],
  ['timeline: a reply approved', (p) => p.seesEvent(event('suggestion.reply_approved')), [_, _, Y, Y, Y, Y, Y, Y, Y]],
  ['timeline: a reply returned', (p) => p.seesEvent(event('suggestion.reply_returned')), [_, _, Y, Y, Y, Y, Y, Y, Y]],
  ['timeline: a reply sent', (p) => p.seesEvent(event('suggestion.reply_sent')), [Y, Y, Y, Y, Y, Y, Y, Y, Y]],
  ['timeline: an assignment', (p) => p.seesEvent(event('suggestion.assigned', 'liaison_office')), [Y, Y, Y, Y, Y, Y, Y, Y, Y]],
  ['timeline: re-handling opened by a rating, named as', (p) => p.eventActorName(event('suggestion.rehandling_opened')), ['王海涛', '王海涛', '王海涛', '王海涛', '代表', '代表', '代表', '代表', '代表']],
  ['timeline: closed by the last rating, named as', (p) => p.eventActorName(event('suggestion.closed')), ['王海涛', '王海涛', '王海涛', '王海涛', '代表', '代表', '代表', '代表', '代表']],
  ['timeline: what the system did, named as', (p) => p.eventActorName(event('suggestion.closed', 'system')), ['系统', '系统', '系统', '系统', '系统', '系统', '系统', '系统', '系统']],
  ['timeline: an assignment, named as', (p) => p.eventActorName(event('suggestion.assigned', 'liaison_office')), ['王海涛', '王海涛', '王海涛', '王海涛', '王海涛', '王海涛', '王海涛', '王海涛', '王海涛']],
];

describe('what of a suggestion each viewer sees', () => {
  it('the table has a cell for every viewer in every row', () => {
    for (const [rule, , expected] of table) expect(expected, rule).toHaveLength(order.length);
  });
  for (const [rule, cell, expected] of table) {
    describe(rule, () => {
      it.each(order.map((name, i) => [name, expected[i]] as const))('%s → %s', (name, want) => {
        const v = viewers[name];
        expect(cell(detailPrivacyOf(v), v)).toBe(want);
      });
    });
  }
});
