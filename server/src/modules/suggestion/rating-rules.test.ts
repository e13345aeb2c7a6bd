import { describe, expect, it } from 'vitest';
import { runScanOnce } from '../../jobs/scheduler.js';
import { a1Reply, assigned, replyThroughChain } from '../../test/flows.js';
import { login, useTestApp } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';
import { jointSuggestion, sentReply } from './office-rules.test-kit.js';

// The rules a liaison office catches in its first week (issue: Part A made right). Each
// block starts on its own database at 10:00 on 12 January 2026, during the session.

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
