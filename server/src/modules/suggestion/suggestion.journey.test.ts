import { describe, expect, it } from 'vitest';
import { runScanOnce } from '../../jobs/scheduler.js';
import { acknowledgement, assigned, replyThroughChain } from '../../test/flows.js';
import { login, useTestApp } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';

describe.each(backends)('the whole life of a joint suggestion, through HTTP (%s)', (backend) => {
  const t = useTestApp(backend);

  it('answers health with the database kind', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', database: backend });
  });

  it('goes from draft to closing through reassignment, two re-handlings and a fulfilled B1 promise', async () => {
    const { units, deputies } = t.world;
    const zhang = await login(t.app, 'zhang');
    const li = await login(t.app, 'li');
    const office = await login(t.app, 'office');
    const transport = await login(t.app, 'transport_handler');
    const transportReviewer = await login(t.app, 'transport_reviewer');
    const transportSigner = await login(t.app, 'transport_signer');
    const development = await login(t.app, 'development_handler');
    const education = await login(t.app, 'education_handler');

    // 1. Draft with a co-signer, who confirms; the lead deputy submits.
    const draft = await zhang.post('/api/suggestions', {
      title: '关于加快农村公路提质改造的建议',
      body: '我省农村公路通车里程大，但部分路段标准低、养护弱，建议加大投入。',
      categoryCode: 'transport',
      cosignerDeputyIds: [deputies.li.deputy.id],
    });
    expect(draft.status).toBe(201);
    const early = await zhang.post(`/api/suggestions/${draft.body.id}/submit`, { version: draft.body.version });
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('联名代表未确认');
    expect((await li.post(`/api/suggestions/${draft.body.id}/cosign`, { accept: true })).status).toBe(200);
    let s = (await zhang.post(`/api/suggestions/${draft.body.id}/submit`, {})).body;
    expect(s.status).toBe('submitted');
    expect(s.period).toBe('in_session');
    const id: number = s.id;

    // 2. Returned for revision, edited, resubmitted, registered with its number.
    s = (
      await office.post(`/api/suggestions/${id}/return`, { comment: '请补充具体路段和资金测算', version: s.version })
    ).body;
    expect(s.status).toBe('returned');
    expect(s.reviewComment).toBe('请补充具体路段和资金测算');
    s = (
      await zhang.put(`/api/suggestions/${id}`, {
        title: '关于加快农村公路提质改造的建议',
        body: '我省农村公路……建议对S312等路段提质改造，估算资金3.2亿元。',
        categoryCode: 'transport',
        cosignerDeputyIds: [deputies.li.deputy.id],
        version: s.version,
      })
    ).body;
    // The co-signer confirmed the old text: the edited one goes in only once she confirms it too.
    const unconfirmed = await zhang.post(`/api/suggestions/${id}/submit`, { version: s.version });
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.body.message).toContain('联名代表未确认');
    expect((await li.post(`/api/suggestions/${id}/cosign`, { accept: true })).status).toBe(200);
    s = (await zhang.get(`/api/suggestions/${id}`)).body;
    s = (await zhang.post(`/api/suggestions/${id}/submit`, { version: s.version })).body;
    s = (await office.post(`/api/suggestions/${id}/register`, { version: s.version })).body;
    expect(s.status).toBe('registered');
    expect(s.numberLabel).toMatch(/^第\d+号$/);
    expect(s.sessionLabel).toBe('省十三届人大三次会议');

    // 3. Pre-assignment lets the unit see it coming; assignment fixes the deadlines.
    await office.post(`/api/suggestions/${id}/pre-assign`, {
      units: [
        { unitId: units.transport.unit.id, role: 'lead' },
        { unitId: units.development.unit.id, role: 'co' },
      ],
    });
    expect((await transport.get(`/api/suggestions/${id}`)).status).toBe(200);
    const assign = await office.post('/api/suggestions/assign', {
      items: [
        {
          suggestionId: id,
          mode: 'lead_co',
          units: [
            { unitId: units.transport.unit.id, role: 'lead' },
            { unitId: units.development.unit.id, role: 'co' },
          ],
        },
      ],
    });
    expect(assign.body.results[0]).toMatchObject({ ok: true });
    s = (await office.get(`/api/suggestions/${id}`)).body;
    expect(s.status).toBe('assigned');
    const lead = s.assignments.find((a: { role: string }) => a.role === 'lead');
    expect(lead).toMatchObject({
      assignedOn: '2026-01-12',
      replyDue: '2026-04-13',
      replyDueLatest: '2026-07-13',
      reassignmentWindowUntil: '2026-01-22',
    });
    expect(lead.dueRule).toContain('顺延至2026年4月13日');
    expect(s.assignments.find((a: { role: string }) => a.role === 'co').opinionDue).toBe('2026-03-12');

    // 4. The co-handling unit asks to be replaced; the office accepts; deadlines restart.
    t.clock.advanceDays(2);
    const req = await development.post(`/api/suggestions/${id}/reassignment-requests`, {
      reason: '该事项不属于我委职责，建议由教育厅会办',
      proposedUnitIds: [units.education.unit.id],
    });
    expect(req.status).toBe(200);
    const requests = await office.get('/api/reassignment-requests?status=pending');
    const requestId = requests.body.items.find((r: { suggestionId: number }) => r.suggestionId === id).id;
    const ruling = await office.post(`/api/reassignment-requests/${requestId}/ruling`, {
      accept: true,
      reason: '同意调整',
      mode: 'lead_co',
      units: [
        { unitId: units.transport.unit.id, role: 'lead' },
        { unitId: units.education.unit.id, role: 'co' },
      ],
    });
    expect(ruling.status).toBe(200);
    expect((await development.get(`/api/suggestions/${id}`)).status).toBe(404);
    s = (await office.get(`/api/suggestions/${id}`)).body;
    // Only the asking unit's record ends; the lead unit keeps its own, the new co-unit starts today.
    expect(
      s.assignments.filter((a: { state: string }) => a.state === 'ended').map((a: { unitId: number }) => a.unitId),
    ).toEqual([units.development.unit.id]);
    expect(
      s.assignments.find((a: { role: string; state: string }) => a.role === 'lead' && a.state !== 'ended').assignedOn,
    ).toBe('2026-01-12');
    expect(
      s.assignments.find((a: { role: string; state: string }) => a.role === 'co' && a.state !== 'ended'),
    ).toMatchObject({ unitId: units.education.unit.id, assignedOn: '2026-01-14' });

    // 5. Acknowledge, contact the deputy, the co-unit's opinion, an extension.
    expect((await transport.post(`/api/suggestions/${id}/acknowledge`, acknowledgement)).status).toBe(200);
    expect(
      (await education.post(`/api/suggestions/${id}/acknowledge`, { ...acknowledgement, plannedReplyOn: '2026-02-28' }))
        .status,
    ).toBe(200);
    const contact = await transport.post(`/api/suggestions/${id}/contacts`, {
      phase: 'before',
      kind: 'phone',
      contactedOn: '2026-01-14',
      summary: '电话联系张建国代表，了解具体路段。',
    });
    expect(contact.body.contacts).toHaveLength(1);
    const opinion = await education.post(`/api/suggestions/${id}/opinions`, {
      body: '我厅同意将学校周边路段纳入改造计划。',
    });
    expect(opinion.status).toBe(200);
    const ext = await transport.post(`/api/suggestions/${id}/extension-requests`, {
      requestedDue: '2026-05-29',
      reason: '需与财政厅会商资金',
    });
    expect(ext.status).toBe(200);
    const extId = (await office.get('/api/extension-requests?status=pending')).body.items[0].id;
    expect((await office.post(`/api/extension-requests/${extId}/ruling`, { grant: true })).status).toBe(200);
    s = (await transport.get(`/api/suggestions/${id}`)).body;
    expect(
      s.assignments.find((a: { role: string; state: string }) => a.role === 'lead' && a.state !== 'ended').effectiveDue,
    ).toBe('2026-05-29');
    expect(s.opinions).toHaveLength(1);

    // 6. A B1 reply goes through handler → reviewer → signer; the co-unit cannot reply.
    const coReply = await education.put(`/api/suggestions/${id}/reply`, {
      classCode: 'A1',
      body: '……',
      handlerName: '周',
      handlerPhone: '1',
    });
    expect(coReply.status).toBe(403);
    expect(coReply.body.message).toContain('会办单位不直接答复代表');
    t.clock.advanceDays(30);
    const b1 = {
      classCode: 'B1',
      body: '您提出的《关于加快农村公路提质改造的建议》收悉。经研究，现答复如下：已将S312列入2026—2028年改造计划。',
      handlerName: '刘洋',
      handlerPhone: '0731-88889999',
      consultedUnits: '省教育厅',
      promise: { doneText: '已完成勘察设计', plannedText: 'S312提质改造2028年底前完工', notDoneReason: '' },
    };
    const afterReview = await transport.put(`/api/suggestions/${id}/reply`, b1);
    expect(afterReview.status).toBe(200);
    expect((await transport.post(`/api/suggestions/${id}/reply/submit`)).status).toBe(200);
    expect((await transportSigner.post(`/api/suggestions/${id}/reply/review`, { approve: true })).status).toBe(403);
    const reviewed = await transportReviewer.post(`/api/suggestions/${id}/reply/review`, { approve: true });
    expect(reviewed.status).toBe(200);
    s = (await transportSigner.post(`/api/suggestions/${id}/reply/review`, { approve: true })).body;
    expect(s.status).toBe('replied');
    const firstReply = s.replies.find((r: { state: string }) => r.state === 'sent');
    expect(firstReply.docNumber).toBe('湘交建议复〔2026〕1号');
    expect(firstReply.onTime).toBe(true);

    // 7. Back-to-back ratings: the co-signer is satisfied, the lead deputy is not → re-handling.
    expect(
      (
        await li.post(`/api/suggestions/${id}/ratings`, {
          replyId: firstReply.id,
          attitude: 'satisfied',
          result: 'satisfied',
        })
      ).status,
    ).toBe(200);
    const noReason = await zhang.post(`/api/suggestions/${id}/ratings`, {
      replyId: firstReply.id,
      attitude: 'satisfied',
      result: 'unsatisfied',
    });
    expect(noReason.status).toBe(400);
    s = (
      await zhang.post(`/api/suggestions/${id}/ratings`, {
        replyId: firstReply.id,
        attitude: 'satisfied',
        result: 'unsatisfied',
        comment: '改造时间过长，希望提前。',
      })
    ).body;
    expect(s.status).toBe('rehandling');
    expect(s.rehandlingRound).toBe(1);
    const unitView = (await transport.get(`/api/suggestions/${id}`)).body;
    expect(unitView.ratings).toHaveLength(2);
    expect(unitView.ratings.every((r: { deputyName: string | null }) => r.deputyName === null)).toBe(true);
    const ratingEvents = unitView.timeline.filter(
      (e: { label: string }) => e.label === '代表测评' || e.label === '重新办理',
    );
    expect(ratingEvents.map((e: { label: string; actorName: string }) => `${e.label}:${e.actorName}`)).toEqual([
      '重新办理:代表',
    ]);
    expect(unitView.abilities.draftReply).toBe(true);

    // 8. Re-handled twice; the second time the deputy is satisfied and it closes.
    for (const [round, satisfied] of [
      [1, false],
      [2, true],
    ] as const) {
      s = await replyThroughChain(transport, [transportReviewer, transportSigner], id, {
        ...b1,
        body: `第${round}次重新办理答复：计划提前至2027年完工。`,
      });
      expect(s.status).toBe('replied');
      const latest = s.replies.filter((r: { state: string }) => r.state === 'sent').at(-1);
      expect(latest.round).toBe(round);
      const rating = satisfied
        ? { replyId: latest.id, attitude: 'very_satisfied', result: 'satisfied' }
        : { replyId: latest.id, attitude: 'satisfied', result: 'unsatisfied', comment: '仍需提前。' };
      s = (await zhang.post(`/api/suggestions/${id}/ratings`, rating)).body;
    }
    // Every confirmed deputy rates: the suggestion waits for the co-signer before it closes.
    expect(s.status).toBe('replied');
    const last = s.replies.filter((r: { state: string }) => r.state === 'sent').at(-1);
    s = (
      await li.post(`/api/suggestions/${id}/ratings`, {
        replyId: last.id,
        attitude: 'satisfied',
        result: 'basically_satisfied',
      })
    ).body;
    expect(s.status).toBe('closed');
    expect(s.closeKind).toBe('rated');
    expect(s.assignments.filter((a: { state: string }) => a.state === 'closed')).toHaveLength(2);

    // 9. The B1 promises are on the unit's ledger; progress is reported and the office fulfils one.
    const ledger = await transport.get('/api/promises');
    const promises = ledger.body.items.filter((p: { suggestionId: number }) => p.suggestionId === id);
    // Three B1 replies (two re-handlings) keep one promise, counted from the lead unit's assignment day.
    expect(promises).toHaveLength(1);
    expect(promises[0]).toMatchObject({
      classCode: 'B1',
      plannedText: 'S312提质改造2028年底前完工',
      targetOn: '2029-01-12',
      status: 'open',
    });
    expect((await transport.post(`/api/promises/${promises[0].id}/progress`, { progress: '已开工建设' })).status).toBe(
      201,
    );
    expect((await transport.post(`/api/promises/${promises[0].id}/fulfil`, { note: '完工' })).status).toBe(403);
    // 销号 waits for the deputy: the unit asks, the lead deputy accepts, the office marks it done.
    const unasked = await office.post(`/api/promises/${promises[0].id}/fulfil`, { note: '予以销号' });
    expect(unasked.status).toBe(409);
    expect(unasked.body.message).toContain('销号须经代表确认');
    expect(
      (await transport.post(`/api/promises/${promises[0].id}/fulfilment-request`, { note: 'S312已完工通车' })).status,
    ).toBe(200);
    const deputyLedger = (await zhang.get('/api/promises')).body.items.find(
      (p: { id: number }) => p.id === promises[0].id,
    );
    expect(deputyLedger.progress.map((p: { progress: string }) => p.progress)).toEqual(['已开工建设']);
    expect((await li.post(`/api/promises/${promises[0].id}/fulfilment-answer`, { accept: true })).status).toBe(403);
    expect((await zhang.post(`/api/promises/${promises[0].id}/fulfilment-answer`, { accept: true })).status).toBe(200);
    const fulfilled = await office.post(`/api/promises/${promises[0].id}/fulfil`, { note: '经代表认可，予以销号' });
    expect(fulfilled.status).toBe(200);
    const done = (await office.get('/api/promises?status=fulfilled')).body.items.find(
      (p: { id: number }) => p.id === promises[0].id,
    );
    expect(done).toMatchObject({ status: 'fulfilled', fulfilledHow: 'deputy_accepted', deputyVerdict: 'accepted' });

    // 10. The history reads like the process, with who did it.
    const history = (await office.get(`/api/suggestions/${id}`)).body.timeline.map((e: { label: string }) => e.label);
    for (const label of [
      '起草建议',
      '确认联名',
      '提交建议',
      '退回修改',
      '立案',
      '预交办',
      '交办',
      '申请调整',
      '同意调整',
      '签收',
      '沟通联系',
      '提交会办意见',
      '申请延期',
      '同意延期',
      '签发答复',
      '代表测评',
      '重新办理',
      '办结',
    ]) {
      expect(history).toContain(label);
    }
  });

  it('closes a replied suggestion with no feedback once the window has passed (未反馈)', async () => {
    const { units } = t.world;
    const wang = await login(t.app, 'wang');
    const office = await login(t.app, 'office');
    const handler = await login(t.app, 'education_handler');
    const signer = await login(t.app, 'education_signer');
    const id = await assigned(
      wang,
      office,
      [{ unitId: units.education.unit.id, role: 'sole' }],
      'sole',
      '关于改善乡村学校办学条件的建议',
    );
    expect((await handler.post(`/api/suggestions/${id}/acknowledge`, acknowledgement)).status).toBe(200);
    const s = await replyThroughChain(handler, [signer], id, {
      classCode: 'A1',
      body: '已解决。',
      handlerName: '周',
      handlerPhone: '1',
    });
    expect(s.status).toBe('replied');
    expect((await runScanOnce(t.app.ctx)).closed).toBe(0);
    t.clock.advanceDays(40);
    expect((await runScanOnce(t.app.ctx)).closed).toBeGreaterThanOrEqual(1);
    const closed = (await office.get(`/api/suggestions/${id}`)).body;
    expect(closed).toMatchObject({ status: 'closed', closeKind: 'no_feedback' });
    expect(closed.timeline.at(-1)).toMatchObject({ label: '办结', actorName: '系统' });
  });
});
