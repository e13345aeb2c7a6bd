import { describe, expect, it } from 'vitest';
import { acknowledgement, assigned, replyThroughChain } from '../../test/flows.js';
import { login, useTestApp } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';

describe.each(backends)('figures: counted right, and only for those who may read them (%s)', (backend) => {
  const t = useTestApp(backend);

  it('counts replies, ratings and classes as the annual report does', async () => {
    const { units } = t.world;
    const zhang = await login(t.app, 'zhang');
    const office = await login(t.app, 'office');
    const handler = await login(t.app, 'education_handler');
    const signer = await login(t.app, 'education_signer');
    const ids = [];
    for (const title of ['关于建设乡村学校食堂的建议', '关于改善乡村学校宿舍的建议', '关于扩大乡村学校操场的建议']) {
      ids.push(await assigned(zhang, office, [{ unitId: units.education.unit.id, role: 'sole' }], 'sole', title));
    }
    const classes = ['A1', 'B1', 'C2'];
    for (const [i, id] of ids.entries()) {
      await handler.post(`/api/suggestions/${id}/acknowledge`, acknowledgement);
      const promise =
        classes[i] === 'B1' ? { promise: { doneText: '', plannedText: '三年内建成', notDoneReason: '' } } : {};
      const s = await replyThroughChain(handler, [signer], id, {
        classCode: classes[i],
        body: '答复',
        handlerName: '周',
        handlerPhone: '1',
        ...promise,
      });
      if (i < 2) {
        await zhang.post(`/api/suggestions/${id}/ratings`, {
          replyId: s.replies.at(-1).id,
          attitude: 'very_satisfied',
          result: i === 0 ? 'satisfied' : 'basically_satisfied',
        });
      }
    }
    const figures = (await office.get('/api/figures/overview')).body;
    expect(figures.replies).toMatchObject({ replied: 3, onTime: 3, onTimeShare: 100 });
    expect(figures.feedback).toEqual({ rated: 2, shareOfReplied: 66.7 });
    expect(figures.ratings).toEqual({ attitudeGood: 2, attitudeGoodShare: 100, resultGood: 1, resultGoodShare: 50 });
    expect(figures.classes).toMatchObject({
      counts: { A1: 1, B1: 1, C2: 1 },
      aShare: 33.3,
      bShare: 33.3,
      cShare: 33.3,
      solvedOrPlannedShare: 66.7,
    });
    expect(figures.promises).toEqual({ open: 1, fulfilled: 0 });
    expect(figures.received.inSession).toBe(3);
  });

  it('a parent congress reads a child congress’s aggregates; not the other way round, and not a deputy', async () => {
    const office = await login(t.app, 'office');
    const cityOffice = await login(t.app, 'city_office');
    const zhang = await login(t.app, 'zhang');
    expect((await office.get(`/api/figures/overview?congressId=${t.world.city.id}`)).status).toBe(200);
    const up = await cityOffice.get(`/api/figures/overview?congressId=${t.world.province.id}`);
    expect(up.status).toBe(404);
    expect(up.body.message).toBe('人大不存在或无权查看');
    expect((await zhang.get('/api/figures/overview')).status).toBe(403);
    // Aggregates only: the parent still cannot open the child's suggestions.
    const zhao = await login(t.app, 'zhao');
    const citySuggestion = (
      await zhao.post('/api/suggestions', { title: '关于改造老旧小区的建议', body: '……', categoryCode: 'urban' })
    ).body;
    await zhao.post(`/api/suggestions/${citySuggestion.id}/submit`, {});
    expect((await cityOffice.get(`/api/suggestions/${citySuggestion.id}`)).status).toBe(200);
    expect((await office.get(`/api/suggestions/${citySuggestion.id}`)).status).toBe(404);
    expect(
      (await office.get(`/api/figures/overview?congressId=${t.world.city.id}`)).body.received.inSession +
        (await office.get(`/api/figures/overview?congressId=${t.world.city.id}`)).body.received.betweenSessions,
    ).toBe(1);
  });
});
