import { describe, expect, it } from 'vitest';
import { createNamed } from '../../db/seeds/fixtures.js';
import { login, useTestApp } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';

describe.each(backends)('the delegations picker (%s)', (backend) => {
  const t = useTestApp(backend);

  it('lists the viewer’s congress’s delegations, a retired one marked, none of another congress', async () => {
    const retired = await createNamed(t.db, 'delegation', t.world.province.id, '岳阳代表团');
    await t.db.updateTable('delegation').set({ retired_at: new Date() }).where('id', '=', retired.id).execute();
    await createNamed(t.db, 'delegation', t.world.city.id, '芙蓉区代表团');

    const office = await login(t.app, 'office');
    const res = await office.get('/api/directory/delegations');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { id: expect.any(Number), name: '长沙代表团', retired: false },
      { id: retired.id, name: '岳阳代表团', retired: true },
    ]);
    const city = await login(t.app, 'city_office');
    expect((await city.get('/api/directory/delegations')).body.items.map((d: { name: string }) => d.name)).toEqual([
      '芙蓉区代表团',
    ]);
  });
});
