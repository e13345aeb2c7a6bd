import { describe, expect, it } from 'vitest';
import { a1Reply, acknowledgement, assigned, registered } from '../../test/flows.js';
import { login, SESSION_MORNING, useTestApp } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';

// The rules a liaison office catches in its first week (issue: Part A made right). Each
// block starts on its own database at 10:00 on 12 January 2026, during the session.

describe.each(backends)('the reassignment window of each assignment (%s)', (backend) => {
  const t = useTestApp(backend);

  it('ends on the later of its own window and the session-wide date, and is never shortened below its own', async () => {
    const office = await login(t.app, 'office');
    const zhang = await login(t.app, 'zhang');
    const session = t.world.session.id;
    // The office set a session date before this assignment's own 10 days end.
    expect((await office.post(`/api/sessions/${session}/reassignment-window`, { until: '2026-01-15' })).status).toBe(
      200,
    );
    const id = await assigned(
      zhang,
      office,
      [{ unitId: t.world.units.transport.unit.id, role: 'sole' }],
      'sole',
      '关于完善农村客运网络的建议',
    );
    const part = () => office.get(`/api/suggestions/${id}`).then((r) => r.body.assignments[0]);
    expect((await part()).reassignmentWindowUntil).toBe('2026-01-22');
    // Extended for everyone (as in 2020), then brought back: never below the assignment's own.
    await office.post(`/api/sessions/${session}/reassignment-window`, { until: '2026-02-28' });
    expect((await part()).reassignmentWindowUntil).toBe('2026-02-28');
    await office.post(`/api/sessions/${session}/reassignment-window`, { until: '2026-01-16' });
    expect((await part()).reassignmentWindowUntil).toBe('2026-01-22');
  });

  it('gives an assignment made after the session date its own full window', async () => {
    const office = await login(t.app, 'office');
    const zhang = await login(t.app, 'zhang');
    const handler = await login(t.app, 'development_handler');
    const s = await registered(zhang, office, '关于支持县域商业体系建设的建议');
    t.clock.advanceDays(30); // 11 February: the session date (16 January) is long past.
    const r = (await office.get(`/api/suggestions/${s.id}`)).body;
    await office.post('/api/suggestions/assign', {
      items: [
        {
          suggestionId: s.id,
          version: r.version,
          mode: 'sole',
          units: [{ unitId: t.world.units.development.unit.id, role: 'sole' }],
        },
      ],
    });
    const detail = (await office.get(`/api/suggestions/${s.id}`)).body;
    // 10 days from 11 February end on the 21st, in the Spring Festival holiday: the next working day.
    expect(detail.assignments[0]).toMatchObject({ assignedOn: '2026-02-11', reassignmentWindowUntil: '2026-02-24' });
    const req = await handler.post(`/api/suggestions/${s.id}/reassignment-requests`, { reason: '不属于我委职责' });
    expect(req.status, JSON.stringify(req.body)).toBe(200);
  });
});

describe.each(backends)('accepting one unit’s reassignment request (%s)', (backend) => {
  const t = useTestApp(backend);

  it('ends that unit’s record and opens the new unit’s; the other units keep theirs, with deadlines, drafts and state', async () => {
    const { units } = t.world;
    const office = await login(t.app, 'office');
    const zhang = await login(t.app, 'zhang');
    const transport = await login(t.app, 'transport_handler');
    const development = await login(t.app, 'development_handler');
    const id = await assigned(
      zhang,
      office,
      [
        { unitId: units.transport.unit.id, role: 'lead' },
        { unitId: units.development.unit.id, role: 'co' },
      ],
      'lead_co',
      '关于加强农村公路养护的建议',
    );
    expect((await transport.post(`/api/suggestions/${id}/acknowledge`, acknowledgement)).status).toBe(200);
    expect((await transport.put(`/api/suggestions/${id}/reply`, { ...a1Reply, body: '答复草稿' })).status).toBe(200);
    const before = (await office.get(`/api/suggestions/${id}`)).body.assignments.find(
      (a: { role: string }) => a.role === 'lead',
    );

    t.clock.advanceDays(3);
    expect(
      (
        await development.post(`/api/suggestions/${id}/reassignment-requests`, {
          reason: '非我委职责',
          proposedUnitIds: [units.education.unit.id],
        })
      ).status,
    ).toBe(200);
    const pending = (await office.get('/api/reassignment-requests?status=pending')).body.items.find(
      (r: { suggestionId: number }) => r.suggestionId === id,
    );
    const ruling = await office.post(`/api/reassignment-requests/${pending.id}/ruling`, {
      accept: true,
      reason: '同意',
      mode: 'lead_co',
      units: [
        { unitId: units.transport.unit.id, role: 'lead' },
        { unitId: units.education.unit.id, role: 'co' },
      ],
    });
    expect(ruling.status).toBe(200);

    const after = (await office.get(`/api/suggestions/${id}`)).body;
    const lead = after.assignments.find((a: { role: string }) => a.role === 'lead');
    expect(lead).toMatchObject({
      id: before.id,
      state: 'handling',
      assignedOn: '2026-01-12',
      replyDue: before.replyDue,
      handlerName: '刘洋',
    });
    expect(after.assignments.find((a: { unitId: number }) => a.unitId === units.development.unit.id).state).toBe(
      'ended',
    );
    expect(after.assignments.find((a: { unitId: number }) => a.unitId === units.education.unit.id)).toMatchObject({
      state: 'pending_ack',
      assignedOn: '2026-01-15',
    });
    expect(after.status).toBe('assigned');
    const unitView = (await transport.get(`/api/suggestions/${id}`)).body;
    expect(unitView.replies.find((r: { state: string }) => r.state === 'draft').body).toBe('答复草稿');
  });
});

describe.each(backends)('what a liaison office would catch in a reassignment (%s)', (backend) => {
  const t = useTestApp(backend);

  it('keeps the lead unit’s record when its co-unit leaves and it handles alone', async () => {
    const { units } = t.world;
    const office = await login(t.app, 'office');
    const zhang = await login(t.app, 'zhang');
    const transport = await login(t.app, 'transport_handler');
    const development = await login(t.app, 'development_handler');
    const id = await assigned(
      zhang,
      office,
      [
        { unitId: units.transport.unit.id, role: 'lead' },
        { unitId: units.development.unit.id, role: 'co' },
      ],
      'lead_co',
      '关于完善公路养护机制的建议',
    );
    expect((await transport.post(`/api/suggestions/${id}/acknowledge`, acknowledgement)).status).toBe(200);
    const before = (await office.get(`/api/suggestions/${id}`)).body.assignments.find(
      (a: { role: string }) => a.role === 'lead',
    );
    expect(
      (await development.post(`/api/suggestions/${id}/reassignment-requests`, { reason: '非我委职责' })).status,
    ).toBe(200);
    const pending = (await office.get('/api/reassignment-requests?status=pending')).body.items.find(
      (r: { suggestion_id?: number; suggestionId?: number }) => (r.suggestionId ?? r.suggestion_id) === id,
    );
    t.clock.advanceDays(2);
    const ruling = await office.post(`/api/reassignment-requests/${pending.id}/ruling`, {
      accept: true,
      reason: '由交通厅单独办理',
      mode: 'sole',
      units: [{ unitId: units.transport.unit.id, role: 'sole' }],
    });
    expect(ruling.status).toBe(200);
    const after = (await office.get(`/api/suggestions/${id}`)).body;
    const live = after.assignments.filter((a: { state: string }) => a.state !== 'ended');
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({
      id: before.id,
      role: 'sole',
      state: 'handling',
      assignedOn: '2026-01-12',
      replyDue: before.replyDue,
    });
    t.clock.set(SESSION_MORNING);
  });

  it('refuses a session-wide window date already past, and tells the units a new one', async () => {
    const office = await login(t.app, 'office');
    const handler = await login(t.app, 'transport_handler');
    const past = await office.post(`/api/sessions/${t.world.session.id}/reassignment-window`, { until: '2026-01-11' });
    expect(past.status).toBe(400);
    expect(past.body.message).toContain('不能早于今天');
    expect(
      (await office.post(`/api/sessions/${t.world.session.id}/reassignment-window`, { until: '2026-02-28' })).status,
    ).toBe(200);
    const notices = (await handler.get('/api/notices')).body.items.map((n: { title: string }) => n.title);
    expect(notices).toContain('调整申请期限统一调整至2026年2月28日');
  });

  it('keeps a resubmitted suggestion in the series it first went into', async () => {
    const office = await login(t.app, 'office');
    const zhang = await login(t.app, 'zhang');
    let s = (
      await zhang.post('/api/suggestions', {
        title: '关于加强水库安全管理的建议',
        body: '内容。',
        categoryCode: 'agriculture',
        submit: true,
      })
    ).body;
    expect(s.period).toBe('in_session');
    s = (await office.post(`/api/suggestions/${s.id}/return`, { comment: '请补充', version: s.version })).body;
    t.clock.set(new Date('2026-01-25T02:00:00Z')); // submissions of the session closed on the 18th
    s = (await zhang.post(`/api/suggestions/${s.id}/submit`, { version: s.version })).body;
    expect(s).toMatchObject({ status: 'submitted', period: 'in_session' });
    t.clock.set(SESSION_MORNING);
  });
});
