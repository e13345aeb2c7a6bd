import { describe, expect, it } from 'vitest';
import { createUser } from '../../db/seeds/fixtures.js';
import { login, useTestApp } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';

const PASSWORD = 'Zhanghao2026x';

describe.each(backends)('accounts and roles on %s', (backend) => {
  const t = useTestApp(backend);

  async function createClerk() {
    const office = await login(t.app, 'office');
    const res = await office.post('/api/admin/accounts', {
      username: 'clerk',
      displayName: '联工委干部',
      password: PASSWORD,
      grant: { role: 'committee', committeeId: t.world.committee.id },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { office, account: res.body };
  }

  it('the office creates an account with its first role, grants and revokes roles with their scope', async () => {
    const { office, account } = await createClerk();
    expect(account).toMatchObject({
      username: 'clerk',
      mustChangePassword: true,
      grants: [{ role: 'committee', committeeId: t.world.committee.id, scopeName: '教育科学文化卫生委员会' }],
      generatedPassword: null,
    });
    const noScope = await office.post(`/api/admin/accounts/${account.id}/grants`, { role: 'unit_handler' });
    expect(noScope.status).toBe(400);
    expect(noScope.body.message).toBe('承办单位经办人须指定承办单位');
    const extra = await office.post(`/api/admin/accounts/${account.id}/grants`, {
      role: 'leader',
      unitId: t.world.units.transport.unit.id,
    });
    expect(extra.status).toBe(400);
    expect(extra.body.message).toBe('常委会领导不应指定承办单位');
    const foreignScope = await office.post(`/api/admin/accounts/${account.id}/grants`, {
      role: 'unit_handler',
      unitId: t.world.units.city.unit.id,
    });
    expect(foreignScope.status).toBe(400);
    expect(foreignScope.body.message).toBe('角色的范围不存在');
    const leader = await office.post(`/api/admin/accounts/${account.id}/grants`, { role: 'standing_member' });
    expect(leader.status).toBe(201);
    expect(leader.body.grants.map((g: { role: string }) => g.role)).toEqual(['committee', 'standing_member']);
    const twice = await office.post(`/api/admin/accounts/${account.id}/grants`, { role: 'standing_member' });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toBe('该账号已有此角色');

    // The holder changes the password an administrator set before anything else.
    await t.db.updateTable('app_user').set({ must_change_password: false }).where('id', '=', account.id).execute();
    const clerk = await login(t.app, 'clerk', PASSWORD);
    const grantId = leader.body.grants[1].id;
    const switched = await clerk.post('/api/auth/switch-role', { grantId });
    expect(switched.status).toBe(200);
    expect((await office.post(`/api/admin/accounts/${account.id}/grants/${grantId}/revoke`)).status).toBe(204);
    // The session that acted in the revoked role ends at once.
    expect((await clerk.get('/api/notices')).status).toBe(401);
    const after = await office.get('/api/admin/accounts?q=clerk');
    expect(after.body.items[0].grants.map((g: { role: string }) => g.role)).toEqual(['committee']);
  });

  it('a password reset sets the must-change flag and ends every session; disabling ends them and stops logins', async () => {
    const office = await login(t.app, 'office');
    const accounts = (await office.get('/api/admin/accounts?q=clerk')).body.items;
    const clerkId = accounts[0].id;
    await t.db.updateTable('app_user').set({ must_change_password: false }).where('id', '=', clerkId).execute();
    const clerk = await login(t.app, 'clerk', PASSWORD);
    const weak = await office.post(`/api/admin/accounts/${clerkId}/password-reset`, { password: 'short1' });
    expect(weak.status).toBe(400);
    const reset = await office.post(`/api/admin/accounts/${clerkId}/password-reset`, {});
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ mustChangePassword: true });
    expect(reset.body.generatedPassword).toMatch(/^[A-Za-z0-9]{14}$/);
    expect((await clerk.get('/api/notices')).status).toBe(401);
    const again = await login(t.app, 'clerk', reset.body.generatedPassword);

    const disabled = await office.post(`/api/admin/accounts/${clerkId}/disable`);
    expect(disabled.status).toBe(200);
    expect(disabled.body.isActive).toBe(false);
    expect((await again.get('/api/notices')).status).toBe(401);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'clerk', password: reset.body.generatedPassword },
    });
    expect(refused.statusCode).not.toBe(200);
    expect((await office.post(`/api/admin/accounts/${clerkId}/disable`)).status).toBe(409);
    expect((await office.post(`/api/admin/accounts/${clerkId}/enable`)).body.isActive).toBe(true);
    const actions = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('entity_type', '=', 'user')
      .where('entity_id', '=', clerkId)
      .where('action', 'like', 'account.%')
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'account.created',
      'account.password_reset',
      'account.disabled',
      'account.enabled',
    ]);
  });

  it('an office cannot lock out people of another congress, and does not see them (404)', async () => {
    const office = await login(t.app, 'office');
    // A person working in both congresses: only the installation's administrator resets them.
    const both = await createUser(t.db, {
      username: 'both',
      displayName: '双重身份',
      grants: [
        { congressId: t.world.province.id, role: 'leader' },
        { congressId: t.world.city.id, role: 'leader' },
      ],
    });
    const blocked = await office.post(`/api/admin/accounts/${both.id}/disable`);
    expect(blocked.status).toBe(403);
    expect(blocked.body.message).toBe('该账号在其他人大也有角色，其密码和停用须由系统管理员办理');
    const cityOfficer = t.world.users.cityOffice.id;
    expect((await office.post(`/api/admin/accounts/${cityOfficer}/password-reset`, {})).status).toBe(404);
    expect((await office.post(`/api/admin/accounts/${cityOfficer}/grants`, { role: 'leader' })).status).toBe(404);
    const listed = await office.get('/api/admin/accounts?pageSize=200');
    const names = listed.body.items.map((a: { username: string }) => a.username);
    expect(names).toContain('both');
    expect(names).not.toContain('city_office');
    expect(names).not.toContain('zhao');
    const bothGrants = listed.body.items.find((a: { username: string }) => a.username === 'both');
    expect(bothGrants).toMatchObject({ hasGrantsElsewhere: true, grants: [{ role: 'leader' }] });
  });

  it('only the office administers accounts: a unit handler and a government office are refused (403)', async () => {
    for (const username of ['transport_handler', 'gov', 'zhang']) {
      const client = await login(t.app, username);
      expect((await client.get('/api/admin/accounts')).status, username).toBe(403);
      const made = await client.post('/api/admin/accounts', {
        username: `x_${username}`,
        displayName: '某人',
        grant: { role: 'leader' },
      });
      expect(made.status, username).toBe(403);
    }
    expect(await t.db.selectFrom('app_user').select('id').where('username', 'like', 'x\\_%').execute()).toEqual([]);
  });
});
