import { describe, expect, it } from 'vitest';
import { a1Reply, acknowledgement, assigned, replyThroughChain } from '../../test/flows.js';
import { login, useTestApp, type Client, type TestContext } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';
import { mayFire } from '../../platform/workflow.js';
import { assignmentWorkflow, type PartAction, type PartActor } from './assignment.workflow.js';
import type { AssignmentState } from './suggestion.workflow.js';

// The unit's part of a suggestion, role × action × state, over HTTP: a lead unit (交通厅)
// and a co-handling unit (发改委) of one suggestion, each part brought to every state its
// role can reach; every person of the unit (and a stranger unit) fires every action a unit's
// staff may fire. Allowed cells succeed and were offered; every other cell is refused with a
// 4xx, changes nothing, and was not offered. Signing is walked by the reply's own table
// (review-reply), rating and closing by the suggestion's matrix and the ratings tests.

type Part = 'lead' | 'co';
const reachable: Record<Part, AssignmentState[]> = {
  lead: ['pending_ack', 'handling', 'replied', 'rehandling', 'closed'],
  co: ['pending_ack', 'handling', 'opinion_sent', 'closed'],
};
const staff: Record<Part, string[]> = {
  lead: ['transport_handler', 'transport_reviewer', 'transport_signer', 'federation_handler'],
  co: ['development_handler', 'development_reviewer', 'development_signer', 'federation_handler'],
};
const actions: PartAction[] = ['acknowledge', 'recordContact', 'sendOpinion', 'requestExtension', 'draftReply'];

/** Who each person is to their unit's part, written out by hand. */
function actorsOf(person: string, part: Part): PartActor[] {
  if (person.startsWith('federation')) return [];
  if (person.endsWith('_handler'))
    return ['own_unit_handler', part === 'lead' ? 'answering_unit_handler' : 'co_unit_handler'];
  if (person.endsWith('_signer') && part === 'lead') return ['answering_unit_signer'];
  return [];
}

const coAcknowledgement = { ...acknowledgement, plannedReplyOn: '2026-03-01' };

async function build(
  t: TestContext,
  c: Record<string, Client>,
  part: Part,
  state: AssignmentState,
  n: number,
): Promise<number> {
  const { units } = t.world;
  const id = await assigned(
    c.zhang!,
    c.office!,
    [
      { unitId: units.transport.unit.id, role: 'lead' },
      { unitId: units.development.unit.id, role: 'co' },
    ],
    'lead_co',
    `关于会办矩阵第${n}件的建议`,
  );
  if (state === 'pending_ack') return id;
  // The co-unit's opinion comes first: the lead unit's reply waits for it.
  if (part === 'co' || state !== 'handling') {
    expect((await c.development_handler!.post(`/api/suggestions/${id}/acknowledge`, coAcknowledgement)).status).toBe(
      200,
    );
    if (part === 'co' && state === 'handling') return id;
    expect(
      (await c.development_handler!.post(`/api/suggestions/${id}/opinions`, { body: '同意主办单位意见。' })).status,
    ).toBe(200);
    if (state === 'opinion_sent') return id;
  }
  expect((await c.transport_handler!.post(`/api/suggestions/${id}/acknowledge`, acknowledgement)).status).toBe(200);
  if (state === 'handling') return id;
  const s = await replyThroughChain(c.transport_handler!, [c.transport_reviewer!, c.transport_signer!], id, a1Reply);
  if (state === 'replied') return id;
  const reply = s.replies.find((r: { state: string }) => r.state === 'sent');
  const rating =
    state === 'rehandling'
      ? { attitude: 'satisfied', result: 'unsatisfied', comment: '未解决' }
      : { attitude: 'satisfied', result: 'satisfied' };
  expect((await c.zhang!.post(`/api/suggestions/${id}/ratings`, { replyId: reply.id, ...rating })).status).toBe(200);
  return id;
}

function fire(c: Client, part: Part, action: PartAction, id: number) {
  switch (action) {
    case 'acknowledge':
      return c.post(`/api/suggestions/${id}/acknowledge`, part === 'co' ? coAcknowledgement : acknowledgement);
    case 'recordContact':
      return c.post(`/api/suggestions/${id}/contacts`, {
        phase: 'during',
        kind: 'phone',
        contactedOn: '2026-01-12',
        summary: '电话沟通。',
      });
    case 'sendOpinion':
      return c.post(`/api/suggestions/${id}/opinions`, { body: '会办意见。' });
    case 'requestExtension':
      return c.post(`/api/suggestions/${id}/extension-requests`, { requestedDue: '2026-05-29', reason: '需会商' });
    case 'draftReply':
      return c.put(`/api/suggestions/${id}/reply`, a1Reply);
    default:
      throw new Error(`no request for ${action}`);
  }
}

describe.each(backends)('a unit’s part, role × action × state, over HTTP (%s)', (backend) => {
  const t = useTestApp(backend);

  it(
    'accepts exactly the cells the part’s table allows, and abilities offer exactly those',
    { timeout: 240_000 },
    async () => {
      const names = ['zhang', 'office', ...new Set([...staff.lead, ...staff.co])];
      const c = Object.fromEntries(
        await Promise.all(names.map(async (n) => [n, await login(t.app, n)] as const)),
      ) as Record<string, Client>;
      let n = 0;
      let cells = 0;
      let allowedCells = 0;
      for (const part of ['lead', 'co'] as const) {
        for (const state of reachable[part]) {
          const shared = await build(t, c, part, state, ++n);
          const partState = (await c.office!.get(`/api/suggestions/${shared}`)).body.assignments.find(
            (a: { role: string }) => a.role === part,
          ).state;
          expect(partState, `${part} built in ${state}`).toBe(state);
          for (const person of staff[part]) {
            const seen = await c[person]!.get(`/api/suggestions/${shared}`);
            const abilities: Record<string, unknown> = seen.status === 200 ? seen.body.abilities : {};
            for (const action of actions) {
              cells += 1;
              const cell = `${person} (${part}) ${action} ${state}`;
              const allowed = mayFire(assignmentWorkflow, action, state, actorsOf(person, part));
              if (!allowed) {
                expect(abilities[action] === true, `${cell}: offered a refused cell`).toBe(false);
                const before = (await c.office!.get(`/api/suggestions/${shared}`)).body;
                const res = await fire(c[person]!, part, action, shared);
                expect([403, 404, 409], `${cell}: ${JSON.stringify(res.body)}`).toContain(res.status);
                const after = (await c.office!.get(`/api/suggestions/${shared}`)).body;
                expect(
                  after.assignments.map((a: { version?: number; state: string }) => a.state),
                  `${cell} changed a part`,
                ).toEqual(before.assignments.map((a: { state: string }) => a.state));
                expect(after.timeline.length, `${cell} wrote history`).toBe(before.timeline.length);
                continue;
              }
              allowedCells += 1;
              const fresh = await build(t, c, part, state, ++n);
              const view = (await c[person]!.get(`/api/suggestions/${fresh}`)).body;
              expect(view.abilities[action], `${cell}: not offered`).toBe(true);
              const res = await fire(c[person]!, part, action, fresh);
              expect(res.status, `${cell}: ${JSON.stringify(res.body)}`).toBe(200);
            }
          }
        }
      }
      console.log(`part matrix (${backend}): ${cells} cells, ${allowedCells} allowed, ${cells - allowedCells} refused`);
      expect(cells).toBe((reachable.lead.length + reachable.co.length) * 4 * actions.length);
    },
  );
});
