import { describe, expect, it } from 'vitest';
import { registered } from '../../test/flows.js';
import { login, useTestApp } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';

describe.each(backends)('numbering and grouping (%s)', (backend) => {
  const t = useTestApp(backend);

  it('numbers in-session suggestions in one series and those after the closing time in another', async () => {
    const zhang = await login(t.app, 'zhang');
    const office = await login(t.app, 'office');
    const first = await registered(zhang, office, '关于加强耕地保护的建议');
    const second = await registered(zhang, office, '关于推进高标准农田建设的建议');
    expect((await office.get(`/api/suggestions/${first.id}`)).body.numberLabel).toBe('第1号');
    expect((await office.get(`/api/suggestions/${second.id}`)).body.numberLabel).toBe('第2号');

    t.clock.set(new Date('2026-01-18T10:00:01Z')); // one second after submissions closed
    const late = await registered(zhang, office, '关于完善农村寄递物流体系的建议');
    const detail = (await office.get(`/api/suggestions/${late.id}`)).body;
    expect(detail).toMatchObject({ period: 'between_sessions', periodLabel: '闭会期间', numberLabel: '闭会第1号' });
  });

  it('groups similar suggestions of one session into a class, listed and filterable', async () => {
    const zhang = await login(t.app, 'zhang');
    const office = await login(t.app, 'office');
    const a = await registered(zhang, office, '关于农村饮水安全的建议');
    const b = await registered(zhang, office, '关于农村自来水改造的建议');
    const res = await office.post('/api/suggestions/classes', { suggestionIds: [a.id, b.id], className: '农村饮水' });
    expect(res.status).toBe(200);
    const classes = (await office.get('/api/directory/classes')).body.items;
    expect(classes).toEqual([expect.objectContaining({ name: '农村饮水', size: 2 })]);
    const list = (await office.get(`/api/suggestions?classId=${res.body.id}`)).body;
    expect(list.items.map((i: { id: number }) => i.id).sort()).toEqual([a.id, b.id].sort());
    expect((await office.get(`/api/suggestions/${a.id}`)).body.class).toEqual({ id: res.body.id, name: '农村饮水' });
  });

  it('finds suggestions by Chinese words, not by substring', async () => {
    const office = await login(t.app, 'office');
    const found = (await office.get(`/api/suggestions?q=${encodeURIComponent('饮水')}`)).body;
    expect(found.total).toBe(1);
    expect(found.items[0].title).toBe('关于农村饮水安全的建议');
  });
});
