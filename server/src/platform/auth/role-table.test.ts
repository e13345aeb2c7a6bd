import { describe, expect, it } from 'vitest';
import { createNamed, createUser } from '../../db/seeds/fixtures.js';
import { submitted } from '../../test/flows.js';
import { login, useTestApp } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';
import { grantScopeProblem, roleNames, roleTable } from './role-table.js';

describe('the role table', () => {
  it('names each role in Chinese with the one scope it needs', () => {
    expect(roleTable.group_leader).toEqual({ label: '代表小组组长', scope: 'deputy_group_id' });
    expect(grantScopeProblem('group_leader', {})).toBe('代表小组组长须指定代表小组');
    expect(grantScopeProblem('group_leader', { deputy_group_id: 3 })).toBeNull();
    expect(grantScopeProblem('evaluator', { unit_id: 2 })).toBe('评估人员不应指定承办单位');
    expect(grantScopeProblem('unit_signer', { unit_id: 2, committee_id: 1 })).toBe('承办单位签发人不应指定专门委员会');
    for (const role of roleNames) expect(roleTable[role].label.length).toBeGreaterThan(1);
  });
});

describe.each(backends)('roles in the database (%s)', (backend) => {
  const t = useTestApp(backend);

  it('accepts every role with its scope and refuses a grant whose scope does not fit', async () => {
    const group = await createNamed(t.db, 'deputy_group', t.world.province.id, '第一代表小组');
    const scopeOf = { deputy_group_id: group.id, unit_id: t.world.units.transport.unit.id } as const;
    const user = await createUser(t.db, { username: 'many_roles', displayName: '多角色' });
    for (const role of [
      'standing_member',
      'group_leader',
      'evaluator',
      'township_presidium',
      'party_reviewer',
      'township_government',
      'station_staff',
    ] as const) {
      const column = roleTable[role].scope;
      await t.db
        .insertInto('role_grant')
        .values({
          user_id: user.id,
          congress_id: t.world.province.id,
          role,
          deputy_id: null,
          unit_id: null,
          unit_system_id: null,
          committee_id: null,
          ...(column ? { [column]: scopeOf[column as keyof typeof scopeOf] } : {}),
        })
        .execute();
    }
    const refused = (values: object) =>
      t.db
        .insertInto('role_grant')
        .values({
          user_id: user.id,
          congress_id: t.world.province.id,
          role: 'group_leader',
          deputy_id: null,
          unit_id: null,
          unit_system_id: null,
          committee_id: null,
          ...values,
        })
        .execute();
    await expect(refused({})).rejects.toThrow(/role_grant_scope_check/);
    await expect(refused({ deputy_group_id: group.id, unit_id: t.world.units.transport.unit.id })).rejects.toThrow(
      /role_grant_scope_check/,
    );
    await expect(refused({ role: 'chairman' })).rejects.toThrow(/role_grant_role_check/);
    // The same grant twice is one grant (nulls in its scope count as equal).
    await expect(refused({ role: 'evaluator' })).rejects.toThrow(/role_grant_once/);
  });

  it('shows the later modules’ roles no suggestion until their module says which', async () => {
    const zhang = await login(t.app, 'zhang');
    await submitted(zhang, '关于新角色可见范围的建议');
    const member = await createUser(t.db, {
      username: 'standing',
      displayName: '常委会委员',
      grants: [{ congressId: t.world.province.id, role: 'standing_member' }],
    });
    const client = await login(t.app, member.username);
    expect(client.me.grants.map((g) => g.role)).toEqual(['standing_member']);
    const list = await client.get('/api/suggestions');
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(0);
    expect((await client.get('/api/promises')).body.items).toEqual([]);
  });
});
