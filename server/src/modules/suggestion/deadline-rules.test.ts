import { describe, expect, it } from 'vitest';
import { runScanOnce } from '../../jobs/scheduler.js';
import { a1Reply, acknowledgement, assigned, replyThroughChain } from '../../test/flows.js';
import { login, SESSION_MORNING, useTestApp } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';
import { sentReply } from './office-rules.test-kit.js';

// The rules a liaison office catches in its first week (issue: Part A made right). Each
// block starts on its own database at 10:00 on 12 January 2026, during the session.

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
