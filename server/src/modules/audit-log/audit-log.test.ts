import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { registered } from '../../test/flows.js';
import { login, useTestApp, type Client } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';

describe.each(backends)('the office’s audit log (%s)', (backend) => {
  const t = useTestApp(backend);
  let office: Client;
  let zhang: Client;
  let registeredId: number;
  let draftId: number;
  beforeAll(async () => {
    office = await login(t.app, 'office');
    zhang = await login(t.app, 'zhang');
    registeredId = (await registered(zhang, office, '关于审计日志测试的建议')).id;
    const draft = await zhang.post('/api/suggestions', {
      title: '关于尚未提交的草稿的建议',
      body: '草稿内容',
      categoryCode: 'transport',
    });
    draftId = draft.body.id;
    // The city's own history, which the province's office must never read.
    const cityDeputy = await login(t.app, 'zhao');
    await login(t.app, 'city_office');
    expect(cityDeputy.me.grants[0]!.congressId).toBe(t.world.city.id);
  });

  it('lists who did what and when across the congress, newest first, in Chinese', async () => {
    const page = await office.get('/api/audit-log?pageSize=200');
    expect(page.status).toBe(200);
    const actions = page.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['suggestion.registered', 'suggestion.submitted', 'user.logged_in']),
    );
    const registration = page.body.items.find((e: { action: string }) => e.action === 'suggestion.registered');
    expect(registration).toMatchObject({
      actor: { userId: t.world.users.office.id, displayName: '议案建议处', username: 'office' },
      actorRole: 'liaison_office',
      actorRoleLabel: '联工委',
      actionLabel: '立案',
      suggestion: { id: registeredId, title: '关于审计日志测试的建议', number: expect.any(Number) },
    });
    const ids = page.body.items.map((e: { id: number }) => e.id);
    expect(ids).toEqual([...ids].sort((x: number, y: number) => y - x));
    expect(page.body.total).toBe(page.body.items.length);
  });

  it('never shows another congress’s entries, nor the history of a draft the office may not see', async () => {
    const page = await office.get('/api/audit-log?pageSize=200');
    const cityUsers = [t.world.deputies.cityDeputy.user.id, t.world.users.cityOffice.id];
    expect(
      page.body.items.filter((e: { actor: { userId: number } | null }) => cityUsers.includes(e.actor?.userId ?? -1)),
    ).toEqual([]);
    expect(page.body.items.filter((e: { suggestion: { id: number } | null }) => e.suggestion?.id === draftId)).toEqual(
      [],
    );
    expect((await office.get(`/api/audit-log?suggestionId=${draftId}`)).body).toMatchObject({ items: [], total: 0 });
    const city = await login(t.app, 'city_office');
    const cityPage = await city.get('/api/audit-log?pageSize=200');
    expect(cityPage.body.items.length).toBeGreaterThan(0);
    expect(cityPage.body.items.every((e: { suggestion: unknown }) => e.suggestion === null)).toBe(true);
    expect(cityPage.body.items.map((e: { actor: { username: string } }) => e.actor.username).sort()).not.toContain(
      'office',
    );
    expect((await city.get(`/api/audit-log?suggestionId=${registeredId}`)).body.total).toBe(0);
  });

  it('filters by person, action, suggestion and date, and pages', async () => {
    const byPerson = await office.get(`/api/audit-log?actorUserId=${t.world.deputies.zhang.user.id}&pageSize=200`);
    expect(byPerson.body.items.length).toBeGreaterThan(0);
    expect(byPerson.body.items.every((e: { actor: { username: string } }) => e.actor.username === 'zhang')).toBe(true);
    const byAction = await office.get('/api/audit-log?action=suggestion.submitted');
    expect(byAction.body.items.map((e: { suggestion: { id: number } }) => e.suggestion.id)).toEqual([registeredId]);
    const bySuggestion = await office.get(`/api/audit-log?suggestionId=${registeredId}`);
    expect(bySuggestion.body.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'suggestion.created',
      'suggestion.registered',
      'suggestion.submitted',
    ]);
    // The entries were written at the wall clock's today (Beijing): a day after it lists none.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect((await office.get(`/api/audit-log?from=${today}&to=${today}`)).body.total).toBe(
      (await office.get('/api/audit-log')).body.total,
    );
    expect((await office.get(`/api/audit-log?from=${tomorrow}`)).body.total).toBe(0);
    const first = await office.get('/api/audit-log?pageSize=2&page=1');
    const second = await office.get('/api/audit-log?pageSize=2&page=2');
    expect(first.body.items).toHaveLength(2);
    expect(second.body.items[0].id).toBeLessThan(first.body.items[1].id);
    expect(first.body.total).toBe(second.body.total);
  });

  it('refuses bad filters in Chinese and changes nothing', async () => {
    const bad = await office.get('/api/audit-log?from=2026-02-01&to=2026-01-01');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('起始日不能晚于截止日');
    expect((await office.get('/api/audit-log?action=nonsense')).status).toBe(400);
    expect((await office.get('/api/audit-log?pageSize=1000')).status).toBe(400);
  });

  it('is the office’s alone', async () => {
    for (const username of ['zhang', 'transport_handler', 'gov', 'committee', 'leader']) {
      const someone = await login(t.app, username);
      for (const url of [
        '/api/audit-log',
        '/api/audit-log/export',
        '/api/audit-log/actors',
        '/api/audit-log/actions',
      ]) {
        expect((await someone.get(url)).status, `${username} ${url}`).toBe(403);
      }
    }
  });

  it('exports the filtered entries to Excel with Chinese headers and action names', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/audit-log/export?suggestionId=${registeredId}`,
      headers: { cookie: office.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('湖南省人民代表大会审计日志.xlsx'));
    const workbook = new ExcelJS.Workbook();
    // exceljs types its input as an older Buffer.
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('审计日志')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '时间',
      '操作人',
      '用户名',
      '角色',
      '操作',
      '建议编号',
      '建议标题',
      '对象',
    ]);
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    expect(rows.map((r) => r[5]).sort()).toEqual(['提交建议', '立案', '起草建议'].sort());
    expect(rows.every((r) => r[7] === '关于审计日志测试的建议')).toBe(true);
    expect(String(rows[0]![1])).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it('offers the people and the actions to filter by', async () => {
    const actors = (await office.get('/api/audit-log/actors')).body.items.map((a: { username: string }) => a.username);
    expect(actors).toEqual(expect.arrayContaining(['office', 'zhang']));
    expect(actors).not.toContain('zhao');
    const actions = (await office.get('/api/audit-log/actions')).body.items;
    expect(actions).toContainEqual({ action: 'suggestion.registered', label: '立案' });
  });
});
