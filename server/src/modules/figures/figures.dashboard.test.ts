import { beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/test-database.js';
import { figureKeys, unitColumns } from './figures.definitions.js';
import { defaultHandlingRules } from '../handling-rules/handling-rules.workflow.js';
import JSZip from 'jszip';
import { login, useTestApp } from '../../test/test-app.js';
import { buildYear, buildYearBefore, FiguresWorld } from './figures.test-kit.js';

describe.each(backends)('dashboard figures, as the report counts them, as of a day (%s)', (backend) => {
  const t = useTestApp(backend);
  let w: FiguresWorld;
  let sessionQuery: string;

  beforeAll(async () => {
    w = await FiguresWorld.open(t);
    await buildYearBefore(t, w);
    await buildYear(t, w);
    sessionQuery = `sessionId=${t.world.session.id}`;
  });

  it('counts every figure of the session on its last day', async () => {
    const res = await w.office.get(`/api/figures/dashboard?${sessionQuery}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const f = res.body;
    expect(f.asOf).toBe('2026-02-10');
    expect(f.cohortLabel).toBe('省十三届人大三次会议');
    expect(f.counts).toEqual({
      received: 9,
      receivedInSession: 7,
      receivedBetweenSessions: 2,
      continuedFromEarlier: 0,
      replied: 7,
      repliedInSession: 6,
      repliedBetweenSessions: 1,
      // 不满意 twice on one (re-handled twice, replied again), once on another still re-handling.
      unsatisfiedGiven: 2,
      repliedAgain: 1,
      stillRehandling: 1,
      // sole, joint (the lead deputy's rating), separate (the worse of two units), twice.
      feedback: 4,
      attitudeVerySatisfied: 1,
      attitudeSatisfied: 2,
      attitudeBasicallySatisfied: 1,
      attitudeGood: 3,
      resultVerySatisfied: 1,
      resultSatisfied: 1,
      resultBasicallySatisfied: 2,
      resultGood: 2,
      // Each answering unit's latest letter: separate handling gives two, re-handling rounds none.
      classified: 8,
      classA: 5,
      classB: 1,
      classC: 2,
      classAB: 6,
      assignedLead: 10,
      assignedCo: 1,
      partsReplied: 8,
      partsRepliedOnTime: 8,
      coOpinionsSent: 1,
      coOpinionsOnTime: 1,
    });
    expect(f.classes).toEqual({ A1: 4, A3: 1, B1: 1, C1: 1, C2: 1 });
    expect(f.units).toBe(4);
    expect(f.shares).toEqual({
      feedbackOfReplied: 57.1,
      attitudeGood: 75,
      attitudeBasicallySatisfied: 25,
      resultGood: 50,
      resultBasicallySatisfied: 50,
      classA: 62.5,
      classB: 12.5,
      classC: 25,
      classAB: 75,
      repliedOnTime: 100,
      coOpinionsOnTime: 100,
    });
    // The year before at the same point (10 February 2025): 2 replied, 1 rated 很满意/满意, A1 and B1.
    expect(f.previous).toMatchObject({
      cohortLabel: '省十三届人大二次会议',
      asOf: '2025-02-10',
      counts: { received: 2, replied: 2, feedback: 1, attitudeGood: 1, resultGood: 1, classA: 1, classB: 1 },
      shares: { feedbackOfReplied: 50, attitudeGood: 100, resultGood: 100, classA: 50, classB: 50, classAB: 100 },
    });
    expect(f.changes).toMatchObject({
      feedbackOfReplied: 7.1,
      attitudeGood: -25,
      resultGood: -50,
      classA: 12.5,
      classB: -37.5,
      classAB: -25,
    });
  });

  it('counts the state of an earlier day: before the between-sessions suggestions and the second round', async () => {
    const f = (await w.office.get(`/api/figures/dashboard?${sessionQuery}&asOf=2026-01-25`)).body;
    expect(f.counts).toMatchObject({
      received: 7,
      receivedBetweenSessions: 0,
      replied: 6,
      unsatisfiedGiven: 2,
      repliedAgain: 0,
      stillRehandling: 2,
      feedback: 3,
      classified: 7,
    });
    expect(f.classes).toEqual({ A1: 2, A3: 1, B1: 1, C1: 1, C2: 2 });
    expect(f.previous.asOf).toBe('2025-01-25');
  });

  it('opens behind every number a list whose count is the number', async () => {
    for (const asOf of ['2026-01-25', '2026-02-10']) {
      const q = `${sessionQuery}&asOf=${asOf}`;
      const f = (await w.office.get(`/api/figures/dashboard?${q}`)).body;
      const keys = [...figureKeys, ...Object.keys(f.classes).map((c) => `class.${c}`)];
      for (const key of keys) {
        const list = await w.office.get(`/api/figures/drill?${q}&key=${key}&limit=500`);
        expect(list.status, key).toBe(200);
        const expected = key.startsWith('class.') ? f.classes[key.slice(6)] : f.counts[key];
        expect([key, list.body.total, list.body.rows.length]).toEqual([key, expected, expected]);
      }
    }
    const letters = (await w.office.get(`/api/figures/drill?${sessionQuery}&key=class.A1`)).body;
    expect(letters.level).toBe('reply');
    expect(letters.rows.every((r: { classCode: string; replyId: number }) => r.classCode === 'A1' && r.replyId)).toBe(
      true,
    );
    const co = (await w.office.get(`/api/figures/drill?${sessionQuery}&key=assignedCo`)).body;
    expect(co.rows).toMatchObject([
      { unitName: '湖南省发展和改革委员会', role: 'co', title: '关于建设综合交通枢纽的建议' },
    ]);
    const bad = await w.office.get(`/api/figures/drill?${sessionQuery}&key=nonsense`);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('invalid_input');
  });

  it('per unit: each cell is the figure with that unit as filter, and opens the same list', async () => {
    const table = (await w.office.get(`/api/figures/units?${sessionQuery}`)).body;
    expect(
      table.units.map((u: { unitName: string; counts: { assignedLead: number } }) => [
        u.unitName,
        u.counts.assignedLead,
      ]),
    ).toEqual([
      ['湖南省交通运输厅', 5],
      ['湖南省教育厅', 2],
      ['湖南省总工会', 2],
      ['湖南省发展和改革委员会', 1],
    ]);
    const transport = table.units[0];
    expect(transport).toMatchObject({
      isBigHandler: true,
      counts: { assignedCo: 0, partsReplied: 4, feedback: 2, attitudeGood: 1, resultGood: 2 },
      attitudeGoodShare: 50,
      resultGoodShare: 100,
    });
    for (const u of table.units) {
      const q = `${sessionQuery}&unitId=${u.unitId}`;
      const f = (await w.office.get(`/api/figures/dashboard?${q}`)).body;
      for (const key of unitColumns) {
        expect([u.unitName, key, f.counts[key]]).toEqual([u.unitName, key, u.counts[key]]);
        const list = (await w.office.get(`/api/figures/drill?${q}&key=${key}&limit=500`)).body;
        expect([u.unitName, key, list.total]).toEqual([u.unitName, key, u.counts[key]]);
      }
    }
  });

  it('filters by system, category and key', async () => {
    const party = t.world.units.federation.unit;
    const system = (
      await t.db
        .selectFrom('handling_unit')
        .select('unit_system_id')
        .where('id', '=', party.id)
        .executeTakeFirstOrThrow()
    ).unit_system_id;
    const bySystem = (await w.office.get(`/api/figures/dashboard?${sessionQuery}&unitSystemId=${system}`)).body;
    expect(bySystem.counts).toMatchObject({ received: 2, replied: 1, assignedLead: 2, classified: 1, classC: 1 });
    const education = (await w.office.get(`/api/figures/dashboard?${sessionQuery}&categoryCode=education`)).body;
    expect(education.counts).toMatchObject({ received: 2, replied: 2, feedback: 1, stillRehandling: 1 });
    const key = (await w.office.get(`/api/figures/dashboard?${sessionQuery}&isKey=true`)).body;
    expect(key.counts.received).toBe(0);
  });

  it('a unit sees its own, a government office its system, a committee its field; a deputy nothing', async () => {
    const transport = w.units.transport.handler;
    const own = (await transport.get(`/api/figures/dashboard?${sessionQuery}`)).body;
    expect(own.counts).toMatchObject({ received: 5, assignedLead: 5, replied: 4, classified: 4 });
    const list = (await transport.get(`/api/figures/drill?${sessionQuery}&key=received&limit=500`)).body;
    expect(list.total).toBe(5);
    for (const row of list.rows) expect((await transport.get(`/api/suggestions/${row.suggestionId}`)).status).toBe(200);
    const other = await transport.get(`/api/figures/dashboard?${sessionQuery}&unitId=${w.unitId('education')}`);
    expect(other.status).toBe(404);
    const units = (await transport.get(`/api/figures/units?${sessionQuery}`)).body.units;
    expect(units.map((u: { unitName: string }) => u.unitName)).toEqual(['湖南省交通运输厅']);

    const gov = await login(t.app, 'gov');
    expect((await gov.get(`/api/figures/dashboard?${sessionQuery}`)).body.counts.received).toBe(8);
    const committee = await login(t.app, 'committee');
    const field = (await committee.get(`/api/figures/dashboard?${sessionQuery}`)).body;
    expect(field.counts).toMatchObject({ received: 2, stillRehandling: 1 });
    expect((await w.zhang.get(`/api/figures/dashboard?${sessionQuery}`)).status).toBe(403);
  });

  it('a parent congress reads its children side by side and summed, and opens no list of theirs', async () => {
    const city = t.world.city.id;
    const child = await w.office.get(`/api/figures/dashboard?congressId=${city}`);
    expect(child.status).toBe(200);
    expect(child.body.mayOpenLists).toBe(false);
    expect((await w.office.get(`/api/figures/drill?congressId=${city}&key=received`)).status).toBe(403);
    expect((await w.office.get(`/api/figures/units?congressId=${city}`)).status).toBe(403);
    expect((await w.office.get(`/api/figures/dashboard?congressId=${city}&unitId=1`)).status).toBe(403);
    const children = (await w.office.get('/api/figures/children?year=2026')).body;
    expect(children.children.map((c: { congressName: string }) => c.congressName)).toEqual(['长沙市人民代表大会']);
    expect(children.total.counts).toEqual(children.children[0].counts);
    const cityOffice = await login(t.app, 'city_office');
    expect((await cityOffice.get(`/api/figures/dashboard?congressId=${t.world.province.id}`)).status).toBe(404);
  });

  it('shows the trend over the sessions at the same offset from their opening', async () => {
    const trend = (await w.office.get(`/api/figures/trends?${sessionQuery}`)).body.points;
    expect(trend.map((p: { cohortLabel: string; asOf: string }) => [p.cohortLabel, p.asOf])).toEqual([
      ['省十三届人大二次会议', '2025-02-10'],
      ['省十三届人大三次会议', '2026-02-10'],
    ]);
    expect(trend.map((p: { shares: { feedbackOfReplied: number } }) => p.shares.feedbackOfReplied)).toEqual([50, 57.1]);
  });

  it('writes the annual report as Word, every sentence from these figures', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/figures/report.docx?${sessionQuery}`,
      headers: { cookie: w.office.cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
      .map((p) => [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
      .filter((p) => p !== '');
    const meaning = (code: string) => defaultHandlingRules.replyClasses.find((c) => c.code === code)!.meaning;
    expect(paragraphs).toEqual([
      '关于2026年省人大代表建议督办工作情况的汇报',
      '一、代表建议接收和交办情况',
      // 7 in session to 4 units, 6 replied, 1 re-handling; 2 between sessions, 1 replied.
      '省十三届人大三次会议期间接收代表建议7件，分别交由4家单位办理，截至2月10日，已答复6件，其中尚有1件因代表反馈不满意正在重新办理；闭会期间共接收代表建议2件，已答复1件。其他的还在法定时限办理中。',
      '二、推动解决问题，督办成效',
      '一是办理进度。所有会办单位在法定时限内全部提交了会办意见；主办单位已答复8件，其中在规定时限内答复8件，占100.0%。',
      // 4 of 7 = 57.1 %, 2025 at the same point 1 of 2 = 50.0 %: 7.1 points up.
      '二是代表反馈率明显提高。代表目前通过建议平台反馈满意度测评意见的4件，占已答复建议总数57.1%（去年代表对1件反馈满意度，占50.0%）。',
      '三是代表满意率。截至2月，对于代表今年反馈的2件不满意件，除了1件还在重新办理中，各承办单位对其他1件进行了再次办理、再次答复。' +
        '反馈满意度的4件建议中，对办理态度很满意1件、满意2件，共占75.0%，比去年100.0%下降25.0%；基本满意1件，占25.0%。' +
        '对办理结果很满意1件、满意1件，共占50.0%，比去年100.0%下降50.0%；基本满意2件，占50.0%。',
      '四是建议所提问题的解决率和计划解决率有所下降。建议答复中' +
        `A1类（${meaning('A1')}）4件，A2类（${meaning('A2')}）0件，A3类（${meaning('A3')}）1件，共占62.5%；` +
        `B1类（${meaning('B1')}）1件，B2类（${meaning('B2')}）0件，共占12.5%；` +
        `C1类（${meaning('C1')}）1件，C2类（${meaning('C2')}）1件，共占25.0%。` +
        '也就是说，建议所提问题已经解决、已有规定和计划解决的共占建议总数的75.0%，比去年下降了25.0%。',
      '湖南省人大常委会选举任免联络工作委员会',
      '2026年2月10日',
    ]);
    expect(xml).toContain('w:eastAsia="仿宋"');
    const unit = await t.app.inject({
      method: 'GET',
      url: `/api/figures/report.docx?${sessionQuery}`,
      headers: { cookie: w.units.transport.handler.cookie },
    });
    expect(unit.statusCode).toBe(403);
  });
});
