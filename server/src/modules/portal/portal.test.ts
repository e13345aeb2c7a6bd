import { describe, expect, it } from 'vitest';
import { acknowledgement, assigned, replyThroughChain } from '../../test/flows.js';
import { login, useTestApp } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';

describe.each(backends)('the public portal shows only what is published (%s)', (backend) => {
  const t = useTestApp(backend);

  it('lists a published suggestion with its sent reply and the rating outcome, and nothing else', async () => {
    const { units } = t.world;
    const zhang = await login(t.app, 'zhang');
    const office = await login(t.app, 'office');
    const handler = await login(t.app, 'education_handler');
    const signer = await login(t.app, 'education_signer');
    const published = await assigned(
      zhang,
      office,
      [{ unitId: units.education.unit.id, role: 'sole' }],
      'sole',
      '关于加强乡村教师队伍建设的建议',
    );
    const privateOne = await zhang.post('/api/suggestions', {
      title: '关于解决个人住房纠纷的建议',
      body: '涉及个人信息',
      categoryCode: 'education',
      mayDisclose: false,
    });
    await zhang.post(`/api/suggestions/${privateOne.body.id}/submit`, {});
    await office.post(`/api/suggestions/${privateOne.body.id}/register`, {});

    await handler.post(`/api/suggestions/${published}/acknowledge`, acknowledgement);
    await handler.post(`/api/suggestions/${published}/contacts`, {
      phase: 'before',
      kind: 'phone',
      contactedOn: '2026-01-12',
      summary: '代表手机13800000000',
    });
    const s = await replyThroughChain(handler, [signer], published, {
      classCode: 'A1',
      body: '您提出的建议收悉。已落实乡村教师生活补助。',
      handlerName: '周',
      handlerPhone: '0731-1',
    });
    const replyId = s.replies.at(-1).id;
    await zhang.post(`/api/suggestions/${published}/ratings`, {
      replyId,
      attitude: 'very_satisfied',
      result: 'satisfied',
      comment: '私下的评语',
    });

    const refused = await office.post(`/api/suggestions/${privateOne.body.id}/disclosure`, { publish: true });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe('代表已注明该建议不宜公开，不能公开');
    expect((await office.post(`/api/suggestions/${published}/disclosure`, { publish: true })).status).toBe(200);

    const list = await t.app.inject({
      method: 'GET',
      url: `/api/public/suggestions?congressId=${t.world.province.id}`,
    });
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({
      id: published,
      title: '关于加强乡村教师队伍建设的建议',
      sessionName: '省十三届人大三次会议',
      units: [{ name: '湖南省教育厅', role: 'sole' }],
      replyClass: 'A1',
      rating: { attitude: 'very_satisfied', result: 'satisfied' },
    });
    const options = (await t.app.inject({ method: 'GET', url: '/api/public/options' })).json();
    expect(options.units).toEqual([{ id: units.education.unit.id, name: '湖南省教育厅' }]);
    const filtered = (
      await t.app.inject({ method: 'GET', url: `/api/public/suggestions?unitId=${units.transport.unit.id}` })
    ).json();
    expect(filtered.total).toBe(0);

    const detail = (await t.app.inject({ method: 'GET', url: `/api/public/suggestions/${published}` })).json();
    expect(detail.replies).toHaveLength(1);
    expect(detail.replies[0]).toMatchObject({ unitName: '湖南省教育厅', classCode: 'A1' });
    const text = JSON.stringify(detail);
    expect(text).not.toContain('私下的评语');
    expect(text).not.toContain('13800000000');
    expect(text).not.toContain('0731-1');

    expect(
      (await t.app.inject({ method: 'GET', url: `/api/public/suggestions/${privateOne.body.id}` })).statusCode,
    ).toBe(404);
    const search = (
      await t.app.inject({ method: 'GET', url: `/api/public/suggestions?q=${encodeURIComponent('住房纠纷')}` })
    ).json();
    expect(search.total).toBe(0);
  });

  it('the public figures and unit ranking count disclosed suggestions only', async () => {
    const { units } = t.world;
    const zhang = await login(t.app, 'zhang');
    const office = await login(t.app, 'office');
    const reply = async (unit: 'transport' | 'development', title: string, result: string) => {
      const id = await assigned(zhang, office, [{ unitId: units[unit].unit.id, role: 'sole' }], 'sole', title);
      const handler = await login(t.app, `${unit}_handler`);
      expect((await handler.post(`/api/suggestions/${id}/acknowledge`, acknowledgement)).status).toBe(200);
      const chain = [`${unit}_reviewer`, `${unit}_signer`];
      const s = await replyThroughChain(handler, await Promise.all(chain.map((u) => login(t.app, u))), id, {
        classCode: 'A1',
        body: '您提出的建议收悉。现答复如下：已办理。',
        handlerName: '周',
        handlerPhone: '0731-1',
      });
      const rated = await zhang.post(`/api/suggestions/${id}/ratings`, {
        replyId: s.replies.at(-1).id,
        attitude: 'satisfied',
        result,
        comment: result === 'unsatisfied' ? '尚未落实，请重新办理' : '',
      });
      expect(rated.status, JSON.stringify(rated.body)).toBe(200);
      return id;
    };
    const roads = await reply('transport', '关于修缮县乡公路的建议', 'very_satisfied');
    const park = await reply('development', '关于建设产业园区的建议', 'basically_satisfied');
    await reply('development', '关于不公开的招商事项的建议', 'unsatisfied');
    for (const id of [roads, park])
      expect((await office.post(`/api/suggestions/${id}/disclosure`, { publish: true })).status).toBe(200);

    const res = await t.app.inject({ method: 'GET', url: '/api/public/figures' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.session.name).toBe('省十三届人大三次会议');
    // The first test's suggestion (教育厅) is published too: three disclosed, all replied and rated.
    expect(body.figures).toMatchObject({
      disclosed: 3,
      replied: 3,
      feedback: 3,
      unsatisfiedGiven: 0,
      resultGoodShare: 66.7,
      classABShare: 100,
    });
    expect(body.units.map((u: { unitName: string; rank: number | null }) => [u.rank, u.unitName])).toEqual([
      // Both 100 % on result, attitude and time: one rank, shared.
      [1, '湖南省交通运输厅'],
      [1, '湖南省教育厅'],
      [3, '湖南省发展和改革委员会'],
    ]);
    expect(body.units[2]).toMatchObject({ assignedLead: 1, feedback: 1, resultGoodShare: 0 });
    expect(body.sessions).toEqual([expect.objectContaining({ id: body.session.id, disclosed: 3 })]);
    expect(JSON.stringify(body)).not.toContain('招商');
    expect((await t.app.inject({ method: 'GET', url: '/api/public/figures?sessionId=999999' })).statusCode).toBe(404);
  });
});
