import { describe, expect, it } from 'vitest';
import { assigned } from '../../test/flows.js';
import { login, useTestApp } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';

describe.each(backends)('each congress keeps its own handling rules and calendar (%s)', (backend) => {
  const t = useTestApp(backend);

  it('the office changes the reply period to working days; new assignments follow it, older ones keep their dates', async () => {
    const office = await login(t.app, 'office');
    const zhang = await login(t.app, 'zhang');
    const unitId = t.world.units.transport.unit.id;
    const before = await assigned(zhang, office, [{ unitId, role: 'sole' }], 'sole', '关于规范道路养护的建议');

    const current = (await office.get('/api/rules')).body;
    expect(current.rules.replyWithin).toEqual({ amount: 3, unit: 'months' });
    const changed = await office.put('/api/rules', {
      version: current.version,
      rules: { ...current.rules, replyWithin: { amount: 20, unit: 'working_days' } },
    });
    expect(changed.status).toBe(200);
    const stale = await office.put('/api/rules', { version: current.version, rules: current.rules });
    expect(stale.status).toBe(409);

    const after = await assigned(zhang, office, [{ unitId, role: 'sole' }], 'sole', '关于完善公交站点的建议');
    const oldDue = (await office.get(`/api/suggestions/${before}`)).body.assignments[0];
    const newDue = (await office.get(`/api/suggestions/${after}`)).body.assignments[0];
    expect(oldDue.replyDue).toBe('2026-04-13');
    // 20 working days from Monday 12 January 2026: 9 February.
    expect(newDue.replyDue).toBe('2026-02-09');
    expect(newDue.dueRule).toContain('20个工作日');

    const audit = await t.db.selectFrom('audit_event').selectAll().where('action', '=', 'policy.updated').execute();
    expect(audit).toHaveLength(1);
  });

  it('the calendar of a year is replaced by the office, and only by the office', async () => {
    const office = await login(t.app, 'office');
    const zhang = await login(t.app, 'zhang');
    const cal = (await office.get('/api/calendar/2026')).body;
    expect(cal.entries.some((e: { name: string }) => e.name === '春节')).toBe(true);
    const entries = [...cal.entries, { day: '2026-12-28', kind: 'holiday', name: '地方假日' }];
    expect((await zhang.put('/api/calendar/2026', { entries })).status).toBe(403);
    expect(
      (await office.put('/api/calendar/2026', { entries: [{ day: '2027-01-01', kind: 'holiday', name: '元旦' }] })).body
        .message,
    ).toBe('2027-01-01 不属于2026年');
    const saved = await office.put('/api/calendar/2026', { entries });
    expect(saved.body.entries).toHaveLength(entries.length);
    const rules = (await office.get('/api/rules')).body;
    expect(rules.version).toBeGreaterThanOrEqual(1);
  });

  it('a rule for another congress stays untouched', async () => {
    const city = await login(t.app, 'city_office');
    expect((await city.get('/api/rules')).body.rules.replyWithin).toEqual({ amount: 3, unit: 'months' });
  });
});
