import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { acknowledgement, assigned, replyThroughChain } from '../../test/flows.js';
import type { App } from '../../app.js';
import { login, useTestApp, type Client } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';

/** An export fetched as a browser would, and its sheets read back as rows of cell text. */
async function download(app: App, client: Client, url: string) {
  const res = await app.inject({ method: 'GET', url, headers: { cookie: client.cookie } });
  if (res.statusCode !== 200)
    return { status: res.statusCode, body: res.json(), sheets: new Map<string, string[][]>() };
  expect(res.headers['content-type']).toContain('spreadsheetml');
  expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename\*=UTF-8''.+\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheets = new Map<string, string[][]>();
  wb.eachSheet((ws) => {
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
    sheets.set(ws.name, rows);
  });
  return { status: 200, body: null, sheets };
}

const b1 = {
  classCode: 'B1',
  body: '您提出的建议收悉。经研究，现答复如下：已列入三年计划。',
  handlerName: '周敏',
  handlerPhone: '0731-8888',
  promise: { doneText: '已完成规划', plannedText: '2028年底前建成', notDoneReason: '' },
};

describe.each(backends)('Excel exports (%s)', (backend) => {
  const t = useTestApp(backend);

  it('the suggestion table holds what the list shows the viewer, with any filter, and nothing else', async () => {
    const office = await login(t.app, 'office');
    const zhang = await login(t.app, 'zhang');
    const { transport, education } = t.world.units;
    const roads = await assigned(
      zhang,
      office,
      [{ unitId: transport.unit.id, role: 'sole' }],
      'sole',
      '关于改善农村公路的建议',
    );
    await assigned(zhang, office, [{ unitId: education.unit.id, role: 'sole' }], 'sole', '关于加强乡村学校建设的建议');

    const all = await download(t.app, office, '/api/suggestions/export');
    const listed = (await office.get('/api/suggestions?pageSize=200')).body;
    const rows = all.sheets.get('建议清单')!;
    expect(rows[0]![0]).toMatch(/^.+代表建议清单（\d{4}年\d{1,2}月\d{1,2}日导出，共\d+件）$/);
    expect(rows[1]).toEqual([
      '编号',
      '标题',
      '领衔代表',
      '代表团',
      '类别',
      '重点建议',
      '状态',
      '提出日期',
      '交办日期',
      '承办单位',
      '办理情况',
      '答复期限',
      '办理结果评价',
    ]);
    expect(rows.length - 2).toBe(listed.total);

    const filtered = await download(t.app, office, `/api/suggestions/export?unitId=${transport.unit.id}`);
    const titles = filtered.sheets
      .get('建议清单')!
      .slice(2)
      .map((r) => r[1]);
    expect(titles).toContain('关于改善农村公路的建议');
    expect(titles).not.toContain('关于加强乡村学校建设的建议');
    const road = filtered.sheets.get('建议清单')!.find((r) => r[1] === '关于改善农村公路的建议')!;
    const detail = (await office.get(`/api/suggestions/${roads}`)).body;
    expect(road[2]).toBe('张建国');
    expect(road[6]).toBe('办理中');
    expect(road[9]).toBe(`${transport.unit.name}（单独办理）`);
    expect(road[0]).toBe(detail.numberLabel);

    // A unit's export: its own suggestions only, as its list.
    const handler = await login(t.app, 'transport_handler');
    const own = await download(t.app, handler, '/api/suggestions/export');
    const ownTitles = own.sheets
      .get('建议清单')!
      .slice(2)
      .map((r) => r[1]);
    expect(ownTitles).toContain('关于改善农村公路的建议');
    expect(ownTitles).not.toContain('关于加强乡村学校建设的建议');
    expect(ownTitles.length).toBe((await handler.get('/api/suggestions?pageSize=200')).body.total);

    const bad = await download(t.app, office, '/api/suggestions/export?status=nonsense');
    expect(bad.status).toBe(400);
  });

  it('the ledger out to Excel: the unit’s promises with their terms, the office’s all, as their ledgers', async () => {
    const office = await login(t.app, 'office');
    const zhang = await login(t.app, 'zhang');
    const handler = await login(t.app, 'education_handler');
    const id = await assigned(
      zhang,
      office,
      [{ unitId: t.world.units.education.unit.id, role: 'sole' }],
      'sole',
      '关于建设乡村图书室的建议',
    );
    expect((await handler.post(`/api/suggestions/${id}/acknowledge`, acknowledgement)).status).toBe(200);
    await replyThroughChain(handler, [await login(t.app, 'education_signer')], id, b1);

    const ledger = await download(t.app, handler, '/api/promises/export');
    const rows = ledger.sheets.get('承诺台账')!;
    expect(rows[0]![0]).toMatch(new RegExp(`^${t.world.units.education.unit.name}承诺事项台账（.+导出，共1项）$`));
    expect(rows.slice(2)).toHaveLength(1);
    expect(rows[2]!.slice(1, 8)).toEqual([
      '关于建设乡村图书室的建议',
      t.world.units.education.unit.name,
      'B1',
      '已完成规划',
      '2028年底前建成',
      '',
      (await handler.get('/api/promises')).body.items[0].targetOn,
    ]);
    expect(rows[2]![10]).toBe('未完成');

    const other = await download(t.app, await login(t.app, 'transport_handler'), '/api/promises/export');
    expect(other.sheets.get('承诺台账')!.slice(2)).toHaveLength(0);
    const all = await download(t.app, office, '/api/promises/export');
    expect(all.sheets.get('承诺台账')!.length - 2).toBe((await office.get('/api/promises')).body.total);
  });

  it('the figures behind each chart are the dashboard’s own; a unit gets no other unit’s row', async () => {
    const office = await login(t.app, 'office');
    const dashboard = (await office.get('/api/figures/dashboard')).body;
    const figures = await download(t.app, office, '/api/figures/export');
    expect([...figures.sheets.keys()]).toEqual(['主要数字', '答复分类', '各承办单位', '历年趋势', '下级人大']);
    const children = (await office.get('/api/figures/children')).body;
    const childRows = figures.sheets.get('下级人大')!.slice(2);
    expect(childRows.map((r) => r[0])).toEqual([
      ...children.children.map((c: { congressName: string }) => c.congressName),
      '合计',
    ]);
    expect(childRows.at(-1)![1]).toBe(String(children.total.counts.received));
    const main = figures.sheets.get('主要数字')!;
    const line = (label: string) => main.find((r) => r[0] === label);
    expect(line('接收建议（件）')?.[1]).toBe(String(dashboard.counts.received));
    expect(line('已答复（件）')?.[1]).toBe(String(dashboard.counts.replied));
    expect(main[1]![1]).toBe(dashboard.cohortLabel);

    const units = (await office.get('/api/figures/units')).body.units;
    const unitRows = figures.sheets.get('各承办单位')!.slice(2);
    expect(unitRows.map((r) => r[0])).toEqual(units.map((u: { unitName: string }) => u.unitName));

    const handler = await login(t.app, 'transport_handler');
    const own = await download(t.app, handler, '/api/figures/export');
    const ownUnits =
      own.sheets
        .get('各承办单位')
        ?.slice(2)
        .map((r) => r[0]) ?? [];
    expect(ownUnits.every((name) => name === t.world.units.transport.unit.name)).toBe(true);

    // A parent congress sees a child's figures as totals only: no per-unit sheet.
    const child = await download(t.app, office, `/api/figures/export?congressId=${t.world.city.id}`);
    expect(child.status).toBe(200);
    expect([...child.sheets.keys()]).toEqual(['主要数字', '答复分类', '历年趋势']);
    const cityOffice = await login(t.app, 'city_office');
    expect((await download(t.app, cityOffice, `/api/figures/export?congressId=${t.world.province.id}`)).status).toBe(
      404,
    );
  });
});
