// Data a journey needs but does not walk through in the browser, made through the same API.
import { apiAs } from '../support/api.mjs';

export async function unitIdOf(baseURL, name) {
  const office = await apiAs(baseURL, 'office');
  const { items } = await office.get('/directory/units');
  const unit = items.find((u) => u.name === name);
  if (!unit) throw new Error(`no unit ${name}`);
  return unit.id;
}

/** Registered and assigned to one unit, as the office would; returns the suggestion's id. */
export async function assignedSuggestion(baseURL, { title, body, unitName }) {
  const deputy = await apiAs(baseURL, 'deputy');
  const s = await deputy.post('/suggestions', { title, body, categoryCode: 'transport' });
  await deputy.post(`/suggestions/${s.id}/submit`);
  await assign(baseURL, s.id, unitName);
  return s.id;
}

export async function assign(baseURL, id, unitName) {
  const office = await apiAs(baseURL, 'office');
  await office.post(`/suggestions/${id}/register`);
  const unitId = await unitIdOf(baseURL, unitName);
  const r = await office.post('/suggestions/assign', {
    items: [{ suggestionId: id, mode: 'sole', units: [{ unitId, role: 'sole' }] }],
  });
  if (!r.results[0].ok) throw new Error(r.results[0].message);
}

/**
 * 省交通运输厅 signs for it, replies, and its chain (reviewer → signer) sends the letter.
 * `reply` overrides the letter's fields, e.g. a B1 class with its promise for the ledger.
 */
export async function replyThroughChain(baseURL, id, body, reply = {}) {
  const handler = await apiAs(baseURL, 'handler');
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const planned = new Date(Date.now() + 8 * 3600_000 + 20 * 86_400_000).toISOString().slice(0, 10);
  await handler.post(`/suggestions/${id}/acknowledge`, {
    handlerName: '周敏',
    handlerPhone: '0731-88888888',
    plan: '研究办理并与代表沟通。',
    plannedReplyOn: planned,
  });
  await handler.post(`/suggestions/${id}/contacts`, {
    phase: 'during',
    kind: 'phone',
    contactedOn: today,
    summary: '电话联系代表，了解具体路段情况。',
  });
  await handler.put(`/suggestions/${id}/reply`, {
    classCode: 'A1',
    body,
    handlerName: '周敏',
    handlerPhone: '0731-88888888',
    ...reply,
  });
  await handler.post(`/suggestions/${id}/reply/submit`);
  for (const who of ['reviewer', 'signer'])
    await (await apiAs(baseURL, who)).post(`/suggestions/${id}/reply/review`, { approve: true });
}
