import { describe, expect, it } from 'vitest';
import { runScanOnce } from '../../jobs/scheduler.js';
import { createUser } from '../../db/seeds/fixtures.js';
import { a1Reply, acknowledgement, assigned, registered, replyThroughChain, submitted } from '../../test/flows.js';
import { login, SESSION_MORNING, useTestApp, type Client, type TestContext } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';

// The rules a liaison office catches in its first week (issue: Part A made right). Each
// block starts on its own database at 10:00 on 12 January 2026, during the session.

async function jointSuggestion(t: TestContext, title: string) {
  const zhang = await login(t.app, 'zhang');
  const li = await login(t.app, 'li');
  const office = await login(t.app, 'office');
  const draft = await zhang.post('/api/suggestions', {
    title,
    body: '建议内容。',
    categoryCode: 'transport',
    cosignerDeputyIds: [t.world.deputies.li.deputy.id],
  });
  expect((await li.post(`/api/suggestions/${draft.body.id}/cosign`, { accept: true })).status).toBe(200);
  const s = (await zhang.post(`/api/suggestions/${draft.body.id}/submit`, {})).body;
  const r = (await office.post(`/api/suggestions/${s.id}/register`, { version: s.version })).body;
  const a = await office.post('/api/suggestions/assign', {
    items: [
      {
        suggestionId: r.id,
        version: r.version,
        mode: 'sole',
        units: [{ unitId: t.world.units.education.unit.id, role: 'sole' }],
      },
    ],
  });
  expect(a.status).toBe(200);
  return { id: r.id as number, zhang, li, office };
}

async function sentReply(handler: Client, chain: Client[], id: number, reply: object = a1Reply) {
  expect((await handler.post(`/api/suggestions/${id}/acknowledge`, acknowledgement)).status).toBe(200);
  const s = await replyThroughChain(handler, chain, id, reply);
  return s.replies.filter((r: { state: string }) => r.state === 'sent').at(-1) as {
    id: number;
    feedbackDue: string;
    classTableVersion: string;
  };
}

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

describe.each(backends)('a joint suggestion is rated by every deputy, in any order (%s)', (backend) => {
  const t = useTestApp(backend);

  it('stays open after the lead deputy’s 满意 until the co-signer rates; the co-signer’s 不满意 opens re-handling', async () => {
    const { id, zhang, li } = await jointSuggestion(t, '关于推进城乡客运一体化的建议');
    const reply = await sentReply(
      await login(t.app, 'education_handler'),
      [await login(t.app, 'education_signer')],
      id,
    );
    let s = (
      await zhang.post(`/api/suggestions/${id}/ratings`, {
        replyId: reply.id,
        attitude: 'very_satisfied',
        result: 'satisfied',
      })
    ).body;
    expect(s.status).toBe('replied');
    const liView = (await li.get(`/api/suggestions/${id}`)).body;
    expect(liView.abilities).toMatchObject({ rate: true, ratableReplyIds: [reply.id] });
    s = (
      await li.post(`/api/suggestions/${id}/ratings`, {
        replyId: reply.id,
        attitude: 'satisfied',
        result: 'unsatisfied',
        comment: '进度太慢',
      })
    ).body;
    expect(s.status).toBe('rehandling');
  });

  it('closes when every confirmed deputy rated without 不满意, the co-signer first', async () => {
    const { id, zhang, li, office } = await jointSuggestion(t, '关于加快建设乡村物流站点的建议');
    const reply = await sentReply(
      await login(t.app, 'education_handler'),
      [await login(t.app, 'education_signer')],
      id,
    );
    expect(
      (
        await li.post(`/api/suggestions/${id}/ratings`, {
          replyId: reply.id,
          attitude: 'satisfied',
          result: 'satisfied',
        })
      ).body.status,
    ).toBe('replied');
    const figures = () => office.get(`/api/figures/overview?sessionId=${t.world.session.id}`).then((r) => r.body);
    const before = await figures();
    const s = (
      await zhang.post(`/api/suggestions/${id}/ratings`, {
        replyId: reply.id,
        attitude: 'basically_satisfied',
        result: 'satisfied',
      })
    ).body;
    expect(s).toMatchObject({ status: 'closed', closeKind: 'rated' });
    // The lead deputy's rating is the one the figures count: 基本满意 attitude, 满意 result.
    const after = await figures();
    expect(after.feedback.rated - before.feedback.rated).toBe(1);
    expect(after.ratings.attitudeGood - before.ratings.attitudeGood).toBe(0);
    expect(after.ratings.resultGood - before.ratings.resultGood).toBe(1);
  });

  it('refuses a rating after the feedback window; the scanner then closes it', async () => {
    const { id, zhang, li, office } = await jointSuggestion(t, '关于改善农村饮水条件的建议');
    const reply = await sentReply(
      await login(t.app, 'education_handler'),
      [await login(t.app, 'education_signer')],
      id,
    );
    expect((await zhang.get(`/api/suggestions/${id}`)).body.replies.at(-1).feedbackDue).toBe(reply.feedbackDue);
    expect(
      (
        await zhang.post(`/api/suggestions/${id}/ratings`, {
          replyId: reply.id,
          attitude: 'satisfied',
          result: 'satisfied',
        })
      ).status,
    ).toBe(200);
    t.clock.advanceDays(40);
    expect((await li.get(`/api/suggestions/${id}`)).body.abilities.rate).toBe(false);
    const late = await li.post(`/api/suggestions/${id}/ratings`, {
      replyId: reply.id,
      attitude: 'satisfied',
      result: 'satisfied',
    });
    expect(late.status).toBe(409);
    expect(late.body.message).toContain('反馈期限已于');
    await runScanOnce(t.app.ctx);
    // The lead deputy rated: it closes as rated, not as 未反馈.
    expect((await office.get(`/api/suggestions/${id}`)).body).toMatchObject({ status: 'closed', closeKind: 'rated' });
  });
});

describe.each(backends)('separate handling (分别办理) (%s)', (backend) => {
  const t = useTestApp(backend);

  it('rates each unit’s reply as it arrives, counts re-handling per unit, and counts the least satisfied latest rating', async () => {
    const { units } = t.world;
    const office = await login(t.app, 'office');
    const zhang = await login(t.app, 'zhang');
    const transport = await login(t.app, 'transport_handler');
    const chain = [await login(t.app, 'transport_reviewer'), await login(t.app, 'transport_signer')];
    const education = await login(t.app, 'education_handler');
    const educationSigner = await login(t.app, 'education_signer');
    const id = await assigned(
      zhang,
      office,
      [
        { unitId: units.transport.unit.id, role: 'separate' },
        { unitId: units.education.unit.id, role: 'separate' },
      ],
      'separate',
      '关于改善学校周边交通秩序的建议',
    );

    const first = await sentReply(transport, chain, id);
    // The other unit is still handling; the deputy rates the reply that arrived.
    let s = (
      await zhang.post(`/api/suggestions/${id}/ratings`, {
        replyId: first.id,
        attitude: 'satisfied',
        result: 'unsatisfied',
        comment: '未解决高峰拥堵',
      })
    ).body;
    expect(s.status).toBe('rehandling');
    const second = await sentReply(education, [educationSigner], id);
    s = (
      await zhang.post(`/api/suggestions/${id}/ratings`, {
        replyId: second.id,
        attitude: 'very_satisfied',
        result: 'very_satisfied',
      })
    ).body;
    expect(s.status).toBe('rehandling');
    const byUnit = (unitId: number) => s.assignments.find((a: { unitId: number }) => a.unitId === unitId);
    expect(byUnit(units.transport.unit.id)).toMatchObject({ state: 'rehandling', rehandlingRound: 1 });
    expect(byUnit(units.education.unit.id)).toMatchObject({ state: 'closed', rehandlingRound: 0 });

    const again = await replyThroughChain(transport, chain, id, { ...a1Reply, body: '重新办理答复' });
    const latest = again.replies
      .filter((r: { state: string; unitId: number }) => r.state === 'sent' && r.unitId === units.transport.unit.id)
      .at(-1);
    expect(latest.round).toBe(1);
    s = (
      await zhang.post(`/api/suggestions/${id}/ratings`, {
        replyId: latest.id,
        attitude: 'basically_satisfied',
        result: 'satisfied',
      })
    ).body;
    expect(s).toMatchObject({ status: 'closed', closeKind: 'rated', rehandlingRound: 1 });
    // One rating for the suggestion: its least satisfied latest lead rating across units.
    const figures = (await office.get(`/api/figures/overview?sessionId=${t.world.session.id}`)).body;
    expect(figures.feedback.rated).toBe(1);
    expect(figures.ratings).toMatchObject({ attitudeGood: 0, resultGood: 1 });
  });
});

describe.each(backends)('deadlines and reply classes (%s)', (backend) => {
  const t = useTestApp(backend);

  it('keeps a lead unit’s reply from review until the co-unit’s opinion is in, or its deadline has passed', async () => {
    const office = await login(t.app, 'office');
    const zhang = await login(t.app, 'zhang');
    const lead = await login(t.app, 'transport_handler');
    const co = await login(t.app, 'development_handler');
    const both = [
      { unitId: t.world.units.transport.unit.id, role: 'lead' },
      { unitId: t.world.units.development.unit.id, role: 'co' },
    ];
    const waiting = await assigned(zhang, office, both, 'lead_co', '关于完善城乡客运一体化的建议');
    const lapsing = await assigned(zhang, office, both, 'lead_co', '关于优化农村物流网点布局的建议');
    for (const id of [waiting, lapsing]) {
      expect((await lead.post(`/api/suggestions/${id}/acknowledge`, acknowledgement)).status).toBe(200);
      expect((await lead.put(`/api/suggestions/${id}/reply`, a1Reply)).status).toBe(200);
    }
    const early = await lead.post(`/api/suggestions/${waiting}/reply/submit`);
    expect(early.status).toBe(409);
    expect(early.body.message).toBe(
      '会办单位湖南省发展和改革委员会尚未提出会办意见（期限至2026年3月12日），请收到会办意见或期限届满后再送审',
    );
    expect((await lead.get(`/api/suggestions/${waiting}`)).body.abilities.submitReply).toBe(false);

    expect(
      (await co.post(`/api/suggestions/${waiting}/acknowledge`, { ...acknowledgement, plannedReplyOn: '2026-03-01' }))
        .status,
    ).toBe(200);
    expect((await co.post(`/api/suggestions/${waiting}/opinions`, { body: '同意主办单位意见。' })).status).toBe(200);
    expect((await lead.get(`/api/suggestions/${waiting}`)).body.abilities.submitReply).toBe(true);
    expect((await lead.post(`/api/suggestions/${waiting}/reply/submit`)).status).toBe(200);

    expect((await lead.post(`/api/suggestions/${lapsing}/reply/submit`)).status).toBe(409);
    t.clock.set(new Date('2026-03-13T02:00:00Z')); // the day after the co-unit's opinion deadline
    const later = await login(t.app, 'transport_handler');
    expect((await later.get(`/api/suggestions/${lapsing}`)).body.abilities.submitReply).toBe(true);
    expect((await later.post(`/api/suggestions/${lapsing}/reply/submit`)).status).toBe(200);
    t.clock.set(SESSION_MORNING);
  });

  it.each([
    ['at 23:00 in China on the due day is on time', 'T15:00:00Z', 'done_on_time', true],
    ['at 06:30 in China the day after (still the due day in UTC) is late', 'T22:30:00Z', 'done_late', false],
  ])('a reply sent %s', async (_, time, standing, onTime) => {
    const office = await login(t.app, 'office');
    const zhang = await login(t.app, 'zhang');
    const early = await login(t.app, 'education_handler');
    const id = await assigned(zhang, office, [{ unitId: t.world.units.education.unit.id, role: 'sole' }], 'sole');
    expect((await early.post(`/api/suggestions/${id}/acknowledge`, acknowledgement)).status).toBe(200);
    const due = (await early.get(`/api/suggestions/${id}`)).body.assignments[0].replyDue as string;
    t.clock.set(new Date(`${due}${time}`));
    // Months later: everyone signs in again.
    const handler = await login(t.app, 'education_handler');
    const signer = await login(t.app, 'education_signer');
    const sent = await replyThroughChain(handler, [signer], id, a1Reply);
    expect(sent.assignments[0]).toMatchObject({ standing });
    const row = await t.app.ctx.db
      .selectFrom('assignment')
      .select('replied_on_time')
      .where('suggestion_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.replied_on_time).toBe(onTime);
    t.clock.set(SESSION_MORNING);
  });

  it('needs an approved extension for a planned reply date past the due date', async () => {
    const office = await login(t.app, 'office');
    const zhang = await login(t.app, 'zhang');
    const handler = await login(t.app, 'development_handler');
    const id = await assigned(
      zhang,
      office,
      [{ unitId: t.world.units.development.unit.id, role: 'sole' }],
      'sole',
      '关于设立县域产业发展基金的建议',
    );
    const late = await handler.post(`/api/suggestions/${id}/acknowledge`, {
      ...acknowledgement,
      plannedReplyOn: '2026-05-20',
    });
    expect(late.status).toBe(400);
    expect(late.body.message).toBe('计划答复日期晚于答复期限2026年4月13日，须先申请延期并经同意');
    expect(
      (
        await handler.post(`/api/suggestions/${id}/extension-requests`, {
          requestedDue: '2026-05-29',
          reason: '需会商财政',
        })
      ).status,
    ).toBe(200);
    const ext = (await office.get('/api/extension-requests?status=pending')).body.items[0];
    expect((await office.post(`/api/extension-requests/${ext.id}/ruling`, { grant: true })).status).toBe(200);
    expect(
      (await handler.post(`/api/suggestions/${id}/acknowledge`, { ...acknowledgement, plannedReplyOn: '2026-05-20' }))
        .status,
    ).toBe(200);
  });

  it('uses the province’s wording, records the table version, targets A2 at 31 December and follows the table for the ledger', async () => {
    const office = await login(t.app, 'office');
    const zhang = await login(t.app, 'zhang');
    const rules = (await office.get('/api/rules')).body;
    expect(
      rules.rules.replyClasses.map((c: { code: string; meaning: string }) => `${c.code}类（${c.meaning}）`),
    ).toContain('A1类（所提问题已经解决或所提意见和建议已经采纳、部分采纳的）');
    const handler = await login(t.app, 'education_handler');
    const signer = await login(t.app, 'education_signer');
    const promise = { doneText: '已启动', plannedText: '年内完成', notDoneReason: '' };
    const a2 = await assigned(
      zhang,
      office,
      [{ unitId: t.world.units.education.unit.id, role: 'sole' }],
      'sole',
      '关于增加乡村学校校车的建议',
    );
    const reply = await sentReply(handler, [signer], a2, { ...a1Reply, classCode: 'A2', promise });
    expect(reply.classTableVersion).toBe('2020版');
    const ledger = (await office.get('/api/promises')).body.items;
    expect(ledger.find((p: { suggestionId: number }) => p.suggestionId === a2)).toMatchObject({
      classCode: 'A2',
      targetOn: '2026-12-31',
    });

    // A congress that follows C1 on its ledger and not B2: the table decides, not a list in code.
    const edited = rules.rules.replyClasses.map((c: { code: string }) =>
      c.code === 'C1'
        ? { ...c, promiseTarget: { amount: 12, unit: 'months' } }
        : c.code === 'B2'
          ? { ...c, promiseTarget: null }
          : c,
    );
    expect(
      (
        await office.put('/api/rules', {
          version: rules.version,
          rules: { ...rules.rules, replyClasses: edited, replyClassVersion: '2026版' },
        })
      ).status,
    ).toBe(200);
    const c1 = await assigned(
      zhang,
      office,
      [{ unitId: t.world.units.education.unit.id, role: 'sole' }],
      'sole',
      '关于建设乡村少年宫的建议',
    );
    const c1Reply = await sentReply(handler, [signer], c1, { ...a1Reply, classCode: 'C1', promise });
    expect(c1Reply.classTableVersion).toBe('2026版');
    const b2 = await assigned(
      zhang,
      office,
      [{ unitId: t.world.units.education.unit.id, role: 'sole' }],
      'sole',
      '关于规划建设县域高中的建议',
    );
    await sentReply(handler, [signer], b2, { ...a1Reply, classCode: 'B2' });
    const after = (await office.get('/api/promises?pageSize=200')).body.items.map(
      (p: { suggestionId: number }) => p.suggestionId,
    );
    expect(after).toContain(c1);
    expect(after).not.toContain(b2);
  });

  it('sends one catch-up notice per deadline mark after the scanner was down, not one per missed day', async () => {
    const office = await login(t.app, 'office');
    const zhang = await login(t.app, 'zhang');
    const handler = await login(t.app, 'federation_handler');
    await assigned(
      zhang,
      office,
      [{ unitId: t.world.units.federation.unit.id, role: 'sole' }],
      'sole',
      '关于保障新就业形态劳动者权益的建议',
    );
    const near = async () =>
      (await handler.get('/api/notices?limit=100')).body.items.filter(
        (n: { kind: string }) => n.kind === 'deadline_near',
      ).length;
    // Due 13 April; the scanner is down from the 15-day mark (29 March) until 8 April (7-day mark passed on 6 April).
    t.clock.set(new Date('2026-04-08T02:00:00Z'));
    await runScanOnce(t.app.ctx);
    expect(await near()).toBe(1);
    await runScanOnce(t.app.ctx);
    t.clock.set(new Date('2026-04-09T02:00:00Z'));
    await runScanOnce(t.app.ctx);
    expect(await near()).toBe(1);
    t.clock.set(new Date('2026-04-10T02:00:00Z')); // the 3-day mark
    await runScanOnce(t.app.ctx);
    expect(await near()).toBe(2);
    t.clock.set(SESSION_MORNING);
  });
});

describe.each(backends)('refusals an outside tester hit (%s)', (backend) => {
  const t = useTestApp(backend);

  it.each([
    [
      'two leads',
      [
        { unit: 'transport', role: 'lead' },
        { unit: 'development', role: 'lead' },
      ],
    ],
    [
      'only co-units',
      [
        { unit: 'transport', role: 'co' },
        { unit: 'development', role: 'co' },
      ],
    ],
    [
      'two sole units',
      [
        { unit: 'transport', role: 'sole' },
        { unit: 'development', role: 'sole' },
      ],
    ],
    ['one separate unit', [{ unit: 'transport', role: 'separate' }]],
  ] as const)('a pre-assignment with %s is refused like the assignment', async (_, picks) => {
    const office = await login(t.app, 'office');
    const zhang = await login(t.app, 'zhang');
    const s = await registered(zhang, office, '关于推进农村电网改造升级的建议');
    const units = picks.map((p) => ({ unitId: t.world.units[p.unit].unit.id, role: p.role }));
    const res = await office.post(`/api/suggestions/${s.id}/pre-assign`, { units });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_input');
    const detail = (await office.get(`/api/suggestions/${s.id}`)).body;
    expect(detail.preAssignments).toEqual([]);
    expect(detail.version).toBe(s.version);
  });

  it('gives the loser of two signers signing at once a 409 with a Chinese message', async () => {
    const office = await login(t.app, 'office');
    const zhang = await login(t.app, 'zhang');
    const handler = await login(t.app, 'education_handler');
    const signer = await login(t.app, 'education_signer');
    const id = await assigned(
      zhang,
      office,
      [{ unitId: t.world.units.education.unit.id, role: 'sole' }],
      'sole',
      '关于加强中小学心理健康教育的建议',
    );
    expect((await handler.post(`/api/suggestions/${id}/acknowledge`, acknowledgement)).status).toBe(200);
    expect((await handler.put(`/api/suggestions/${id}/reply`, a1Reply)).status).toBe(200);
    expect((await handler.post(`/api/suggestions/${id}/reply/submit`)).status).toBe(200);
    const [a, b] = await Promise.all([
      signer.post(`/api/suggestions/${id}/reply/review`, { approve: true }),
      signer.post(`/api/suggestions/${id}/reply/review`, { approve: true }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body).toEqual({ code: 'conflict', message: '该答复已由他人签发，请刷新后查看' });
  });

  it('asks the co-signers again when the text is edited after a return for revision', async () => {
    const zhang = await login(t.app, 'zhang');
    const li = await login(t.app, 'li');
    const office = await login(t.app, 'office');
    const draft = await zhang.post('/api/suggestions', {
      title: '关于加强耕地保护的建议',
      body: '原文。',
      categoryCode: 'agriculture',
      cosignerDeputyIds: [t.world.deputies.li.deputy.id],
    });
    await li.post(`/api/suggestions/${draft.body.id}/cosign`, { accept: true });
    let s = (await zhang.post(`/api/suggestions/${draft.body.id}/submit`, {})).body;
    s = (await office.post(`/api/suggestions/${s.id}/return`, { comment: '请补充数据', version: s.version })).body;
    const edit = {
      title: s.title,
      categoryCode: 'agriculture',
      cosignerDeputyIds: [t.world.deputies.li.deputy.id],
      version: s.version,
    };
    s = (await zhang.put(`/api/suggestions/${s.id}`, { ...edit, body: '修改后的内容，补充了数据。' })).body;
    expect(s.cosigners).toEqual([
      expect.objectContaining({ deputyId: t.world.deputies.li.deputy.id, status: 'invited' }),
    ]);
    const refused = await zhang.post(`/api/suggestions/${s.id}/submit`, { version: s.version });
    expect(refused.status).toBe(409);
    expect((await li.get('/api/notices')).body.items[0].title).toContain('请重新确认');
    // Changing only the category does not ask again.
    await li.post(`/api/suggestions/${s.id}/cosign`, { accept: true });
    s = (await zhang.get(`/api/suggestions/${s.id}`)).body;
    s = (
      await zhang.put(`/api/suggestions/${s.id}`, {
        ...edit,
        body: s.body,
        categoryCode: 'transport',
        version: s.version,
      })
    ).body;
    expect(s.cosigners[0].status).toBe('confirmed');
    expect((await zhang.post(`/api/suggestions/${s.id}/submit`, { version: s.version })).status).toBe(200);
  });
});

describe.each(backends)('search and notices (%s)', (backend) => {
  const t = useTestApp(backend);

  it.each(['加强', '推进'])('finds suggestions by “%s” alone: a stop word never empties a query', async (word) => {
    const office = await login(t.app, 'office');
    const zhang = await login(t.app, 'zhang');
    const s = await submitted(zhang, `关于${word}乡村医疗卫生服务的建议`);
    const found = (await office.get(`/api/suggestions?q=${encodeURIComponent(word)}`)).body;
    expect(found.items.map((i: { id: number }) => i.id)).toContain(s.id);
    // With another word beside it, the stop word no longer narrows the search.
    expect(
      (await office.get(`/api/suggestions?q=${encodeURIComponent(`${word}医疗`)}`)).body.items.map(
        (i: { id: number }) => i.id,
      ),
    ).toContain(s.id);
  });

  it('lists the notices of the congress the user is acting in only', async () => {
    await createUser(t.db, {
      username: 'two_offices',
      displayName: '两级联工委',
      grants: [
        { congressId: t.world.province.id, role: 'liaison_office' },
        { congressId: t.world.city.id, role: 'liaison_office' },
      ],
    });
    const zhao = await login(t.app, 'zhao');
    await zhao.post('/api/suggestions', {
      title: '关于改造老旧小区的建议',
      body: '内容。',
      categoryCode: 'urban',
      submit: true,
    });
    await submitted(await login(t.app, 'zhang'), '关于建设省级物流枢纽的建议');
    const user = await login(t.app, 'two_offices');
    const congressOf = (title: string) => (title.includes('老旧小区') ? t.world.city.id : t.world.province.id);
    const seen = async () =>
      ((await user.get('/api/notices')).body.items as { title: string }[]).map((n) => congressOf(n.title));
    const first = user.me.grants.find((g) => g.id === user.me.activeGrantId)!;
    expect(new Set(await seen())).toEqual(new Set([first.congressId]));
    const other = user.me.grants.find((g) => g.id !== user.me.activeGrantId)!;
    expect((await user.post('/api/auth/switch-role', { grantId: other.id })).status).toBe(200);
    expect(new Set(await seen())).toEqual(new Set([other.congressId]));
  });
});

describe.each(backends)('a class of similar suggestions (类办) (%s)', (backend) => {
  const t = useTestApp(backend);

  it('is assigned in one step, seen together by its unit, and answered with one text reused, each deputy with a letter of their own', async () => {
    const { units } = t.world;
    const office = await login(t.app, 'office');
    const zhang = await login(t.app, 'zhang');
    const wang = await login(t.app, 'wang');
    const handler = await login(t.app, 'education_handler');
    const signer = await login(t.app, 'education_signer');
    const a = await registered(zhang, office, '关于加强乡村教师队伍建设的建议');
    const b = await registered(wang, office, '关于提高乡村教师待遇的建议');
    const cls = (await office.post('/api/suggestions/classes', { suggestionIds: [a.id, b.id], className: '乡村教师' }))
      .body;
    const assigned = await office.post(`/api/suggestion-classes/${cls.id}/assign`, {
      mode: 'sole',
      units: [{ unitId: units.education.unit.id, role: 'sole' }],
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    expect(assigned.body.assignedSuggestionIds).toEqual([a.id, b.id]);
    expect(
      (
        await office.post(`/api/suggestion-classes/${cls.id}/assign`, {
          mode: 'sole',
          units: [{ unitId: units.education.unit.id, role: 'sole' }],
        })
      ).status,
    ).toBe(409);

    const page = (await handler.get(`/api/suggestion-classes/${cls.id}`)).body;
    expect(page.suggestions.map((s: { id: number }) => s.id)).toEqual([a.id, b.id]);
    expect((await (await login(t.app, 'transport_handler')).get(`/api/suggestion-classes/${cls.id}`)).status).toBe(404);

    for (const id of [a.id, b.id])
      expect((await handler.post(`/api/suggestions/${id}/acknowledge`, acknowledgement)).status).toBe(200);
    const text = '您提出的《关于加强乡村教师队伍建设的建议》收悉。经研究，现答复如下：……';
    expect((await handler.put(`/api/suggestions/${a.id}/reply`, { ...a1Reply, body: text })).status).toBe(200);
    const reused = await handler.post(`/api/suggestion-classes/${cls.id}/reply-drafts`, { fromSuggestionId: a.id });
    expect(reused.body).toEqual({ draftedSuggestionIds: [b.id], skipped: [] });
    const draftB = (await handler.get(`/api/suggestions/${b.id}`)).body.replies.find(
      (r: { state: string }) => r.state === 'draft',
    );
    expect(draftB.body).toBe('您提出的《关于提高乡村教师待遇的建议》收悉。经研究，现答复如下：……');

    const letters = [];
    for (const id of [a.id, b.id]) {
      expect((await handler.post(`/api/suggestions/${id}/reply/submit`)).status).toBe(200);
      letters.push(
        (await signer.post(`/api/suggestions/${id}/reply/review`, { approve: true })).body.replies.find(
          (r: { state: string }) => r.state === 'sent',
        ).docNumber,
      );
    }
    expect(new Set(letters).size).toBe(2);
    expect(
      (await wang.get(`/api/suggestions/${b.id}`)).body.replies.map((r: { docNumber: string }) => r.docNumber),
    ).toEqual([letters[1]]);
  });
});
