import { describe, expect, it } from 'vitest';
import { login, useTestApp } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';

const termBody = { ordinal: 14, startsOn: '2028-01-01', endsOn: '2032-12-31' };
const sessionOf = (termId: number, ordinal = 1) => ({
  termId,
  ordinal,
  opensOn: '2028-01-15',
  closesOn: '2028-01-20',
  submissionClosesAt: '2028-01-18T18:00:00+08:00',
});

describe.each(backends)('terms and sessions on %s', (backend) => {
  const t = useTestApp(backend);

  async function auditActions(entityType: string) {
    const rows = await t.db
      .selectFrom('audit_event')
      .select(['action', 'actor_user_id'])
      .where('entity_type', '=', entityType)
      .where('congress_id', '=', t.world.province.id)
      .orderBy('id')
      .execute();
    return rows.map((r) => r.action);
  }

  it('the office creates a term and a session, opens it, and exactly one session is current', async () => {
    const office = await login(t.app, 'office');
    const created = await office.post('/api/admin/terms', termBody);
    expect(created.status).toBe(201);
    const term = created.body.items.find((x: { ordinal: number }) => x.ordinal === 14);
    expect(term).toMatchObject({ startsOn: '2028-01-01', endsOn: '2032-12-31', sessions: [] });

    const withSession = await office.post('/api/admin/sessions', sessionOf(term.id));
    expect(withSession.status).toBe(201);
    const session = withSession.body.items.find((x: { id: number }) => x.id === term.id).sessions[0];
    expect(session).toMatchObject({ label: '省十四届人大一次会议', isCurrent: false });
    expect(session.submissionClosesAt).toBe('2028-01-18T10:00:00.000Z');

    expect((await office.post(`/api/admin/sessions/${session.id}/open`)).status).toBe(204);
    const current = await t.db
      .selectFrom('congress_session')
      .select(['id', 'reassignment_window_until'])
      .where('congress_id', '=', t.world.province.id)
      .where('is_current', '=', true)
      .execute();
    expect(current.map((c) => c.id)).toEqual([session.id]);
    expect(await auditActions('session')).toEqual(['session.created', 'session.opened']);
    expect(await auditActions('term')).toEqual(['term.created']);

    // The old session opens again; the new one is no longer current.
    expect((await office.post(`/api/admin/sessions/${t.world.session.id}/open`)).status).toBe(204);
    const list = (await office.get('/api/admin/terms')).body.items.flatMap(
      (x: { sessions: { id: number; isCurrent: boolean }[] }) => x.sessions,
    );
    expect(list.filter((s: { isCurrent: boolean }) => s.isCurrent).map((s: { id: number }) => s.id)).toEqual([
      t.world.session.id,
    ]);
  });

  it('edits dates, and refuses a session outside its term or a closing time outside the session (400, Chinese)', async () => {
    const office = await login(t.app, 'office');
    const terms = (await office.get('/api/admin/terms')).body.items;
    const term = terms.find((x: { ordinal: number }) => x.ordinal === 13);
    const outside = await office.post('/api/admin/sessions', { ...sessionOf(term.id, 9), opensOn: '2019-01-01' });
    expect(outside.status).toBe(400);
    expect(outside.body.message).toBe('会议不能早于本届开始日期');
    const lateClose = await office.post('/api/admin/sessions', {
      ...sessionOf(term.id, 9),
      opensOn: '2026-03-01',
      closesOn: '2026-03-05',
      submissionClosesAt: '2026-03-06T09:00:00+08:00',
    });
    expect(lateClose.status).toBe(400);
    expect(lateClose.body.message).toBe('建议截止提交时间应在会议期间');
    const badDate = await office.post('/api/admin/terms', { ...termBody, ordinal: 15, startsOn: '2028-13-01' });
    expect(badDate.status).toBe(400);
    expect(badDate.body.message).toMatch(/日期格式应为YYYY-MM-DD/);

    const moved = await office.put(`/api/admin/sessions/${t.world.session.id}`, {
      termId: term.id,
      ordinal: 3,
      opensOn: '2026-01-10',
      closesOn: '2026-01-21',
      submissionClosesAt: '2026-01-19T18:00:00+08:00',
    });
    expect(moved.status).toBe(200);
    const row = await t.db
      .selectFrom('congress_session')
      .selectAll()
      .where('id', '=', t.world.session.id)
      .executeTakeFirstOrThrow();
    expect(row.closes_on).toBe('2026-01-21');
    expect(row.submission_closes_at.toISOString()).toBe('2026-01-19T10:00:00.000Z');
  });

  it('a duplicate term or session ordinal is 409 with a Chinese message', async () => {
    const office = await login(t.app, 'office');
    const dup = await office.post('/api/admin/terms', { ordinal: 13, startsOn: '2023-01-01', endsOn: null });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: 'conflict', message: '第13届已存在' });
    const dupSession = await office.post('/api/admin/sessions', {
      ...sessionOf(t.world.session.term_id, 3),
      opensOn: '2026-02-01',
      closesOn: '2026-02-03',
      submissionClosesAt: '2026-02-02T12:00:00+08:00',
    });
    expect(dupSession.status).toBe(409);
    expect(dupSession.body.message).toBe('本届第3次会议已存在');
  });

  it('another congress’s office finds nothing (404); a unit handler or a deputy may not administer (403)', async () => {
    const cityOffice = await login(t.app, 'city_office');
    const opened = await cityOffice.post(`/api/admin/sessions/${t.world.session.id}/open`);
    expect(opened.status).toBe(404);
    expect(opened.body.message).toBe('会议不存在或无权查看');
    const edited = await cityOffice.put(`/api/admin/terms/${t.world.session.term_id}`, {
      ordinal: 13,
      startsOn: '2023-01-01',
      endsOn: null,
    });
    expect(edited.status).toBe(404);
    const cityTerms = (await cityOffice.get('/api/admin/terms')).body.items;
    expect(cityTerms.map((x: { ordinal: number }) => x.ordinal)).toEqual([16]);

    for (const username of ['transport_handler', 'zhang', 'gov']) {
      const client = await login(t.app, username);
      const res = await client.post('/api/admin/terms', { ...termBody, ordinal: 20 });
      expect(res.status, username).toBe(403);
      expect(res.body.message).toMatch(/无权执行此操作/);
      expect((await client.get('/api/admin/terms')).status).toBe(403);
    }
  });
});
