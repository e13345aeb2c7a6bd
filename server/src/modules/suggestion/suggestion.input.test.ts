import { beforeAll, describe, expect, it } from 'vitest';
import { acknowledgement, assigned, registered } from '../../test/flows.js';
import { login, useTestApp, type Client } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';

// Bad input gets a clear Chinese message and a 4xx, never a 500, and changes nothing.

const chinese = /[\u4e00-\u9fa5]/;
const tooLong = '长'.repeat(40_001);

describe.each(backends)('bad input on every write endpoint (%s)', (backend) => {
  const t = useTestApp(backend);
  let c: Record<string, Client>;
  let assignedId = 0;
  let registeredId = 0;

  beforeAll(async () => {
    const names = ['zhang', 'office', 'transport_handler', 'transport_reviewer', 'development_handler'];
    c = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await login(t.app, n)] as const)));
    assignedId = await assigned(c.zhang!, c.office!, [{ unitId: t.world.units.transport.unit.id, role: 'sole' }]);
    registeredId = (await registered(c.zhang!, c.office!, '关于加快5G基站建设的建议')).id;
  });

  async function auditCount() {
    const row = await t.db
      .selectFrom('audit_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  const endpoints = (): [string, 'POST' | 'PUT', string][] => [
    ['zhang', 'POST', '/api/suggestions'],
    ['zhang', 'PUT', `/api/suggestions/${assignedId}`],
    ['zhang', 'POST', `/api/suggestions/${assignedId}/cosign`],
    ['zhang', 'POST', `/api/suggestions/${assignedId}/submit`],
    ['office', 'POST', `/api/suggestions/${registeredId}/register`],
    ['office', 'POST', `/api/suggestions/${registeredId}/return`],
    ['office', 'POST', `/api/suggestions/${registeredId}/decline`],
    ['office', 'POST', `/api/suggestions/${registeredId}/pre-assign`],
    ['office', 'POST', '/api/suggestions/assign'],
    ['office', 'POST', '/api/suggestions/classes'],
    ['transport_handler', 'POST', `/api/suggestions/${assignedId}/reassignment-requests`],
    ['office', 'POST', '/api/reassignment-requests/1/ruling'],
    ['office', 'POST', `/api/sessions/1/reassignment-window`],
    ['transport_handler', 'POST', `/api/suggestions/${assignedId}/acknowledge`],
    ['transport_handler', 'POST', `/api/suggestions/${assignedId}/contacts`],
    ['transport_handler', 'POST', `/api/suggestions/${assignedId}/opinions`],
    ['transport_handler', 'POST', `/api/suggestions/${assignedId}/extension-requests`],
    ['office', 'POST', '/api/extension-requests/1/ruling'],
    ['transport_handler', 'PUT', `/api/suggestions/${assignedId}/reply`],
    ['transport_reviewer', 'POST', `/api/suggestions/${assignedId}/reply/review`],
    ['zhang', 'POST', `/api/suggestions/${assignedId}/ratings`],
    ['office', 'POST', `/api/suggestions/${assignedId}/close`],
    ['office', 'POST', `/api/suggestions/${assignedId}/disclosure`],
    ['transport_handler', 'POST', '/api/promises/1/progress'],
    ['office', 'POST', '/api/promises/1/fulfil'],
    ['office', 'PUT', '/api/rules'],
    ['office', 'PUT', '/api/calendar/2026'],
    ['zhang', 'POST', '/api/auth/password'],
    ['zhang', 'POST', '/api/auth/switch-role'],
  ];

  it('malformed JSON, an empty body and wrong types are refused with a Chinese message and nothing changes', async () => {
    const before = await auditCount();
    for (const [who, method, url] of endpoints()) {
      for (const payload of ['{"title": ', '[]', '{"version": "x", "reason": 12, "title": null, "note": 5}']) {
        const res = await c[who]!.raw(method, url, payload);
        // Validation comes before any lookup: the answer is always 400, whatever the id.
        expect(res.statusCode, `${method} ${url} ${payload}`).toBe(400);
        const body = res.json() as { code: string; message: string };
        expect(body.message, `${method} ${url}`).toMatch(chinese);
        expect(typeof body.code).toBe('string');
      }
    }
    expect(await auditCount()).toBe(before);
  });

  it('over-long text is refused, naming the field', async () => {
    const res = await c.zhang!.post('/api/suggestions', {
      title: '关于加强乡村道路建设的建议',
      body: tooLong,
      categoryCode: 'transport',
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('正文不能超过20000字');
    const title = await c.zhang!.post('/api/suggestions', {
      title: `关于${'长'.repeat(200)}的建议`,
      body: '……',
      categoryCode: 'transport',
    });
    expect(title.body.message).toContain('标题');
  });

  it('a title not written 关于……的建议, an unknown category or an unknown co-signer is refused', async () => {
    expect(
      (await c.zhang!.post('/api/suggestions', { title: '修路', body: '……', categoryCode: 'transport' })).body.message,
    ).toBe('输入有误：标题过短');
    expect(
      (
        await c.zhang!.post('/api/suggestions', {
          title: '建议加快农村公路建设',
          body: '……',
          categoryCode: 'transport',
        })
      ).body.message,
    ).toBe('输入有误：标题应写作「关于……的建议」');
    expect(
      (await c.zhang!.post('/api/suggestions', { title: '关于修路的建议', body: '……', categoryCode: 'nope' })).body
        .message,
    ).toBe('建议类别不存在');
    const cosigner = await c.zhang!.post('/api/suggestions', {
      title: '关于修路的建议',
      body: '……',
      categoryCode: 'transport',
      cosignerDeputyIds: [999_999],
    });
    expect(cosigner.status).toBe(400);
    expect(cosigner.body.message).toBe('联名代表须为本级人大代表');
  });

  it('unknown ids answer 404 in Chinese; ids that are not numbers answer 400', async () => {
    expect((await c.office!.get('/api/suggestions/999999')).body).toMatchObject({
      code: 'not_found',
      message: '建议不存在或无权查看',
    });
    expect((await c.office!.get('/api/suggestions/abc')).status).toBe(400);
    expect((await c.office!.get('/api/suggestions/99999999999999')).status).toBe(400);
    expect(
      (await c.office!.post('/api/reassignment-requests/999999/ruling', { accept: false, reason: '不同意' })).body
        .message,
    ).toBe('调整申请不存在或无权查看');
    expect((await c.office!.get('/api/nothing-here')).status).toBe(404);
  });

  it('wrong assignment shapes are refused: two leads, a lead without co-units, a unit twice, an unknown unit', async () => {
    const u = t.world.units;
    const cases: [object, string][] = [
      [
        {
          mode: 'lead_co',
          units: [
            { unitId: u.transport.unit.id, role: 'lead' },
            { unitId: u.development.unit.id, role: 'lead' },
          ],
        },
        '主办会办须且只能指定一个主办单位',
      ],
      [{ mode: 'lead_co', units: [{ unitId: u.transport.unit.id, role: 'lead' }] }, '主办会办须至少指定一个会办单位'],
      [
        {
          mode: 'separate',
          units: [
            { unitId: u.transport.unit.id, role: 'separate' },
            { unitId: u.transport.unit.id, role: 'separate' },
          ],
        },
        '同一单位不能重复交办',
      ],
      [{ mode: 'sole', units: [{ unitId: 999_999, role: 'sole' }] }, '承办单位不存在'],
      [{ mode: 'sole', units: [{ unitId: u.city.unit.id, role: 'sole' }] }, '承办单位不存在'],
    ];
    for (const [shape, message] of cases) {
      const res = await c.office!.post('/api/suggestions/assign', {
        items: [{ suggestionId: registeredId, ...shape }],
      });
      expect(res.status).toBe(207);
      expect(res.body.results[0]).toMatchObject({ ok: false, status: 400, code: 'invalid_input', message });
    }
    expect((await c.office!.get(`/api/suggestions/${registeredId}`)).body.status).toBe('registered');
  });

  it('dates out of rule are refused: planned reply in the past, extension past six months, contact in the future', async () => {
    const past = await c.transport_handler!.post(`/api/suggestions/${assignedId}/acknowledge`, {
      ...acknowledgement,
      plannedReplyOn: '2025-12-31',
    });
    expect(past.body.message).toBe('计划答复日期不能早于今天');
    expect(
      (
        await c.transport_handler!.post(`/api/suggestions/${assignedId}/acknowledge`, {
          ...acknowledgement,
          plannedReplyOn: '2026-02-30',
        })
      ).status,
    ).toBe(400);
    await c.transport_handler!.post(`/api/suggestions/${assignedId}/acknowledge`, acknowledgement);
    const tooLate = await c.transport_handler!.post(`/api/suggestions/${assignedId}/extension-requests`, {
      requestedDue: '2026-12-31',
      reason: '复杂',
    });
    expect(tooLate.body.message).toContain('答复期限最迟不得超过2026年7月13日');
    const future = await c.transport_handler!.post(`/api/suggestions/${assignedId}/contacts`, {
      phase: 'before',
      kind: 'visit',
      contactedOn: '2027-01-01',
      summary: '走访',
    });
    expect(future.body.message).toBe('沟通日期不能晚于今天');
    const b1WithoutPlan = await c.transport_handler!.put(`/api/suggestions/${assignedId}/reply`, {
      classCode: 'B1',
      body: '……',
      handlerName: '刘',
      handlerPhone: '1',
    });
    expect(b1WithoutPlan.body.message).toContain('B1类答复须填写承诺事项的工作计划');
  });

  it('two offices registering the same suggestion at once: one wins, the other gets 409 in Chinese', async () => {
    const s = (
      await c.zhang!.post('/api/suggestions', {
        title: '关于完善养老服务体系的建议',
        body: '……',
        categoryCode: 'agriculture',
      })
    ).body;
    const sub = (await c.zhang!.post(`/api/suggestions/${s.id}/submit`, { version: s.version })).body;
    const other = await login(t.app, 'office');
    const [a, b] = await Promise.all([
      c.office!.post(`/api/suggestions/${s.id}/register`, { version: sub.version }),
      other.post(`/api/suggestions/${s.id}/register`, { version: sub.version }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.message).toMatch(chinese);
    const numbers = await t.db
      .selectFrom('audit_event')
      .select('id')
      .where('suggestion_id', '=', s.id)
      .where('action', '=', 'suggestion.registered')
      .execute();
    expect(numbers).toHaveLength(1);
  });

  it('an edit from a stale version is refused with 409', async () => {
    const s = (
      await c.zhang!.post('/api/suggestions', {
        title: '关于治理城市内涝的建议',
        body: '一',
        categoryCode: 'transport',
      })
    ).body;
    const first = await c.zhang!.put(`/api/suggestions/${s.id}`, {
      title: '关于治理城市内涝的建议',
      body: '二',
      categoryCode: 'transport',
      version: s.version,
    });
    expect(first.status).toBe(200);
    const stale = await c.zhang!.put(`/api/suggestions/${s.id}`, {
      title: '关于治理城市内涝的建议',
      body: '三',
      categoryCode: 'transport',
      version: s.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toBe('该记录已被他人修改，请刷新后重试');
    expect((await c.zhang!.get(`/api/suggestions/${s.id}`)).body.body).toBe('二');
  });

  it('writes without the CSRF token or without a session are refused', async () => {
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/api/suggestions',
      payload: {},
      headers: { cookie: 'lx_session=whatever' },
    });
    expect(noToken.statusCode).toBe(401);
    const res = await t.app.inject({ method: 'GET', url: '/api/suggestions' });
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe('请先登录');
    const { cookie } = await login(t.app, 'zhang');
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/suggestions',
      payload: { title: '关于修路的建议', body: '…', categoryCode: 'transport' },
      headers: { cookie },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().message).toContain('安全校验失败');
  });

  it('a wrong password is refused with the same message as an unknown user', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'zhang', password: 'nope' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().message).toBe(unknown.json().message);
  });
});
