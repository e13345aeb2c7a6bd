import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { login, useTestApp } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';

const content = {
  title: '关于加强农村饮水安全保障的建议',
  body: '建议内容：部分山区村组饮水保障仍不稳定。',
  categoryCode: 'agriculture',
};

describe.each(backends)('writing and submitting in one request (%s)', (backend) => {
  const t = useTestApp(backend);
  const count = async () =>
    Number(
      (
        await t.db
          .selectFrom('suggestion')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('submits a new suggestion at once, audited as written and submitted, and the office is told', async () => {
    const zhang = await login(t.app, 'zhang');
    const office = await login(t.app, 'office');
    const res = await zhang.post('/api/suggestions', { ...content, submit: true });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'submitted', statusLabel: '待审核', period: 'in_session', version: 1 });
    expect(res.body.timeline.map((e: { action: string }) => e.action)).toEqual([
      'suggestion.created',
      'suggestion.submitted',
    ]);
    const notices = (await office.get('/api/notices')).body.items;
    expect(notices).toContainEqual(
      expect.objectContaining({
        kind: 'submitted',
        suggestionId: res.body.id,
        title: `收到代表建议待审核：${content.title}`,
      }),
    );
    const registered = await office.post(`/api/suggestions/${res.body.id}/register`, { version: res.body.version });
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
  });

  it('puts a suggestion sent after the session’s closing time in the between-sessions series', async () => {
    const li = await login(t.app, 'li');
    t.clock.set(new Date('2026-01-19T02:00:00Z'));
    const res = await li.post('/api/suggestions', {
      ...content,
      title: '关于完善农村寄递物流体系的建议',
      submit: true,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.period).toBe('between_sessions');
  });

  it('notices at once when the office moves the closing time or changes the current session', async () => {
    const wang = await login(t.app, 'wang');
    t.clock.set(new Date('2026-01-12T02:00:00Z'));
    const first = await wang.post('/api/suggestions', {
      ...content,
      title: '关于推进老旧小区加装电梯的建议',
      submit: true,
    });
    expect(first.body.period).toBe('in_session');
    await sql`update congress_session set submission_closes_at = '2026-01-12T01:00:00Z' where id = ${t.world.session.id}`.execute(
      t.db,
    );
    const afterClosing = await wang.post('/api/suggestions', {
      ...content,
      title: '关于加快城乡供水一体化的建议',
      submit: true,
    });
    expect(afterClosing.body.period).toBe('between_sessions');
    await sql`update congress_session set submission_closes_at = '2026-01-18T10:00:00.123456Z' where id = ${t.world.session.id}`.execute(
      t.db,
    );
    const reopened = await wang.post('/api/suggestions', {
      ...content,
      title: '关于完善社区养老服务设施的建议',
      submit: true,
    });
    expect(reopened.body.period).toBe('in_session');
    await sql`update congress_session set is_current = false where id = ${t.world.session.id}`.execute(t.db);
    const none = await wang.post('/api/suggestions', { ...content, title: '关于规范校外培训机构的建议', submit: true });
    expect(none.status).toBe(409);
    expect(none.body.message).toBe('本级人大尚未设置当前会议，暂不能提出建议');
    await sql`update congress_session set is_current = true where id = ${t.world.session.id}`.execute(t.db);
  });

  it('refuses co-signers, an unknown category and a bad title, and writes nothing', async () => {
    const zhang = await login(t.app, 'zhang');
    const before = await count();
    const withCosigner = await zhang.post('/api/suggestions', {
      ...content,
      cosignerDeputyIds: [t.world.deputies.li.deputy.id],
      submit: true,
    });
    expect(withCosigner.status).toBe(409);
    expect(withCosigner.body.message).toBe('有联名代表的建议须先保存草稿，待联名代表确认后再提交');
    const badCategory = await zhang.post('/api/suggestions', { ...content, categoryCode: 'nonexistent', submit: true });
    expect(badCategory.status).toBe(400);
    expect(badCategory.body.message).toBe('建议类别不存在');
    const badTitle = await zhang.post('/api/suggestions', { ...content, title: '农村饮水', submit: true });
    expect(badTitle.status).toBe(400);
    const notABoolean = await zhang.post('/api/suggestions', { ...content, submit: 'yes' });
    expect(notABoolean.status).toBe(400);
    expect(notABoolean.body.message).toMatch(/^输入有误/);
    const office = await login(t.app, 'office');
    expect((await office.post('/api/suggestions', { ...content, submit: true })).status).toBe(403);
    expect(await count()).toBe(before);
  });
});

describe.each(backends)('submitting a draft (%s)', (backend) => {
  const t = useTestApp(backend);

  it('writes the audit row, the office’s notice and its mail event with the change', async () => {
    const zhang = await login(t.app, 'zhang');
    const draft = await zhang.post('/api/suggestions', { ...content, title: '关于改善乡村公路养护的建议' });
    expect(draft.status).toBe(201);
    const res = await zhang.post(`/api/suggestions/${draft.body.id}/submit`, { version: draft.body.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'submitted', version: draft.body.version + 1, period: 'in_session' });
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'actor_user_id', 'actor_role', 'entity_id', 'before_state', 'after_state'])
      .where('suggestion_id', '=', draft.body.id)
      .where('action', '=', 'suggestion.submitted')
      .execute();
    expect(audit).toEqual([
      {
        action: 'suggestion.submitted',
        actor_user_id: t.world.deputies.zhang.user.id,
        actor_role: 'deputy',
        entity_id: draft.body.id,
        before_state: { status: 'draft' },
        after_state: { status: 'submitted', period: 'in_session' },
      },
    ]);
    const notices = await t.db
      .selectFrom('outbox')
      .select(['id', 'title'])
      .where('suggestion_id', '=', draft.body.id)
      .where('kind', '=', 'submitted')
      .execute();
    expect(notices.map((n) => n.title)).toEqual(['收到代表建议待审核：关于改善乡村公路养护的建议']);
    const mail = await t.db
      .selectFrom('domain_event')
      .select('payload')
      .where('type', '=', 'notices.written')
      .execute();
    expect(mail.map((e) => e.payload)).toContainEqual({ noticeIds: [notices[0]!.id] });
  });

  it('lets one of two simultaneous submits through; the other gets 409 and nothing is written twice', async () => {
    const zhang = await login(t.app, 'zhang');
    const draft = await zhang.post('/api/suggestions', { ...content, title: '关于加强农田水利设施建设的建议' });
    const [a, b] = await Promise.all([
      zhang.post(`/api/suggestions/${draft.body.id}/submit`, { version: draft.body.version }),
      zhang.post(`/api/suggestions/${draft.body.id}/submit`, { version: draft.body.version }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const audits = await t.db
      .selectFrom('audit_event')
      .select('id')
      .where('suggestion_id', '=', draft.body.id)
      .where('action', '=', 'suggestion.submitted')
      .execute();
    expect(audits).toHaveLength(1);
    const stale = await zhang.post(`/api/suggestions/${draft.body.id}/submit`, { version: draft.body.version });
    expect(stale.status).toBe(409);
  });

  it('refuses another deputy’s draft as if it did not exist, and changes nothing', async () => {
    const zhang = await login(t.app, 'zhang');
    const wang = await login(t.app, 'wang');
    const draft = await zhang.post('/api/suggestions', { ...content, title: '关于优化农村客运班线的建议' });
    const res = await wang.post(`/api/suggestions/${draft.body.id}/submit`, { version: draft.body.version });
    expect(res.status).toBe(404);
    expect((await zhang.get(`/api/suggestions/${draft.body.id}`)).body).toMatchObject({
      status: 'draft',
      version: draft.body.version,
    });
  });
});
