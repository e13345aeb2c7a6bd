import { describe, expect, it } from 'vitest';
import { login, useTestApp } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';

describe.each(backends)('committees, categories and the dictionary on %s', (backend) => {
  const t = useTestApp(backend);

  it('the office builds the category tree and maps categories to committees', async () => {
    const office = await login(t.app, 'office');
    const committee = await office.post('/api/admin/committees', { name: '农业与农村委员会' });
    expect(committee.status).toBe(201);
    const child = await office.post('/api/admin/categories', {
      code: 'rural_roads',
      name: '农村公路',
      parentCode: 'transport',
      committeeId: committee.body.id,
    });
    expect(child.status).toBe(201);
    expect(child.body.items.find((c: { code: string }) => c.code === 'rural_roads')).toMatchObject({
      parentCode: 'transport',
      committeeName: '农业与农村委员会',
      retiredAt: null,
    });
    const loop = await office.put('/api/admin/categories/transport', { name: '交通运输', parentCode: 'rural_roads' });
    expect(loop.status).toBe(400);
    expect(loop.body.message).toBe('上级分类不能是本分类或其下级分类');
    const dupCode = await office.post('/api/admin/categories', { code: 'education', name: '教育事业' });
    expect(dupCode.status).toBe(409);
    expect(dupCode.body.message).toBe('分类代码「education」已存在');
    const dupName = await office.post('/api/admin/categories', { code: 'edu2', name: '教育' });
    expect(dupName.status).toBe(409);
    expect(dupName.body.message).toBe('已有名为「教育」的分类');
    const badCode = await office.post('/api/admin/categories', { code: 'Bad Code', name: '坏代码' });
    expect(badCode.status).toBe(400);
    expect(badCode.body.message).toMatch(/分类代码只能包含小写字母、数字和下划线/);
    const noParent = await office.post('/api/admin/categories', {
      code: 'orphan',
      name: '孤儿',
      parentCode: 'nothing',
    });
    expect(noParent.status).toBe(400);
    expect(noParent.body.message).toBe('上级分类不存在');

    const parentBusy = await office.post('/api/admin/categories/transport/retire');
    expect(parentBusy.status).toBe(409);
    expect(parentBusy.body.message).toBe('请先停用其下级分类（如「农村公路」）');
    const retired = await office.post('/api/admin/categories/rural_roads/retire');
    expect(retired.body.items.find((c: { code: string }) => c.code === 'rural_roads').retiredAt).not.toBeNull();
    // A retired category stays on the suggestions that have it and takes no new one.
    const zhang = await login(t.app, 'zhang');
    const onRetired = { title: '关于修缮村道的建议', body: '建议内容：修缮村道。', categoryCode: 'rural_roads' };
    for (const attempt of [
      await zhang.post('/api/suggestions', onRetired),
      await zhang.post('/api/suggestions', { ...onRetired, submit: true }),
    ]) {
      expect(attempt.status).toBe(400);
      expect(attempt.body.message).toBe('建议类别「农村公路」已停用，请选择其他类别');
    }
    const moved = await office.put('/api/admin/categories/agriculture', {
      name: '农业农村',
      parentCode: null,
      committeeId: committee.body.id,
    });
    expect(moved.body.items.find((c: { code: string }) => c.code === 'agriculture').committeeId).toBe(
      committee.body.id,
    );
    // A retired committee is no longer picked.
    await office.post(`/api/admin/committees/${committee.body.id}/retire`);
    const toRetired = await office.put('/api/admin/categories/agriculture', {
      name: '农业农村',
      parentCode: null,
      committeeId: committee.body.id,
    });
    expect(toRetired.status).toBe(400);
    expect(toRetired.body.message).toBe('所选专门委员会已停用');
  });

  it('the dictionary keeps the congress’s own place and unit names, unique per kind', async () => {
    const office = await login(t.app, 'office');
    const place = await office.post('/api/admin/dictionary', { kind: 'place', term: '浏阳', note: '县级市' });
    expect(place.status).toBe(201);
    expect(place.body).toMatchObject({ kind: 'place', term: '浏阳', note: '县级市' });
    expect((await office.post('/api/admin/dictionary', { kind: 'unit', term: '浏阳' })).status).toBe(201);
    const dup = await office.post('/api/admin/dictionary', { kind: 'place', term: '浏阳' });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toBe('词典中已有「浏阳」');
    const bad = await office.post('/api/admin/dictionary', { kind: 'person', term: '某人' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/请选择词条类别/);
    const edited = await office.put(`/api/admin/dictionary/${place.body.id}`, {
      kind: 'place',
      term: '浏阳市',
      note: '县级市',
    });
    expect(edited.body.term).toBe('浏阳市');
    expect(
      (await office.get('/api/admin/dictionary?kind=place')).body.items.map((e: { term: string }) => e.term),
    ).toEqual(['浏阳市']);
    const cityOffice = await login(t.app, 'city_office');
    expect((await cityOffice.get('/api/admin/dictionary')).body.items).toEqual([]);
    const foreign = await t.app.inject({
      method: 'DELETE',
      url: `/api/admin/dictionary/${place.body.id}`,
      headers: { cookie: cityOffice.cookie, 'x-csrf-token': cityOffice.csrfToken },
    });
    expect(foreign.statusCode).toBe(404);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/admin/dictionary/${place.body.id}`,
      headers: { cookie: office.cookie, 'x-csrf-token': office.csrfToken },
    });
    expect(removed.statusCode).toBe(204);
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'before_state'])
      .where('entity_type', '=', 'dictionary_entry')
      .where('entity_id', '=', place.body.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['dictionary.created', 'dictionary.updated', 'dictionary.deleted']);
    expect(audit[2]!.before_state).toEqual({ kind: 'place', term: '浏阳市', note: '县级市' });
  });

  it('only the office edits categories and the dictionary (403 for a unit handler and a committee)', async () => {
    for (const username of ['transport_handler', 'committee']) {
      const client = await login(t.app, username);
      expect((await client.post('/api/admin/dictionary', { kind: 'place', term: '宁乡' })).status, username).toBe(403);
      expect((await client.post('/api/admin/categories', { code: 'x', name: '某类' })).status, username).toBe(403);
      expect((await client.post('/api/admin/committees', { name: '某委员会' })).status, username).toBe(403);
    }
  });
});
