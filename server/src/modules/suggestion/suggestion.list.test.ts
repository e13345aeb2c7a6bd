import { describe, expect, it } from 'vitest';
import { acknowledgement, assigned } from '../../test/flows.js';
import { login, useTestApp } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';

describe.each(backends)('the lists each role works from (%s)', (backend) => {
  const t = useTestApp(backend);

  it("a unit's inbox, handling list and review queue; sorted by due date", async () => {
    const zhang = await login(t.app, 'zhang');
    const office = await login(t.app, 'office');
    const handler = await login(t.app, 'transport_handler');
    const reviewer = await login(t.app, 'transport_reviewer');
    const signer = await login(t.app, 'transport_signer');
    const unitId = t.world.units.transport.unit.id;
    const first = await assigned(zhang, office, [{ unitId, role: 'sole' }], 'sole', '关于建设城际铁路的建议');
    t.clock.advanceDays(3);
    const second = await assigned(zhang, office, [{ unitId, role: 'sole' }], 'sole', '关于完善高速服务区的建议');
    await handler.post(`/api/suggestions/${second}/acknowledge`, acknowledgement);

    const ids = async (client: typeof handler, query: string) =>
      (await client.get(`/api/suggestions?${query}`)).body.items.map((i: { id: number }) => i.id);
    expect(await ids(handler, 'partState=pending_ack')).toEqual([first]);
    expect(await ids(handler, 'partState=handling,rehandling')).toEqual([second]);
    expect(await ids(handler, 'sort=due')).toEqual([first, second]);
    expect(await ids(handler, 'sort=-due')).toEqual([second, first]);
    expect((await handler.get('/api/suggestions?partState=bad;drop')).status).toBe(400);

    await handler.put(`/api/suggestions/${second}/reply`, {
      classCode: 'A1',
      body: '答复',
      handlerName: '刘',
      handlerPhone: '1',
    });
    await handler.post(`/api/suggestions/${second}/reply/submit`);
    expect(await ids(reviewer, 'awaitingMyReview=true')).toEqual([second]);
    expect(await ids(signer, 'awaitingMyReview=true')).toEqual([]);
    await reviewer.post(`/api/suggestions/${second}/reply/review`, { approve: true });
    expect(await ids(reviewer, 'awaitingMyReview=true')).toEqual([]);
    expect(await ids(signer, 'awaitingMyReview=true')).toEqual([second]);
  });

  it('the office’s at-risk board: parts due within the near-due days, and overdue ones', async () => {
    const office = await login(t.app, 'office');
    t.clock.set(new Date('2026-04-08T02:00:00Z'));
    const near = (await office.get('/api/suggestions?nearDue=true')).body;
    expect(near.total).toBe(2);
    t.clock.set(new Date('2026-04-20T02:00:00Z'));
    expect((await office.get('/api/suggestions?nearDue=true')).body.total).toBe(0);
    expect((await office.get('/api/suggestions?overdue=true')).body.total).toBe(2);
  });

  it("a deputy's list says whether they lead or were invited to co-sign", async () => {
    const zhang = await login(t.app, 'zhang');
    const li = await login(t.app, 'li');
    const draft = (
      await zhang.post('/api/suggestions', {
        title: '关于保护古树名木的建议',
        body: '……',
        categoryCode: 'agriculture',
        cosignerDeputyIds: [t.world.deputies.li.deputy.id],
      })
    ).body;
    const mine = (await li.get('/api/suggestions')).body.items;
    expect(mine).toEqual([expect.objectContaining({ id: draft.id, myRelation: 'cosigner_invited' })]);
    expect((await zhang.get('/api/suggestions?status=draft')).body.items[0].myRelation).toBe('lead');
  });
});

describe.each(backends)('a client may ask for the new state only (%s)', (backend) => {
  const t = useTestApp(backend);

  it('answers create and submit with id, version and status when sent Prefer: return=minimal', async () => {
    const zhang = await login(t.app, 'zhang');
    const headers = { cookie: zhang.cookie, 'x-csrf-token': zhang.csrfToken, prefer: 'return=minimal' };
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/suggestions',
      headers,
      payload: { title: '关于加强河道治理的建议', body: '……', categoryCode: 'agriculture' },
    });
    expect(created.statusCode).toBe(201);
    const draft = created.json();
    expect(draft).toEqual({ id: draft.id, version: 1, status: 'draft' });
    const submitted = await t.app.inject({
      method: 'POST',
      url: `/api/suggestions/${draft.id}/submit`,
      headers,
      payload: { version: 1 },
    });
    expect(submitted.json()).toEqual({ id: draft.id, version: 2, status: 'submitted' });
    // The full detail still answers a plain request, with the state the minimal answer named.
    const detail = (await zhang.get(`/api/suggestions/${draft.id}`)).body;
    expect(detail).toMatchObject({ id: draft.id, version: 2, status: 'submitted' });
    expect(detail.abilities).toMatchObject({ editDraft: false, submit: false });
  });
});
