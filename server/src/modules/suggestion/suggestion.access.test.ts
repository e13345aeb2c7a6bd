import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { acknowledgement, assigned, registered, submitted } from '../../test/flows.js';
import { login, SESSION_MORNING, useTestApp, type Client } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';

// Each role tries what it must not do, and is refused without learning anything.

describe.each(backends)('who may see and do what (%s)', (backend) => {
  const t = useTestApp(backend);
  let c: Record<string, Client>;
  let ids: {
    draft: number;
    submitted: number;
    registered: number;
    transport: number;
    education: number;
    party: number;
  };

  beforeAll(async () => {
    const names = [
      'zhang',
      'li',
      'wang',
      'zhao',
      'office',
      'city_office',
      'gov',
      'committee',
      'leader',
      'transport_handler',
      'transport_reviewer',
      'transport_signer',
      'development_handler',
      'education_handler',
      'federation_handler',
    ];
    c = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await login(t.app, n)] as const)));
    const { units } = t.world;
    const draft = await c.zhang!.post('/api/suggestions', {
      title: '关于整治农村人居环境的建议',
      body: '草稿',
      categoryCode: 'agriculture',
    });
    ids = {
      draft: draft.body.id,
      submitted: (await submitted(c.zhang!, '关于提高农村低保标准的建议')).id,
      registered: (await registered(c.zhang!, c.office!, '关于支持县域经济发展的建议')).id,
      transport: await assigned(
        c.zhang!,
        c.office!,
        [
          { unitId: units.transport.unit.id, role: 'lead' },
          { unitId: units.development.unit.id, role: 'co' },
        ],
        'lead_co',
        '关于加快高速公路建设的建议',
      ),
      education: 0,
      party: await assigned(
        c.wang!,
        c.office!,
        [{ unitId: units.federation.unit.id, role: 'sole' }],
        'sole',
        '关于保障新就业形态劳动者权益的建议',
      ),
    };
    const edu = await c.wang!.post('/api/suggestions', {
      title: '关于改善乡村学校办学条件的建议',
      body: '……',
      categoryCode: 'education',
    });
    await c.wang!.post(`/api/suggestions/${edu.body.id}/submit`, {});
    await c.office!.post(`/api/suggestions/${edu.body.id}/register`, {});
    await c.office!.post('/api/suggestions/assign', {
      items: [{ suggestionId: edu.body.id, mode: 'sole', units: [{ unitId: units.education.unit.id, role: 'sole' }] }],
    });
    ids.education = edu.body.id;
  });

  async function listIds(client: Client, query = '') {
    const res = await client.get(`/api/suggestions?pageSize=200${query}`);
    expect(res.status).toBe(200);
    return { ids: res.body.items.map((i: { id: number }) => i.id) as number[], total: res.body.total as number };
  }

  it('a deputy sees only their own and co-signed suggestions, in the list and the detail', async () => {
    const wang = await listIds(c.wang!);
    expect(wang.ids).toContain(ids.party);
    expect(wang.ids).not.toContain(ids.transport);
    expect(wang.total).toBe(wang.ids.length);
    const res = await c.wang!.get(`/api/suggestions/${ids.transport}`);
    expect(res.status).toBe(404);
    expect(res.body.message).toBe('建议不存在或无权查看');
  });

  it("the office does not see a deputy's draft, and nobody sees another congress's suggestions", async () => {
    expect((await c.office!.get(`/api/suggestions/${ids.draft}`)).status).toBe(404);
    expect((await listIds(c.office!)).ids).not.toContain(ids.draft);
    const city = await listIds(c.city_office!);
    expect(city.total).toBe(0);
    expect((await c.city_office!.get(`/api/suggestions/${ids.registered}`)).status).toBe(404);
    expect((await c.zhao!.get(`/api/suggestions/${ids.registered}`)).status).toBe(404);
    expect((await c.city_office!.post(`/api/suggestions/${ids.submitted}/register`, {})).status).toBe(404);
  });

  it('a unit sees only what is assigned to it, counts included', async () => {
    const transport = await listIds(c.transport_handler!);
    expect(transport.ids).toEqual([ids.transport]);
    expect(transport.total).toBe(1);
    expect((await c.transport_handler!.get(`/api/suggestions/${ids.party}`)).status).toBe(404);
    expect((await listIds(c.federation_handler!)).ids).toEqual([ids.party]);
    expect((await c.transport_handler!.get(`/api/suggestions?q=${encodeURIComponent('劳动者权益')}`)).body.total).toBe(
      0,
    );
  });

  it('a committee sees its field only; a leader sees every registered suggestion read-only', async () => {
    expect((await listIds(c.committee!)).ids).toEqual([ids.education]);
    const leader = await listIds(c.leader!);
    expect(leader.ids).toEqual(expect.arrayContaining([ids.registered, ids.transport, ids.party, ids.education]));
    expect(leader.ids).not.toContain(ids.submitted);
    const detail = (await c.leader!.get(`/api/suggestions/${ids.transport}`)).body;
    expect(Object.entries(detail.abilities).filter(([, v]) => v === true)).toEqual([]);
    expect((await c.leader!.post(`/api/suggestions/${ids.transport}/close`, { reason: '领导决定' })).status).toBe(403);
  });

  it('the government office sees and assigns only within its own system', async () => {
    const gov = await listIds(c.gov!);
    expect(gov.ids).toContain(ids.transport);
    expect(gov.ids).not.toContain(ids.party);
    await c.office!.post(`/api/suggestions/${ids.registered}/pre-assign`, {
      units: [{ unitId: t.world.units.transport.unit.id, role: 'sole' }],
    });
    const wrong = await c.gov!.post('/api/suggestions/assign', {
      items: [
        {
          suggestionId: ids.registered,
          mode: 'sole',
          units: [{ unitId: t.world.units.federation.unit.id, role: 'sole' }],
        },
      ],
    });
    expect(wrong.body.results[0]).toMatchObject({ ok: false, message: '政府办公厅只能交办本系统的承办单位' });
  });

  it('deputies and units cannot do the office’s work', async () => {
    for (const who of ['zhang', 'transport_handler', 'committee', 'gov']) {
      const res = await c[who]!.post(`/api/suggestions/${ids.submitted}/register`, {});
      expect(res.status, who).toBeGreaterThanOrEqual(403);
      expect(res.status, who).toBeLessThan(405);
    }
    expect(
      (
        await c.zhang!.post('/api/suggestions/assign', {
          items: [{ suggestionId: ids.registered, mode: 'sole', units: [{ unitId: 1, role: 'sole' }] }],
        })
      ).status,
    ).toBe(403);
    expect((await c.transport_handler!.get('/api/reassignment-requests')).status).toBe(403);
  });

  it('only the lead deputy submits, and only unit handlers draft replies', async () => {
    const draft = await c.zhang!.post('/api/suggestions', {
      title: '关于加强饮用水源保护的建议',
      body: '……',
      categoryCode: 'agriculture',
      cosignerDeputyIds: [t.world.deputies.li.deputy.id],
    });
    await c.li!.post(`/api/suggestions/${draft.body.id}/cosign`, { accept: true });
    const bySigner = await c.li!.post(`/api/suggestions/${draft.body.id}/submit`, {});
    expect(bySigner.status).toBe(409);
    expect(bySigner.body.message).toBe('您不能对该建议执行此操作');
    await c.transport_handler!.post(`/api/suggestions/${ids.transport}/acknowledge`, acknowledgement);
    const byReviewer = await c.transport_reviewer!.put(`/api/suggestions/${ids.transport}/reply`, {
      classCode: 'A1',
      body: '……',
      handlerName: '王',
      handlerPhone: '1',
    });
    expect(byReviewer.status).toBe(403);
    const byCoUnit = await c.development_handler!.put(`/api/suggestions/${ids.transport}/reply`, {
      classCode: 'A1',
      body: '……',
      handlerName: '王',
      handlerPhone: '1',
    });
    expect(byCoUnit.status).toBe(403);
    expect(byCoUnit.body.message).toContain('会办单位');
  });

  it('a deputy cannot rate a reply that has not been sent, nor someone else’s suggestion', async () => {
    expect(
      (
        await c.wang!.post(`/api/suggestions/${ids.transport}/ratings`, {
          replyId: 1,
          attitude: 'satisfied',
          result: 'satisfied',
        })
      ).status,
    ).toBe(404);
    // A reply still inside the unit is, to the deputy, a reply that does not exist.
    const own = await c.zhang!.post(`/api/suggestions/${ids.transport}/ratings`, {
      replyId: 1,
      attitude: 'satisfied',
      result: 'satisfied',
    });
    expect(own.status).toBe(404);
    expect(own.body.message).toBe('答复不存在或无权查看');
  });

  it('a unit that is no longer assigned loses sight of the suggestion', async () => {
    expect((await c.development_handler!.get(`/api/suggestions/${ids.transport}`)).status).toBe(200);
    const req = await c.development_handler!.post(`/api/suggestions/${ids.transport}/reassignment-requests`, {
      reason: '非我委职责',
    });
    expect(req.status).toBe(200);
    const pending = (await c.office!.get('/api/reassignment-requests?status=pending')).body.items.find(
      (r: { suggestionId: number }) => r.suggestionId === ids.transport,
    );
    await c.office!.post(`/api/reassignment-requests/${pending.id}/ruling`, {
      accept: true,
      reason: '同意',
      mode: 'sole',
      units: [{ unitId: t.world.units.transport.unit.id, role: 'sole' }],
    });
    expect((await c.development_handler!.get(`/api/suggestions/${ids.transport}`)).status).toBe(404);
    expect((await listIds(c.development_handler!)).total).toBe(0);
  });

  it('reassignment is refused once the window has passed, and reopens when the office extends it', async () => {
    onTestFinished(() => t.clock.set(SESSION_MORNING));
    t.clock.advanceDays(20);
    const late = await c.federation_handler!.post(`/api/suggestions/${ids.party}/reassignment-requests`, {
      reason: '非我会职责',
    });
    expect(late.status).toBe(409);
    // Assigned on 12 January: its own ten days ended on the 22nd.
    expect(late.body.message).toBe('调整申请期限已于2026年1月22日届满，交办已锁定');
    const ext = await c.office!.post(`/api/sessions/${t.world.session.id}/reassignment-window`, {
      until: '2026-02-28',
    });
    expect(ext.status).toBe(200);
    expect(
      (
        await c.federation_handler!.post(`/api/suggestions/${ids.party}/reassignment-requests`, {
          reason: '非我会职责',
        })
      ).status,
    ).toBe(200);
  });
});
