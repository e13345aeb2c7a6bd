import { beforeAll, describe, expect, it } from 'vitest';
import { login, useTestApp, type Client } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';
import { createSystemAdmin } from './commands/create-system-admin.js';

const county = {
  level: 'county',
  name: '长沙县人民代表大会',
  shortName: '长沙县',
  adminCode: '430121',
  docPrefix: '长县人',
};

describe.each(backends)('the installation administrator (%s)', (backend) => {
  const t = useTestApp(backend);
  let admin: Client;
  beforeAll(async () => {
    await createSystemAdmin(t.db, { username: 'root', displayName: '系统管理员', password: 'Install2026x' });
    admin = await login(t.app, 'root', 'Install2026x');
  });

  it('signs in to no congress and no role', () => {
    expect(admin.me).toMatchObject({ grants: [], activeGrantId: null, isSystemAdmin: true, mustChangePassword: false });
  });

  it('creates a county under the city, and its first office account that must change its password', async () => {
    const created = await admin.post('/api/installation/congresses', { ...county, parentId: t.world.city.id });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...county, parentId: t.world.city.id, officeAccounts: [] });
    const account = await admin.post(`/api/installation/congresses/${created.body.id}/office-accounts`, {
      username: 'csx_office',
      displayName: '长沙县联工委',
      password: 'Changsha2026',
    });
    expect(account.status).toBe(201);
    expect(account.body).toEqual({
      id: expect.any(Number),
      username: 'csx_office',
      displayName: '长沙县联工委',
      isActive: true,
      mustChangePassword: true,
      initialPassword: null,
    });
    const tree = (await admin.get('/api/installation/congresses')).body.items;
    expect(tree.map((c: { name: string }) => c.name)).toEqual([
      '湖南省人民代表大会',
      '长沙市人民代表大会',
      '长沙县人民代表大会',
    ]);
    expect(tree[2].officeAccounts.map((a: { username: string }) => a.username)).toEqual(['csx_office']);
    const office = await login(t.app, 'csx_office', 'Changsha2026');
    expect(office.me.grants).toEqual([
      expect.objectContaining({
        role: 'liaison_office',
        congressId: created.body.id,
        congressName: '长沙县人民代表大会',
      }),
    ]);
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'actor_role', 'congress_id'])
      .where('actor_user_id', '=', await adminId())
      .where('action', 'like', 'congress.%')
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'congress.created', actor_role: 'system_admin', congress_id: created.body.id },
      { action: 'congress.office_account_created', actor_role: 'system_admin', congress_id: created.body.id },
    ]);
  });

  const adminId = async () =>
    (await t.db.selectFrom('app_user').select('id').where('username', '=', 'root').executeTakeFirstOrThrow()).id;

  it('refuses a misplaced level, a wrong code, a duplicate, an unknown parent and a weak password, in Chinese', async () => {
    const post = (body: object) => admin.post('/api/installation/congresses', { ...county, ...body });
    const cases: [object, number, string][] = [
      [
        { parentId: t.world.city.id, level: 'province', adminCode: '430000', name: '甲' },
        400,
        '省级人大不能设在设区的市级人大之下',
      ],
      [{ parentId: t.world.city.id, adminCode: '4301', name: '乙' }, 400, '行政区划代码应为6位数字'],
      [
        { parentId: t.world.city.id, adminCode: '430121', name: '丙' },
        409,
        '行政区划代码 430121 已属于「长沙县人民代表大会」',
      ],
      [{ parentId: t.world.city.id, adminCode: '430122' }, 409, '同一上级下已有「长沙县人民代表大会」'],
      [{ parentId: 99_999, adminCode: '430123', name: '丁' }, 404, '上级人大不存在或无权查看'],
      [{ parentId: t.world.city.id, adminCode: '430124', name: '' }, 400, '输入有误：name：请填写名称'],
    ];
    for (const [body, status, message] of cases) {
      const res = await post(body);
      expect([res.status, res.body.message], JSON.stringify(body)).toEqual([status, message]);
    }
    const account = (body: object) =>
      admin.post(`/api/installation/congresses/${t.world.city.id}/office-accounts`, {
        username: 'city_office2',
        displayName: '市联工委',
        ...body,
      });
    expect((await account({ password: 'short1' })).body.message).toBe('密码至少10位');
    expect((await account({ username: 'city_office' })).body).toEqual({
      code: 'conflict',
      message: '用户名「city_office」已被使用',
    });
    expect((await account({ username: 'bad name' })).status).toBe(400);
    const missing = await admin.post('/api/installation/congresses/99999/office-accounts', {
      username: 'nobody1',
      displayName: '无',
    });
    expect(missing.status).toBe(404);
    expect(await t.db.selectFrom('congress').select('id').execute()).toHaveLength(3);
  });

  it('generates a password when none is given, answered once', async () => {
    const res = await admin.post(`/api/installation/congresses/${t.world.city.id}/office-accounts`, {
      username: 'city_office3',
      displayName: '市联工委三',
    });
    expect(res.status).toBe(201);
    expect(res.body.initialPassword).toMatch(/^[A-Za-z2-9]{14}$/);
    const tree = (await admin.get('/api/installation/congresses')).body.items;
    expect(JSON.stringify(tree)).not.toContain(res.body.initialPassword);
  });

  it('reads no suggestion and uses no congress route', async () => {
    for (const url of ['/api/suggestions', '/api/rules', '/api/promises', '/api/audit-log', '/api/figures/overview']) {
      const res = await admin.get(url);
      expect(res.status, url).toBe(403);
      expect(res.body.message, url).toBe('系统管理员只管理人大机构和联工委账号，不能使用此功能');
    }
    expect((await admin.post('/api/suggestions', { title: '关于测试的建议' })).status).toBe(403);
  });

  it('is the only one who administers the installation', async () => {
    for (const username of ['office', 'transport_handler', 'zhang', 'leader']) {
      const someone = await login(t.app, username);
      expect((await someone.get('/api/installation/congresses')).status, username).toBe(403);
      const res = await someone.post('/api/installation/congresses', {
        ...county,
        parentId: null,
        adminCode: '430199',
        name: '戊',
      });
      expect(res.status, username).toBe(403);
      expect(res.body.message).toBe('只有系统管理员可以执行此操作');
    }
    const stranger = await t.app.inject({ method: 'GET', url: '/api/installation/congresses' });
    expect(stranger.statusCode).toBe(401);
  });
});
