import { beforeAll, describe, expect, it } from 'vitest';
import { createCategory, createDeputy, createNamed } from '../../db/seeds/fixtures.js';
import { submitted } from '../../test/flows.js';
import { backends } from '../../test/test-database.js';
import { login, useTestApp, type Client } from '../../test/test-app.js';
import { attr, readDocx } from '../documents/docx.test-kit.js';
import { childElements, textOf, type XmlElement } from '../documents/xml-dom.js';

// The topic analysis of the province's session, built through the API with counts known by
// construction: 12 registered in-session suggestions of four categories by deputies of two
// delegations and one without; a submitted, a declined and a between-session one that do not
// count. 教科文卫委 supervises education and health, 农业与农村委员会 agriculture, none transport.

type Block = { p: string } | { table: string[][] };

/** The body in order: non-empty paragraphs' text and tables' cell texts, row by row. */
function blocksOf(body: XmlElement): Block[] {
  return childElements(body).flatMap((el): Block[] => {
    if (el.name === 'w:p') return textOf(el) === '' ? [] : [{ p: textOf(el) }];
    if (el.name !== 'w:tbl') return [];
    return [{ table: childElements(el, 'w:tr').map((tr) => childElements(tr, 'w:tc').map(textOf)) }];
  });
}

const organ = '湖南省人大常委会选举任免联络工作委员会';

/** The blocks between a heading and the next 一、二、… heading (or the signature). */
function section(blocks: Block[], heading: string): Block[] {
  const start = blocks.findIndex((b) => 'p' in b && b.p === heading);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const rest = blocks.slice(start + 1);
  const end = rest.findIndex((b) => 'p' in b && (/^[一二三四五六七八九十]、/.test(b.p) || b.p === organ));
  return end < 0 ? rest : rest.slice(0, end);
}

const tables = (blocks: Block[]) => blocks.flatMap((b) => ('table' in b ? [b.table] : []));
const paragraphs = (blocks: Block[]) => blocks.flatMap((b) => ('p' in b ? [b.p] : []));

describe.each(backends)('the post-session topic analysis as Word (%s)', (backend) => {
  const t = useTestApp(backend);
  let office: Client;
  let blocks: Block[];
  const sessionQuery = () => `sessionId=${t.world.session.id}`;

  beforeAll(async () => {
    const { province, session } = t.world;
    const yueyang = await createNamed(t.db, 'delegation', province.id, '岳阳代表团');
    await createDeputy(t.db, {
      congressId: province.id,
      termId: session.term_id,
      name: '周志刚',
      username: 'zhou',
      delegationId: yueyang.id,
    });
    await createDeputy(t.db, { congressId: province.id, termId: session.term_id, name: '吴丽', username: 'wu' });
    await createCategory(t.db, province.id, 'health', '医疗卫生', t.world.committee.id);
    const farming = await createNamed(t.db, 'committee', province.id, '农业与农村委员会');
    await t.db
      .updateTable('suggestion_category')
      .set({ committee_id: farming.id })
      .where('code', '=', 'agriculture')
      .where('congress_id', '=', province.id)
      .execute();

    office = await login(t.app, 'office');
    const deputies: Record<string, Client> = {};
    for (const name of ['zhang', 'li', 'zhou', 'wu']) deputies[name] = await login(t.app, name);
    const suggest = async (who: string, categoryCode: string, title: string, body: string) => {
      const s = await submitted(deputies[who]!, title, { categoryCode, body });
      const r = await office.post(`/api/suggestions/${s.id}/register`, { version: s.version });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body as { id: number; number: number };
    };
    // 农村公路 in three of five transport suggestions; in no other category.
    await suggest(
      'zhang',
      'transport',
      '关于加快农村公路提质改造的建议',
      '农村公路等级偏低，路面破损严重，提质改造任务重。',
    );
    await suggest('zhang', 'transport', '关于保障农村公路养护资金的建议', '农村公路养护资金缺口大，县乡财力不足。');
    await suggest(
      'li',
      'transport',
      '关于完善农村公路安全防护设施的建议',
      '农村公路临水临崖路段护栏缺失，安全隐患突出。',
    );
    await suggest('zhou', 'transport', '关于整治货车超限超载的建议', '货车超限超载屡禁不止，路面损坏快。');
    await suggest('wu', 'transport', '关于优化城乡客运班线的建议', '城乡客运班线少，群众出行不便。');
    await suggest('zhang', 'education', '关于建设乡村学校食堂的建议', '乡村学校食堂条件简陋，学生营养餐难以保障。');
    await suggest('li', 'education', '关于改善乡村学校宿舍的建议', '乡村学校宿舍拥挤，寄宿生住宿条件差。');
    await suggest('zhou', 'education', '关于补充乡村教师的建议', '乡村教师流失严重，结构性缺编突出。');
    await suggest('zhou', 'health', '关于提升基层医疗服务能力的建议', '乡镇卫生院医生不足，设备老化。');
    await suggest('wu', 'health', '关于完善村卫生室建设的建议', '村卫生室药品种类少，村医待遇低。');
    await suggest('li', 'agriculture', '关于扶持特色农产品加工的建议', '特色农产品加工链条短，附加值低。');
    await suggest('zhou', 'agriculture', '关于稳定粮食生产的建议', '种粮收益低，耕地撂荒时有发生。');
    // Not counted: still awaiting registration, declined, and raised after the session.
    await submitted(deputies.zhang!, '关于农村公路路灯照明的建议', {
      categoryCode: 'transport',
      body: '农村公路夜间无照明。',
    });
    const declined = await submitted(deputies.li!, '关于修建乡村学校体育馆的建议', {
      categoryCode: 'education',
      body: '乡村学校缺少体育馆。',
    });
    const d = await office.post(`/api/suggestions/${declined.id}/decline`, {
      version: declined.version,
      reason: '属于个人诉求',
    });
    expect(d.status, JSON.stringify(d.body)).toBe(200);
    t.clock.set(new Date('2026-02-01T02:00:00Z'));
    await suggest('zhou', 'agriculture', '关于闭会期间加强农田水利的建议', '农田水利设施老化。');

    const res = await t.app.inject({
      method: 'GET',
      url: `/api/figures/topic-analysis.docx?${sessionQuery()}`,
      headers: { cookie: office.cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('省十三届人大三次会议代表建议内容分析.docx')}`,
    );
    const docx = await readDocx(res.rawPayload);
    blocks = blocksOf(docx.body);
    const [title, , opening] = docx.paragraphs;
    expect(attr(title!.el, 'w:rFonts', 'w:eastAsia')).toBe('方正小标宋简体');
    expect(attr(opening!.el, 'w:rFonts', 'w:eastAsia')).toBe('仿宋');
    expect(attr(opening!.el, 'w:sz', 'w:val')).toBe('32');
  });

  it('opens with the session’s numbers', () => {
    expect(paragraphs(blocks).slice(0, 2)).toEqual([
      '省十三届人大三次会议代表建议内容分析',
      '本次会议期间，经审查立案的代表建议共12件，涉及4个类别，由2个代表团的代表领衔提出。' +
        '其中，交通运输类最多，5件，占41.7%；长沙代表团提出最多，6件，占50.0%。现将建议内容分析如下。',
    ]);
    expect(paragraphs(blocks).slice(-2)).toEqual([organ, '2026年2月1日']);
  });

  it('counts the registered suggestions by category, most first', () => {
    expect(tables(section(blocks, '一、建议类别分布情况'))).toEqual([
      [
        ['类别', '件数', '占比'],
        ['交通运输类', '5', '41.7%'],
        ['教育类', '3', '25.0%'],
        // Equal counts in the catalogue's order (by code).
        ['农业农村类', '2', '16.7%'],
        ['医疗卫生类', '2', '16.7%'],
        ['合计', '12', '100.0%'],
      ],
    ]);
  });

  it('counts by the lead deputy’s delegation, those without one last', () => {
    expect(tables(section(blocks, '二、各代表团提出建议情况'))).toEqual([
      [
        ['代表团', '件数', '占比'],
        ['长沙代表团', '6', '50.0%'],
        ['岳阳代表团', '4', '33.3%'],
        ['未归属代表团', '2', '16.7%'],
        ['合计', '12', '100.0%'],
      ],
    ]);
  });

  it('finds the term planted in several suggestions of one category among its key terms', () => {
    const lines = paragraphs(section(blocks, '三、代表关注的主要问题'));
    const transport = lines.find((l) => l.startsWith('（一）交通运输类，共5件。'));
    expect(transport).toContain('“农村公路”（3件）');
    for (const other of lines.filter((l) => /^（[二三四]）/.test(l))) expect(other).not.toContain('农村公路');
    expect(lines.find((l) => l.startsWith('（二）教育类，共3件。'))).toContain('“乡村”（3件）');
  });

  it('lists for each committee exactly the suggestions of its categories', () => {
    const part = section(blocks, '四、各专门委员会对口建议清单');
    expect(paragraphs(part)).toEqual([
      '按建议类别与专门委员会的对口关系，各专门委员会对口联系的建议如下。',
      '（一）教育科学文化卫生委员会（对口教育类和医疗卫生类，共5件）',
      '（二）农业与农村委员会（对口农业农村类，共2件）',
      '另有5件建议所属类别尚未设定对口专门委员会（交通运输类5件），未列入上述清单。',
    ]);
    const [culture, farming] = tables(part);
    expect(culture!.map((r) => r.slice(1))).toEqual([
      ['建议标题', '领衔代表', '代表团'],
      ['关于建设乡村学校食堂的建议', '张建国', '长沙代表团'],
      ['关于改善乡村学校宿舍的建议', '李秀英', '长沙代表团'],
      ['关于补充乡村教师的建议', '周志刚', '岳阳代表团'],
      ['关于提升基层医疗服务能力的建议', '周志刚', '岳阳代表团'],
      ['关于完善村卫生室建设的建议', '吴丽', ''],
    ]);
    expect(culture!.slice(1).map((r) => r[0])).toEqual(['第6号', '第7号', '第8号', '第9号', '第10号']);
    expect(farming).toEqual([
      ['编号', '建议标题', '领衔代表', '代表团'],
      ['第11号', '关于扶持特色农产品加工的建议', '李秀英', '长沙代表团'],
      ['第12号', '关于稳定粮食生产的建议', '周志刚', '岳阳代表团'],
    ]);
  });

  it('is the office’s and the leaders’: another congress’s session is 404, bad input 400', async () => {
    const get = (client: Client, query: string) =>
      t.app.inject({
        method: 'GET',
        url: `/api/figures/topic-analysis.docx?${query}`,
        headers: { cookie: client.cookie },
      });
    expect((await get(await login(t.app, 'leader'), sessionQuery())).statusCode).toBe(200);
    expect((await get(await login(t.app, 'transport_handler'), sessionQuery())).statusCode).toBe(403);
    const cityOffice = await login(t.app, 'city_office');
    const foreign = await get(cityOffice, sessionQuery());
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().message).toBe('会议不存在或无权查看');
    expect((await get(office, `sessionId=${t.world.citySession.id}`)).statusCode).toBe(404);
    expect((await get(cityOffice, `sessionId=${t.world.citySession.id}`)).statusCode).toBe(200);
    // A child congress gives its parent aggregates only, not lists of suggestions.
    expect((await get(office, `congressId=${t.world.city.id}`)).statusCode).toBe(403);
    for (const bad of ['sessionId=abc', 'sessionId=0', 'sessionId=99999999999', 'congressId=-1']) {
      const res = await get(office, bad);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().message, bad).toMatch(/^输入有误：.*[\u4e00-\u9fff]/u);
    }
  });
});
