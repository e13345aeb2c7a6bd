import { describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { grantRole } from '../../db/seeds/fixtures.js';
import { login, useTestApp } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';

describe.each(backends)('logging in, roles and passwords (%s)', (backend) => {
  const t = useTestApp(backend);

  it('a user with two roles switches between them, and sees what each role sees', async () => {
    const { city, deputies } = t.world;
    await grantRole(t.db, deputies.wang.user.id, { congressId: city.id, role: 'liaison_office' });
    const wang = await login(t.app, 'wang');
    expect(wang.me.grants.map((g) => g.role)).toEqual(['deputy', 'liaison_office']);
    expect((await wang.get('/api/rules')).status).toBe(200);
    expect((await wang.put('/api/calendar/2026', { entries: [] })).status).toBe(403);
    const officeGrant = wang.me.grants.find((g) => g.role === 'liaison_office')!;
    const switched = await wang.post('/api/auth/switch-role', { grantId: officeGrant.id });
    expect(switched.body.activeGrantId).toBe(officeGrant.id);
    expect(
      (await wang.get('/api/auth/me')).body.grants.find((g: { id: number }) => g.id === officeGrant.id).congressName,
    ).toBe('长沙市人民代表大会');
    expect((await wang.put('/api/calendar/2026', { entries: [] })).status).toBe(200);
    const foreign = await login(t.app, 'office');
    expect((await wang.post('/api/auth/switch-role', { grantId: foreign.me.activeGrantId })).status).toBe(403);
  });

  it('changing the password needs the old one, a strong new one, and logs out other devices', async () => {
    const first = await login(t.app, 'li');
    const second = await login(t.app, 'li');
    expect(
      (await first.post('/api/auth/password', { currentPassword: 'wrong', newPassword: 'NewPass2026' })).body.message,
    ).toBe('原密码不正确');
    expect(
      (await first.post('/api/auth/password', { currentPassword: 'Lianxin2026', newPassword: 'short' })).body.message,
    ).toBe('新密码至少10位');
    expect(
      (await first.post('/api/auth/password', { currentPassword: 'Lianxin2026', newPassword: 'onlylettersss' })).body
        .message,
    ).toBe('新密码须同时包含字母和数字');
    expect(
      (await first.post('/api/auth/password', { currentPassword: 'Lianxin2026', newPassword: 'aaa111aaa111' })).body
        .message,
    ).toBe('新密码过于简单：请勿重复同几个字符');
    expect(
      (await first.post('/api/auth/password', { currentPassword: 'Lianxin2026', newPassword: 'Lianxin2026' })).body
        .message,
    ).toBe('新密码不能与原密码相同');
    expect(
      (await first.post('/api/auth/password', { currentPassword: 'Lianxin2026', newPassword: 'NewPass2026' })).status,
    ).toBe(204);
    expect((await second.get('/api/auth/me')).body).toEqual({ user: null });
    expect((await second.get('/api/suggestions')).status).toBe(401);
    expect((await first.get('/api/auth/me')).body.user.username).toBe('li');
    await expect(login(t.app, 'li')).rejects.toThrow();
    expect((await login(t.app, 'li', 'NewPass2026')).me.grants).toHaveLength(1);
  });

  it('logging out ends the session', async () => {
    const zhang = await login(t.app, 'zhang');
    expect((await zhang.post('/api/auth/logout')).status).toBe(204);
    expect((await zhang.get('/api/suggestions')).status).toBe(401);
    expect((await zhang.get('/api/auth/me')).body).toEqual({ user: null });
  });

  it('the session probe answers a stranger 200 {user: null}, not 401; everything else still needs a login', async () => {
    for (const cookie of [undefined, 'lx_session=not-a-session']) {
      const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: cookie ? { cookie } : {} });
      expect(res.statusCode, cookie).toBe(200);
      expect(res.json(), cookie).toEqual({ user: null });
      const other = await t.app.inject({ method: 'GET', url: '/api/suggestions', headers: cookie ? { cookie } : {} });
      expect(other.statusCode, cookie).toBe(401);
    }
    const zhang = await login(t.app, 'zhang');
    const me = (await zhang.get('/api/auth/me')).body;
    expect(me.user.username).toBe('zhang');
    expect(me.csrfToken).toBe(zhang.csrfToken);
    expect(me.grants.map((g: { role: string }) => g.role)).toEqual(['deputy']);
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const answer = JSON.stringify(doc.paths['/api/auth/me'].get.responses['200']);
    expect(answer).toContain('#/components/schemas/Session');
    expect(JSON.stringify(doc.components.schemas.Session)).toContain('csrfToken');
    expect(answer).toMatch(/"enum":\[null\]|"type":"null"/);
  });

  it('sets the session cookie httpOnly and SameSite, and audits the login', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'zhang', password: 'Lianxin2026' },
    });
    const cookie = res.cookies.find((c) => c.name === 'lx_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const logins = await t.db
      .selectFrom('audit_event')
      .select('actor_user_id')
      .where('action', '=', 'user.logged_in')
      .where('actor_user_id', '=', t.world.deputies.zhang.user.id)
      .execute();
    expect(logins.length).toBeGreaterThanOrEqual(1);
  });

  it('serves the OpenAPI document of the whole API', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/suggestions', '/api/suggestions/{id}/ratings', '/api/auth/login', '/api/rules']),
    );
    expect(doc.paths['/api/suggestions'].post.requestBody.content['application/json'].schema.required).toContain(
      'title',
    );
  });
});

describe('login attempts are rate-limited per address', () => {
  const t = useTestApp('pglite');

  it('answers 429 in Chinese after too many attempts in a minute', async () => {
    const statuses: number[] = [];
    // The limit is fixed when the routes are built: a second app on the same database allows 3.
    const limited = await buildApp({ ...t.app.ctx, config: { ...t.app.ctx.config, loginRateLimit: 3 } });
    for (let i = 0; i < 5; i++) {
      const res = await limited.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'zhang', password: 'bad' },
      });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) expect(res.json().message).toBe('尝试过于频繁，请稍后再试');
    }
    await limited.close();
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });
});
