import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../app.js';
import { Client, login, useTestApp } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';
import { createSystemAdmin } from '../../modules/installation/commands/create-system-admin.js';

const PASSWORD = 'Lianxin2026';
const safety = {
  accountFailures: 4,
  addressFailures: 3,
  failureWindowMinutes: 15,
  lockMinutes: 15,
  sessionIdleMinutes: 30,
  sessionMaxDays: 7,
};

describe.each(backends)('account safety (%s)', (backend) => {
  const t = useTestApp(backend);
  // Two server processes on one database: each has its own session memory and rate limiter.
  let a: App;
  let b: App;
  beforeAll(async () => {
    // The tests stand behind a proxy on this machine, which names each client's address.
    const config = { ...t.app.ctx.config, accountSafety: safety, trustProxy: '127.0.0.1' };
    a = await buildApp({ ...t.app.ctx, config });
    b = await buildApp({ ...t.app.ctx, config });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  const attempt = (app: App, username: string, password: string, address: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-for': address },
      payload: { username, password },
    });
  const minutes = (m: number) => t.clock.set(new Date(t.clock.now().getTime() + m * 60_000));

  it('locks an account after repeated failures counted by both servers, until the office lifts it', async () => {
    const statuses = [];
    for (let i = 0; i < safety.accountFailures; i++) {
      statuses.push((await attempt(i % 2 ? a : b, 'zhang', 'wrong-password', `10.1.0.${i}`)).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401]);
    for (const app of [a, b]) {
      const refused = await attempt(app, 'zhang', PASSWORD, '10.1.1.1');
      expect(refused.statusCode).toBe(429);
      expect(refused.json()).toEqual({
        code: 'login_locked',
        message: '该账号登录失败次数过多，已锁定，请15分钟后再试，或请联工委解除锁定',
      });
    }
    const zhangId = t.world.deputies.zhang.user.id;
    const locked = await t.db
      .selectFrom('audit_event')
      .select(['congress_id', 'actor_user_id'])
      .where('action', '=', 'user.locked')
      .where('entity_id', '=', zhangId)
      .execute();
    expect(locked).toEqual([{ congress_id: t.world.province.id, actor_user_id: null }]);

    // Only the office of the account's congress lifts it; a unit handler may not administer.
    const cityOffice = await login(a, 'city_office');
    expect((await cityOffice.post(`/api/accounts/${zhangId}/unlock`)).status).toBe(404);
    const handler = await login(a, 'transport_handler');
    expect((await handler.post(`/api/accounts/${zhangId}/unlock`)).status).toBe(403);
    expect((await attempt(a, 'zhang', PASSWORD, '10.1.1.2')).statusCode).toBe(429);
    const office = await login(b, 'office');
    expect((await office.post(`/api/accounts/${zhangId}/unlock`)).status).toBe(204);
    expect((await attempt(a, 'zhang', PASSWORD, '10.1.1.3')).statusCode).toBe(200);
    const lifted = await t.db
      .selectFrom('audit_event')
      .select(['actor_user_id', 'before_state'])
      .where('action', '=', 'user.unlocked')
      .where('entity_id', '=', zhangId)
      .executeTakeFirstOrThrow();
    expect(lifted.actor_user_id).toBe(t.world.users.office.id);
    expect(lifted.before_state).toEqual({ lockedUntil: expect.any(String) });
  });

  it('lifts a lock by itself once its minutes have passed', async () => {
    for (let i = 0; i < safety.accountFailures; i++) await attempt(a, 'wang', 'wrong-password', `10.2.0.${i}`);
    expect((await attempt(b, 'wang', PASSWORD, '10.2.1.1')).statusCode).toBe(429);
    minutes(14);
    expect((await attempt(b, 'wang', PASSWORD, '10.2.1.1')).statusCode).toBe(429);
    minutes(2);
    expect((await attempt(b, 'wang', PASSWORD, '10.2.1.1')).statusCode).toBe(200);
  });

  it('stops a flood of wrong passwords from one address before it locks anyone out', async () => {
    const victims = ['li', 'zhao', 'gov', 'committee', 'leader', 'zhang'];
    const statuses = [];
    for (let round = 0; round < 3; round++) {
      for (const username of victims) {
        statuses.push((await attempt(round % 2 ? a : b, username, 'guess-2026', '10.66.6.6')).statusCode);
      }
    }
    expect(statuses.slice(0, safety.addressFailures)).toEqual([401, 401, 401]);
    expect(new Set(statuses.slice(safety.addressFailures))).toEqual(new Set([429]));
    const refused = await attempt(a, 'li', PASSWORD, '10.66.6.6');
    expect(refused.json()).toEqual({ code: 'login_locked', message: '本机登录失败次数过多，请15分钟后再试' });
    // From their own addresses, every targeted account still logs in.
    for (const [i, username] of victims.entries()) {
      expect((await attempt(b, username, PASSWORD, `10.3.0.${i}`)).statusCode, username).toBe(200);
    }
    // One account hammered from one address: the address stops it below the account's limit.
    for (let i = 0; i < 10; i++) await attempt(a, 'zhao', 'guess-2026', '10.77.7.7');
    expect((await attempt(b, 'zhao', PASSWORD, '10.3.1.1')).statusCode).toBe(200);
  });

  it('ends a session left idle, and writes its last-seen stamp at most once a minute', async () => {
    const zhang = await login(a, 'zhang');
    const stamp = async () =>
      (
        await t.db
          .selectFrom('user_session')
          .select('last_seen_at')
          .where('user_id', '=', t.world.deputies.zhang.user.id)
          .orderBy('created_at', 'desc')
          .executeTakeFirstOrThrow()
      ).last_seen_at.getTime();
    const created = await stamp();
    for (let i = 0; i < 3; i++) expect((await zhang.get('/api/suggestions')).status).toBe(200);
    expect(await stamp()).toBe(created);
    minutes(29);
    expect((await zhang.get('/api/suggestions')).status).toBe(200);
    expect(await stamp()).toBeGreaterThanOrEqual(created + 29 * 60_000);
    minutes(29);
    expect((await zhang.get('/api/suggestions')).status).toBe(200);
    minutes(31);
    expect((await zhang.get('/api/suggestions')).status).toBe(401);
    expect((await zhang.get('/api/auth/me')).body).toEqual({ user: null });
  });

  it('ends a disabled account’s sessions: at once where it was disabled, within the cache bound elsewhere', async () => {
    const onA = await login(a, 'leader');
    const onB = new Client(b, onA.cookie, onA.csrfToken, onA.me);
    expect((await onA.get('/api/auth/me')).body.user.username).toBe('leader');
    expect((await onB.get('/api/auth/me')).body.user.username).toBe('leader');
    // Disabled through server A: the account and its sessions, and A's memory of them.
    await t.db.updateTable('app_user').set({ is_active: false }).where('username', '=', 'leader').execute();
    a.sessions.forgetUser(t.world.users.leader.id);
    expect((await onA.get('/api/auth/me')).body).toEqual({ user: null });
    // Server B read the session a moment ago; it reads it again within five seconds.
    t.clock.set(new Date(t.clock.now().getTime() + 5_001));
    expect((await onB.get('/api/auth/me')).body).toEqual({ user: null });
    expect((await onB.get('/api/suggestions')).status).toBe(401);
  });

  it('holds back a user whose password an administrator set until they change it', async () => {
    await createSystemAdmin(t.db, { username: 'root', displayName: '系统管理员', password: 'Install2026x' });
    const admin = await login(a, 'root', 'Install2026x');
    const created = await admin.post(`/api/installation/congresses/${t.world.city.id}/office-accounts`, {
      username: 'cs_new',
      displayName: '罗文',
    });
    expect(created.status).toBe(201);
    const first = await login(a, 'cs_new', created.body.initialPassword);
    expect(first.me).toMatchObject({ mustChangePassword: true });
    const held = await first.get('/api/suggestions');
    expect(held.status).toBe(403);
    expect(held.body).toEqual({
      code: 'password_change_required',
      message: '您的密码由管理员设置，请先修改密码再继续使用',
    });
    expect((await first.get('/api/auth/me')).status).toBe(200);
    expect(
      (
        await first.post('/api/auth/password', {
          currentPassword: created.body.initialPassword,
          newPassword: 'cs_new2026abc',
        })
      ).body.message,
    ).toBe('新密码不能包含用户名');
    expect(
      (
        await first.post('/api/auth/password', {
          currentPassword: created.body.initialPassword,
          newPassword: 'Changsha2026',
        })
      ).status,
    ).toBe(204);
    expect((await first.get('/api/auth/me')).body.mustChangePassword).toBe(false);
    expect((await first.get('/api/suggestions')).status).toBe(200);
  });

  it('without a trusted proxy, a client cannot slip the address limit by naming other addresses', async () => {
    const direct = await buildApp({ ...t.app.ctx, config: { ...t.app.ctx.config, accountSafety: safety } });
    try {
      const statuses = [];
      for (let i = 0; i <= safety.addressFailures; i++)
        statuses.push((await attempt(direct, `nobody${i}`, 'guess-2026', `10.88.${i}.1`)).statusCode);
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await direct.close();
      minutes(safety.lockMinutes + 1);
    }
  });
});
