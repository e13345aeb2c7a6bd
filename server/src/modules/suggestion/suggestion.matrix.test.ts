import { describe, expect, it } from 'vitest';
import { a1Reply, acknowledgement, replyThroughChain } from '../../test/flows.js';
import { login, useTestApp, type Client, type TestContext } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';
import { mayFire } from '../../platform/workflow.js';
import {
  suggestionStatuses,
  suggestionWorkflow,
  type Actor,
  type SuggestionAction,
  type SuggestionStatus,
} from './suggestion.workflow.js';

// The role × action × state matrix of the suggestion's table, walked over HTTP on a real
// database: every cell the table allows succeeds (and `abilities` offered it), every other
// cell is refused with a 4xx and changes nothing (and `abilities` did not offer it).
// Two actions are not fired by a person on a suggestion and are left to their own tests:
// closeForNoFeedback (the scanner) and ruleReassignment (fired on the request's own table).

type Persona =
  | 'zhang'
  | 'li'
  | 'wang'
  | 'office'
  | 'gov'
  | 'transport_handler'
  | 'transport_reviewer'
  | 'transport_signer'
  | 'committee'
  | 'leader'
  | 'federation_handler';
const personas: Persona[] = [
  'zhang',
  'li',
  'wang',
  'office',
  'gov',
  'transport_handler',
  'transport_reviewer',
  'transport_signer',
  'committee',
  'leader',
  'federation_handler',
];
const handling: readonly SuggestionStatus[] = ['assigned', 'replied', 'rehandling', 'closed'];

/** Who each persona is to the matrix's suggestions, written out by hand, not asked of the policy. */
function actorsOf(p: Persona, status: SuggestionStatus): Actor[] {
  switch (p) {
    case 'zhang':
      return ['lead_deputy', 'deputy'];
    case 'li':
      return ['deputy'];
    case 'office':
      return ['liaison_office'];
    case 'gov':
      return handling.includes(status) ? ['government_office'] : [];
    case 'transport_handler':
    case 'transport_reviewer':
    case 'transport_signer':
      return handling.includes(status) ? [p.replace('transport_', 'unit_') as Actor] : [];
    default:
      return [];
  }
}

const walked = (Object.keys(suggestionWorkflow.transitions) as SuggestionAction[]).filter(
  (a) => a !== 'closeForNoFeedback' && a !== 'ruleReassignment',
);

interface Built {
  id: number;
  version: number;
}

/** A joint suggestion (张建国, with 李秀英 confirmed) in the given state; handled separately by 交通厅 and 发改委. */
async function build(
  t: TestContext,
  c: Record<Persona | 'development_handler' | 'development_reviewer' | 'development_signer', Client>,
  status: SuggestionStatus,
  n: number,
): Promise<Built> {
  const { units, deputies } = t.world;
  const draft = await c.zhang.post('/api/suggestions', {
    title: `关于矩阵测试第${n}件的建议`,
    body: '内容。',
    categoryCode: 'transport',
    cosignerDeputyIds: [deputies.li.deputy.id],
  });
  await c.li.post(`/api/suggestions/${draft.body.id}/cosign`, { accept: true });
  const id: number = draft.body.id;
  const read = async () => (await c.office.get(`/api/suggestions/${id}`)).body;
  if (status === 'draft') return (await c.zhang.get(`/api/suggestions/${id}`)).body;
  let s = (await c.zhang.post(`/api/suggestions/${id}/submit`, {})).body;
  if (status === 'submitted') return s;
  if (status === 'returned')
    return (await c.office.post(`/api/suggestions/${id}/return`, { comment: '请补充', version: s.version })).body;
  if (status === 'declined')
    return (await c.office.post(`/api/suggestions/${id}/decline`, { reason: '属于来信', version: s.version })).body;
  s = (await c.office.post(`/api/suggestions/${id}/register`, { version: s.version })).body;
  if (status === 'registered') return s;
  const assign = await c.office.post('/api/suggestions/assign', {
    items: [
      {
        suggestionId: id,
        mode: 'separate',
        units: [
          { unitId: units.transport.unit.id, role: 'separate' },
          { unitId: units.development.unit.id, role: 'separate' },
        ],
      },
    ],
  });
  expect(assign.status).toBe(200);
  // 发改委 answers first: the suggestion stays 'assigned' while 交通厅 is still to sign for it.
  expect((await c.development_handler.post(`/api/suggestions/${id}/acknowledge`, acknowledgement)).status).toBe(200);
  await replyThroughChain(c.development_handler, [c.development_reviewer, c.development_signer], id, a1Reply);
  if (status === 'assigned') return read();
  expect((await c.transport_handler.post(`/api/suggestions/${id}/acknowledge`, acknowledgement)).status).toBe(200);
  s = await replyThroughChain(c.transport_handler, [c.transport_reviewer, c.transport_signer], id, a1Reply);
  if (status === 'replied') return read();
  const sent = s.replies.filter((r: { state: string }) => r.state === 'sent');
  const transportReply = sent.find((r: { unitId: number }) => r.unitId === units.transport.unit.id);
  const developmentReply = sent.find((r: { unitId: number }) => r.unitId === units.development.unit.id);
  if (status === 'rehandling') {
    await c.zhang.post(`/api/suggestions/${id}/ratings`, {
      replyId: transportReply.id,
      attitude: 'satisfied',
      result: 'unsatisfied',
      comment: '未解决',
    });
    return read();
  }
  for (const deputy of [c.zhang, c.li]) {
    for (const reply of [transportReply, developmentReply]) {
      await deputy.post(`/api/suggestions/${id}/ratings`, {
        replyId: reply.id,
        attitude: 'satisfied',
        result: 'satisfied',
      });
    }
  }
  return read();
}

/** Fires one action as it would be sent from the web app. */
async function fire(t: TestContext, client: Client, action: SuggestionAction, s: Built, replyIds: number[]) {
  const { units, deputies } = t.world;
  const id = s.id;
  const v = { version: s.version };
  switch (action) {
    case 'editDraft':
      return client.put(`/api/suggestions/${id}`, {
        title: `关于矩阵测试修改第${id}件的建议`,
        body: '内容。',
        categoryCode: 'transport',
        cosignerDeputyIds: [deputies.li.deputy.id],
        ...v,
      });
    case 'submit':
      return client.post(`/api/suggestions/${id}/submit`, v);
    case 'register':
      return client.post(`/api/suggestions/${id}/register`, v);
    case 'returnForRevision':
      return client.post(`/api/suggestions/${id}/return`, { comment: '请补充', ...v });
    case 'decline':
      return client.post(`/api/suggestions/${id}/decline`, { reason: '属于来信', ...v });
    case 'preAssign':
      return client.post(`/api/suggestions/${id}/pre-assign`, {
        units: [{ unitId: units.transport.unit.id, role: 'sole' }],
        ...v,
      });
    case 'assign': {
      const res = await client.post('/api/suggestions/assign', {
        items: [{ suggestionId: id, mode: 'sole', units: [{ unitId: units.transport.unit.id, role: 'sole' }], ...v }],
      });
      // A batch answers per item: the item's own status is the cell's answer.
      const item = res.body?.results?.[0];
      return item ? { status: item.ok ? 200 : (item.status ?? 409), body: item } : res;
    }
    case 'groupIntoClass':
      return client.post('/api/suggestions/classes', { suggestionIds: [id], className: `矩阵类${id}` });
    case 'requestReassignment':
      return client.post(`/api/suggestions/${id}/reassignment-requests`, { reason: '不属于本单位职责', ...v });
    case 'rate':
      return client.post(`/api/suggestions/${id}/ratings`, {
        replyId: replyIds[0] ?? 999_999,
        attitude: 'satisfied',
        result: 'satisfied',
      });
    case 'closeByOffice':
      return client.post(`/api/suggestions/${id}/close`, { reason: '经研究予以办结', ...v });
    case 'setDisclosure':
      return client.post(`/api/suggestions/${id}/disclosure`, { publish: false, ...v });
    default:
      throw new Error(`no request for ${action}`);
  }
}

describe.each(backends)('the suggestion table, role × action × state, over HTTP (%s)', (backend) => {
  const t = useTestApp(backend);

  it(
    'accepts exactly the cells the table allows, and abilities offer exactly those',
    { timeout: 240_000 },
    async () => {
      const names = [...personas, 'development_handler', 'development_reviewer', 'development_signer'] as const;
      const c = Object.fromEntries(
        await Promise.all(names.map(async (n) => [n, await login(t.app, n)] as const)),
      ) as Record<(typeof names)[number], Client>;
      let n = 0;
      let cells = 0;
      let allowedCells = 0;
      for (const status of suggestionStatuses) {
        const shared = await build(t, c, status, ++n);
        expect((await c.office.get(`/api/suggestions/${shared.id}`)).body.status ?? 'draft').toBe(
          status === 'draft' ? 'draft' : status,
        );
        for (const persona of personas) {
          const seen = await c[persona].get(`/api/suggestions/${shared.id}`);
          const abilities: Record<string, unknown> = seen.status === 200 ? seen.body.abilities : {};
          for (const action of walked) {
            cells += 1;
            const allowed = mayFire(suggestionWorkflow, action, status, actorsOf(persona, status));
            const cell = `${persona} ${action} ${status}`;
            if (!allowed) {
              expect(abilities[action] === true, `${cell}: abilities offered a refused cell`).toBe(false);
              const before = (await c.office.get(`/api/suggestions/${shared.id}`)).body;
              const res = await fire(
                t,
                c[persona],
                action,
                { id: shared.id, version: (seen.body?.version as number | undefined) ?? shared.version },
                ratable(seen.body),
              );
              expect([400, 403, 404, 409], `${cell}: ${JSON.stringify(res.body)}`).toContain(res.status);
              const after = (await c.office.get(`/api/suggestions/${shared.id}`)).body;
              expect({ v: after.version, s: after.status }, `${cell} changed the suggestion`).toEqual({
                v: before.version,
                s: before.status,
              });
              continue;
            }
            allowedCells += 1;
            const fresh = await build(t, c, status, ++n);
            const view = (await c[persona].get(`/api/suggestions/${fresh.id}`)).body;
            expect(view.abilities[action], `${cell}: abilities did not offer an allowed cell`).toBe(true);
            const res = await fire(t, c[persona], action, { id: fresh.id, version: view.version }, ratable(view));
            expect([200, 201], `${cell}: ${JSON.stringify(res.body)}`).toContain(res.status);
          }
        }
      }
      console.log(
        `suggestion matrix (${backend}): ${cells} cells (${personas.length} personas × ${walked.length} actions × ${suggestionStatuses.length} states), ${allowedCells} allowed, ${cells - allowedCells} refused`,
      );
      expect(cells).toBe(personas.length * walked.length * suggestionStatuses.length);
    },
  );
});

function ratable(
  view: { abilities?: { ratableReplyIds?: number[] }; replies?: { id: number; state: string }[] } | undefined,
): number[] {
  const offered = view?.abilities?.ratableReplyIds ?? [];
  if (offered.length > 0) return offered;
  // A refused rating still names a real sent reply where there is one.
  return (view?.replies ?? []).filter((r) => r.state === 'sent').map((r) => r.id);
}
