import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { login, useTestApp } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';
import { processEvents } from '../../jobs/event-worker.js';
import { runScanOnce } from '../../jobs/scheduler.js';
import { importFile, workbookOf, type SheetRows } from './import.test-kit.js';

const key = (period: string, number: number) => ({ 届次: 13, 会次: 2, 期间: period, 编号: number });

/** Last year's session of the test province (13th term, 2nd session), as an office keeps it in Excel. */
const lastYear: SheetRows = {
  会议: [{ 届次: 13, 会次: 2, 开幕日期: '2025-01-15', 闭幕日期: '2025-01-20' }],
  建议: [
    {
      ...key('大会期间', 1),
      标题: '关于加强乡村学校建设的建议',
      领衔代表: '张建国',
      联名代表: '李秀英、王志强',
      类别: '教育',
      提出日期: '2025-01-16',
      立案日期: '2025-01-25',
      交办日期: '2025-02-10',
    },
    {
      ...key('大会期间', 2),
      标题: '关于改善农村公路的建议',
      领衔代表: '李秀英',
      类别: '交通运输',
      提出日期: new Date(Date.UTC(2025, 0, 17)),
      立案日期: '2025年1月25日',
      交办日期: '2025/2/10',
    },
    {
      ...key('闭会期间', 1),
      标题: '关于发展特色农业的建议',
      领衔代表: '王志强',
      类别: '农业农村',
      提出日期: '2025-02-20',
      立案日期: '2025-02-25',
      交办日期: '2025-03-03',
    },
    {
      ...key('大会期间', 3),
      标题: '关于建设农家书屋的建议',
      领衔代表: '张建国',
      类别: '教育',
      提出日期: '2025-01-18',
      立案日期: '2025-01-25',
    },
  ],
  承办: [
    { ...key('大会期间', 1), 承办单位: '湖南省教育厅', 办理方式: '单独办理' },
    { ...key('大会期间', 2), 承办单位: '湖南省交通运输厅', 办理方式: '主办' },
    { ...key('大会期间', 2), 承办单位: '湖南省发展和改革委员会', 办理方式: '协办', 会办意见日期: '2025-03-20' },
    { ...key('闭会期间', 1), 承办单位: '湖南省教育厅', 办理方式: '分别办理' },
    { ...key('闭会期间', 1), 承办单位: '湖南省发展和改革委员会', 办理方式: '分别办理' },
  ],
  答复: [
    {
      ...key('大会期间', 1),
      承办单位: '湖南省教育厅',
      答复日期: '2025-04-10',
      答复分类: 'A2',
      按时答复: '是',
      办理态度: '很满意',
      办理结果: '满意',
      已销号: '是',
    },
    {
      ...key('大会期间', 2),
      承办单位: '湖南省交通运输厅',
      轮次: 0,
      答复日期: '2025-05-01',
      答复分类: 'B1',
      办理态度: '不满意',
      办理结果: '不满意',
      测评意见: '路还没修',
    },
    {
      ...key('大会期间', 2),
      承办单位: '湖南省交通运输厅',
      轮次: 1,
      答复日期: '2025-06-10',
      答复分类: 'B1',
      办理态度: '满意',
      办理结果: '基本满意',
      计划事项: '2027年底前完成改造',
    },
    { ...key('闭会期间', 1), 承办单位: '湖南省教育厅', 答复日期: '2025-07-15', 答复分类: 'C2' },
    {
      ...key('闭会期间', 1),
      承办单位: '湖南省发展和改革委员会',
      答复日期: '2025-04-20',
      答复分类: 'A3',
      办理态度: '基本满意',
      办理结果: '基本满意',
    },
  ],
};

describe.each(backends)('Excel import of past years (%s)', (backend) => {
  const t = useTestApp(backend);

  it('imports a good file exactly: the suggestions, their handling and the figures of that year', async () => {
    const office = await login(t.app, 'office');
    const job = await importFile(t.app, office, 'suggestions', await workbookOf('suggestions', lastYear));
    expect(job.problems).toEqual([]);
    expect(job.state).toBe('done');
    expect(job.counts).toEqual({ sessions: 1, suggestions: 4, assignments: 5, replies: 5, ratings: 4, promises: 2 });

    const session = await t.db
      .selectFrom('congress_session')
      .select('id')
      .where('congress_id', '=', t.world.province.id)
      .where('ordinal', '=', 2)
      .executeTakeFirstOrThrow();

    const list = (await office.get(`/api/suggestions?sessionId=${session.id}&pageSize=50&sort=number`)).body;
    expect(list.total).toBe(4);
    const byTitle = new Map<string, { id: number; status: string }>(
      list.items.map((i: { id: number; title: string; status: string }) => [i.title, i]),
    );
    expect(byTitle.get('关于加强乡村学校建设的建议')?.status).toBe('closed');
    expect(byTitle.get('关于改善农村公路的建议')?.status).toBe('closed');
    expect(byTitle.get('关于发展特色农业的建议')?.status).toBe('closed');
    expect(byTitle.get('关于建设农家书屋的建议')?.status).toBe('registered');

    const road = (await office.get(`/api/suggestions/${byTitle.get('关于改善农村公路的建议')!.id}`)).body;
    expect(road.number).toBe(2);
    expect(road.mode).toBe('lead_co');
    expect(road.replies.map((r: { round: number; classCode: string }) => [r.round, r.classCode])).toEqual([
      [0, 'B1'],
      [1, 'B1'],
    ]);
    const school = (await office.get(`/api/suggestions/${byTitle.get('关于加强乡村学校建设的建议')!.id}`)).body;
    expect(school.cosigners.map((c: { name: string }) => c.name).sort()).toEqual(['李秀英', '王志强'].sort());

    // Marked as imported, in the real tables.
    const marked = await sql<{
      n: number;
    }>`select count(*)::int as n from suggestion where import_job_id = ${job.id}`.execute(t.db);
    expect(marked.rows[0]!.n).toBe(4);

    const figures = (await office.get(`/api/figures/overview?sessionId=${session.id}`)).body;
    expect(figures.received).toEqual({ inSession: 3, betweenSessions: 1, registered: 4, continuedFromEarlier: 0 });
    expect(figures.units).toBe(3);
    expect(figures.replies).toMatchObject({
      replied: 3,
      onTime: 2,
      onTimeShare: 66.7,
      within3Months: 3,
      rehandling: 0,
      overdueNow: 0,
      closed: 3,
    });
    expect(figures.coOpinions).toEqual({ sent: 1, onTime: 1, onTimeShare: 100 });
    expect(figures.feedback).toEqual({ rated: 3, shareOfReplied: 100 });
    expect(figures.ratings).toEqual({
      attitudeGood: 2,
      attitudeGoodShare: 66.7,
      resultGood: 1,
      resultGoodShare: 33.3,
    });
    // Classes count each answering unit's latest letter (docs/counting-rules.md): the separately
    // handled suggestion gives two, C2 and A3.
    expect(figures.classes).toEqual({
      counts: { A2: 1, A3: 1, B1: 1, C2: 1 },
      aShare: 50,
      bShare: 25,
      cShare: 25,
      solvedOrPlannedShare: 75,
    });
    expect(figures.promises).toEqual({ open: 1, fulfilled: 1 });

    // One audit entry for the whole import.
    const audit = await t.db.selectFrom('audit_event').selectAll().where('action', '=', 'import.published').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      entity_id: job.id,
      congress_id: t.world.province.id,
      actor_user_id: t.world.users.office.id,
    });

    // The same file again: every number is taken now, and nothing more is written.
    const again = await importFile(
      t.app,
      office,
      'suggestions',
      await workbookOf('suggestions', { 建议: lastYear.建议! }),
    );
    expect(again.state).toBe('checked');
    expect(again.problems.map((p) => [p.sheet, p.row, p.column, p.message])).toEqual([
      ['建议', 2, 'D', '系统中已有第13届第2次会议大会期间第1号建议'],
      ['建议', 3, 'D', '系统中已有第13届第2次会议大会期间第2号建议'],
      ['建议', 4, 'D', '系统中已有第13届第2次会议闭会期间第1号建议'],
      ['建议', 5, 'D', '系统中已有第13届第2次会议大会期间第3号建议'],
    ]);
  });

  it('a file with problems in known cells reports exactly those cells and changes nothing', async () => {
    const office = await login(t.app, 'office');
    const before = await counts(t.db);
    const bad: SheetRows = {
      建议: [
        {
          ...key('大会期间', 7),
          标题: '关于甲的建议',
          领衔代表: '不存在的人',
          类别: '教育',
          提出日期: '2025-01-16',
          立案日期: '2025-01-25',
          交办日期: '2025-02-10',
        },
        {
          ...key('大会期间', 7),
          标题: '关于乙的建议',
          领衔代表: '张建国',
          类别: '教育',
          提出日期: '2025-13-01',
          立案日期: '2025-01-25',
          交办日期: '2025-02-10',
        },
        {
          ...key('大会期间', 8),
          标题: '关于丙的建议',
          领衔代表: '张建国',
          代表团: '火星代表团',
          类别: '天文',
          提出日期: '2025-01-16',
          立案日期: '2025-01-25',
          交办日期: '2025-02-10',
        },
        {
          ...key('大会期间', 9),
          领衔代表: '张建国',
          类别: '教育',
          提出日期: '2025-01-16',
          立案日期: '2025-01-25',
          交办日期: '2025-02-10',
        },
        {
          届次: 13,
          会次: 9,
          期间: '大会期间',
          编号: 1,
          标题: '关于丁的建议',
          领衔代表: '张建国',
          类别: '教育',
          提出日期: '2025-01-16',
          立案日期: '2025-01-25',
        },
      ],
      承办: [
        { ...key('大会期间', 9), 承办单位: '湖南省魔法厅', 办理方式: '单独办理' },
        { ...key('大会期间', 9), 承办单位: '湖南省教育厅', 办理方式: '随便办理' },
      ],
      答复: [
        {
          ...key('大会期间', 9),
          承办单位: '湖南省教育厅',
          答复日期: '昨天',
          答复分类: 'Z9',
          办理态度: '还行',
          办理结果: '满意',
        },
      ],
    };
    const job = await importFile(t.app, office, 'suggestions', await workbookOf('suggestions', bad));
    expect(job.state).toBe('checked');
    expect(job.problems.map((p) => [p.sheet, p.row, p.column, p.field, p.message])).toEqual([
      ['建议', 2, 'F', '领衔代表', '代表「不存在的人」不在代表名单中，请先导入代表名单'],
      ['建议', 3, 'D', '编号', '第13届第2次会议大会期间第7号建议与第2行重复'],
      ['建议', 3, 'J', '提出日期', '「2025-13-01」不是有效的日期'],
      ['建议', 4, 'H', '代表团', '代表团「火星代表团」不存在'],
      ['建议', 4, 'I', '类别', '类别「天文」不在本级人大的建议类别中'],
      ['建议', 5, 'E', '标题', '「标题」未填写'],
      ['建议', 6, 'B', '会次', '第13届第9次会议不存在，请在「会议」表中列出'],
      ['承办', 2, 'E', '承办单位', '承办单位「湖南省魔法厅」不存在，请先导入承办单位'],
      ['承办', 3, 'F', '办理方式', '「随便办理」应为单独办理、主办、协办或分别办理'],
      ['答复', 2, 'G', '答复日期', '「昨天」不是日期，请填写如 2020-02-12 或 2020年2月12日'],
      ['答复', 2, 'H', '答复分类', '答复分类「Z9」不在本级人大的分类标注表中（A1、A2、A3、B1、B2、C1、C2）'],
      ['答复', 2, 'K', '办理态度', '「还行」不是测评结果，应为很满意、满意、基本满意或不满意'],
    ]);
    expect(job.problemCount).toBe(12);
    // Nothing was written, and a file with problems cannot be published.
    expect((await office.post(`/api/imports/${job.id}/publish`)).status).toBe(409);
    expect(await counts(t.db)).toEqual(before);
  });

  it('an imported suggestion is found by its words once its search words are cut after the publish', async () => {
    const office = await login(t.app, 'office');
    const words: SheetRows = {
      会议: [],
      建议: [
        {
          ...key('大会期间', 201),
          标题: '关于整治湘江流域采砂的建议',
          领衔代表: '张建国',
          类别: '交通运输',
          提出日期: '2025-01-16',
          立案日期: '2025-01-25',
        },
      ],
      承办: [],
      答复: [],
    };
    const job = await importFile(t.app, office, 'suggestions', await workbookOf('suggestions', words));
    expect(job.problems).toEqual([]);
    const found = async () =>
      (await office.get(`/api/suggestions?q=${encodeURIComponent('采砂')}`)).body.items.map(
        (i: { title: string }) => i.title,
      );
    // The publish's transaction wrote the rows only; the event worker cuts the words.
    expect(await found()).toEqual([]);
    await processEvents({ db: t.db, clock: t.clock, smtpUrl: null, mailFrom: 'lianxin@example.org' });
    expect(await found()).toEqual(['关于整治湘江流域采砂的建议']);
  });

  it('an imported part still unanswered is history: the scanner reminds nobody of it', async () => {
    const office = await login(t.app, 'office');
    // The same year once more under other numbers (the first case of this file imported it).
    const renumbered = (rows: SheetRows[string]) => rows.map((r) => ({ ...r, 编号: Number(r.编号) + 100 }));
    const unanswered: SheetRows = {
      会议: [],
      建议: renumbered(lastYear.建议!),
      承办: renumbered(lastYear.承办!),
      答复: renumbered(lastYear.答复!.filter((r) => !(r.期间 === '闭会期间' && r.承办单位 === '湖南省教育厅'))),
    };
    const job = await importFile(t.app, office, 'suggestions', await workbookOf('suggestions', unanswered));
    expect(job.problems).toEqual([]);
    const open = await t.db
      .selectFrom('assignment as a')
      .innerJoin('suggestion as s', 's.id', 'a.suggestion_id')
      .select(['a.id', 'a.state', 's.id as suggestionId'])
      .where('s.import_job_id', '=', job.id)
      .where('a.state', '=', 'handling')
      .execute();
    expect(open).toHaveLength(1);
    await runScanOnce(t.app.ctx);
    const reminded = await t.db
      .selectFrom('reminder_sent')
      .select('assignment_id')
      .where('assignment_id', '=', open[0]!.id)
      .execute();
    expect(reminded).toEqual([]);
    const notices = await t.db
      .selectFrom('outbox')
      .select('id')
      .where('suggestion_id', '=', open[0]!.suggestionId)
      .execute();
    expect(notices).toEqual([]);
  });
});

async function counts(db: import('../../platform/db.js').Db) {
  const r = await sql<Record<string, number>>`select
    (select count(*)::int from suggestion) as suggestions, (select count(*)::int from assignment) as assignments,
    (select count(*)::int from reply) as replies, (select count(*)::int from rating) as ratings,
    (select count(*)::int from promise) as promises, (select count(*)::int from congress_session) as sessions,
    (select count(*)::int from audit_event) as audit`.execute(db);
  return r.rows[0];
}
