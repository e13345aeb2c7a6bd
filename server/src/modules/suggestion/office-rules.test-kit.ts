import { expect } from 'vitest';
import { a1Reply, acknowledgement, replyThroughChain } from '../../test/flows.js';
import { login, type Client, type TestContext } from '../../test/test-app.js';

// What the office-rules tests share: a confirmed joint suggestion, a reply sent through the chain.
export async function jointSuggestion(t: TestContext, title: string) {
  const zhang = await login(t.app, 'zhang');
  const li = await login(t.app, 'li');
  const office = await login(t.app, 'office');
  const draft = await zhang.post('/api/suggestions', {
    title,
    body: '建议内容。',
    categoryCode: 'transport',
    cosignerDeputyIds: [t.world.deputies.li.deputy.id],
  });
  expect((await li.post(`/api/suggestions/${draft.body.id}/cosign`, { accept: true })).status).toBe(200);
  const s = (await zhang.post(`/api/suggestions/${draft.body.id}/submit`, {})).body;
  const r = (await office.post(`/api/suggestions/${s.id}/register`, { version: s.version })).body;
  const a = await office.post('/api/suggestions/assign', {
    items: [
      {
        suggestionId: r.id,
        version: r.version,
        mode: 'sole',
        units: [{ unitId: t.world.units.education.unit.id, role: 'sole' }],
      },
    ],
  });
  expect(a.status).toBe(200);
  return { id: r.id as number, zhang, li, office };
}

export async function sentReply(handler: Client, chain: Client[], id: number, reply: object = a1Reply) {
  expect((await handler.post(`/api/suggestions/${id}/acknowledge`, acknowledgement)).status).toBe(200);
  const s = await replyThroughChain(handler, chain, id, reply);
  return s.replies.filter((r: { state: string }) => r.state === 'sent').at(-1) as {
    id: number;
    feedbackDue: string;
    classTableVersion: string;
  };
}
