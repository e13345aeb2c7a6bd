import { expect } from 'vitest';
import type { Client } from './test-app.js';

/** Short paths through the process, for tests that start further along it. */

export async function submitted(deputy: Client, title = '关于加快农村公路提质改造的建议', extra: object = {}) {
  const draft = await deputy.post('/api/suggestions', {
    title,
    body: '建议内容：农村公路是乡村振兴的基础设施。',
    categoryCode: 'transport',
    ...extra,
  });
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  const res = await deputy.post(`/api/suggestions/${draft.body.id}/submit`, { version: draft.body.version });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { id: number; version: number };
}

export async function registered(deputy: Client, office: Client, title?: string) {
  const s = await submitted(deputy, title);
  const res = await office.post(`/api/suggestions/${s.id}/register`, { version: s.version });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { id: number; version: number };
}

export async function assigned(
  deputy: Client,
  office: Client,
  units: { unitId: number; role: string }[],
  mode = 'sole',
  title?: string,
) {
  const s = await registered(deputy, office, title);
  const res = await office.post('/api/suggestions/assign', {
    items: [{ suggestionId: s.id, version: s.version, mode, units }],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.assigned, JSON.stringify(res.body)).toBe(1);
  return s.id;
}

export const acknowledgement = {
  handlerName: '刘洋',
  handlerPhone: '0731-88889999',
  plan: '会同有关处室调研，3月底前形成答复。',
  plannedReplyOn: '2026-03-31',
};

/** The handler drafts, and the unit's whole chain approves and signs. */
export async function replyThroughChain(handler: Client, chain: Client[], id: number, reply: object) {
  const drafted = await handler.put(`/api/suggestions/${id}/reply`, reply);
  expect(drafted.status, JSON.stringify(drafted.body)).toBe(200);
  const sent = await handler.post(`/api/suggestions/${id}/reply/submit`);
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  let last = sent;
  for (const reviewer of chain) {
    last = await reviewer.post(`/api/suggestions/${id}/reply/review`, { approve: true });
    expect(last.status, JSON.stringify(last.body)).toBe(200);
  }
  return last.body;
}

export const a1Reply = {
  classCode: 'A1',
  body: '您提出的《关于加快农村公路提质改造的建议》收悉。经研究，现答复如下：……',
  handlerName: '刘洋',
  handlerPhone: '0731-88889999',
};
