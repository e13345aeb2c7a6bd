import { describe, expect, it } from 'vitest';
import { registered } from '../../test/flows.js';
import { login, useTestApp } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';

// The batch assignment answers 200 when every item was assigned, and 207 (Multi-Status) when
// any was not: each item with the status it would have had alone, its code and Chinese message.

describe.each(backends)('assigning a batch (%s)', (backend) => {
  const t = useTestApp(backend);
  const sole = () => [{ unitId: t.world.units.transport.unit.id, role: 'sole' }];

  it('answers 200 when every item was assigned, each with its new version', async () => {
    const zhang = await login(t.app, 'zhang');
    const office = await login(t.app, 'office');
    const a = await registered(zhang, office, '关于改造农村危桥的建议');
    const b = await registered(zhang, office, '关于完善农村客运班线的建议');
    const res = await office.post('/api/suggestions/assign', {
      items: [a, b].map((s) => ({ suggestionId: s.id, version: s.version, mode: 'sole', units: sole() })),
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      assigned: 2,
      failed: 0,
      results: [
        { suggestionId: a.id, ok: true, status: 200, version: a.version + 1, message: '已交办' },
        { suggestionId: b.id, ok: true, status: 200, version: b.version + 1, message: '已交办' },
      ],
    });
  });

  it('answers 207 when some were not: each item says its own status, code and message, and the others are assigned', async () => {
    const zhang = await login(t.app, 'zhang');
    const office = await login(t.app, 'office');
    const fresh = await registered(zhang, office, '关于加密农村公交站点的建议');
    const stale = await registered(zhang, office, '关于整治农村道路扬尘的建议');
    const res = await office.post('/api/suggestions/assign', {
      items: [
        { suggestionId: fresh.id, version: fresh.version, mode: 'sole', units: sole() },
        { suggestionId: stale.id, version: stale.version - 1, mode: 'sole', units: sole() },
        { suggestionId: 999_999, mode: 'sole', units: sole() },
      ],
    });
    expect(res.status).toBe(207);
    expect(res.body.assigned).toBe(1);
    expect(res.body.failed).toBe(2);
    expect(res.body.results).toEqual([
      { suggestionId: fresh.id, ok: true, status: 200, version: fresh.version + 1, message: '已交办' },
      { suggestionId: stale.id, ok: false, status: 409, code: 'conflict', message: '该记录已被他人修改，请刷新后重试' },
      { suggestionId: 999_999, ok: false, status: 404, code: 'not_found', message: '建议不存在或无权查看' },
    ]);
    expect((await office.get(`/api/suggestions/${fresh.id}`)).body.status).toBe('assigned');
    expect((await office.get(`/api/suggestions/${stale.id}`)).body.status).toBe('registered');

    // An item in the wrong state answers 409 with the state's own message; nothing assigned is still 207.
    const again = await office.post('/api/suggestions/assign', {
      items: [{ suggestionId: fresh.id, mode: 'sole', units: sole() }],
    });
    expect(again.status).toBe(207);
    expect(again.body).toMatchObject({
      assigned: 0,
      failed: 1,
      results: [{ suggestionId: fresh.id, ok: false, status: 409, code: 'invalid_state' }],
    });
  });

  it('refuses the whole batch when the request itself is wrong (400) or the role may not assign (403)', async () => {
    const office = await login(t.app, 'office');
    expect((await office.post('/api/suggestions/assign', { items: [] })).status).toBe(400);
    const zhang = await login(t.app, 'zhang');
    const res = await zhang.post('/api/suggestions/assign', {
      items: [{ suggestionId: 1, mode: 'sole', units: sole() }],
    });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('forbidden');
  });
});
