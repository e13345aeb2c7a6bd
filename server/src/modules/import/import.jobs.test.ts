import { describe, expect, it } from 'vitest';
import { login, useTestApp } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';
import { importFile, settled, upload, workbookOf } from './import.test-kit.js';

// Importing the lists (deputies, units with their accounts), who may import what, and the
// life of a job: replaced by a newer upload, confirmed once, failing in Chinese.

describe.each(backends)('Excel import of lists, and its jobs (%s)', (backend) => {
  const t = useTestApp(backend);

  it('imports deputies and units with their accounts; an account logs in with the initial password', async () => {
    const office = await login(t.app, 'office');
    const units = await importFile(
      t.app,
      office,
      'units',
      await workbookOf('units', {
        系统: [{ 名称: '法院检察院系统', 政府系统: '否' }],
        单位: [
          { 单位名称: '湖南省高级人民法院', 简称: '省高院', 所属系统: '法院检察院系统' },
          { 单位名称: '湖南省水利厅', 简称: '省水利厅', 所属系统: '政府系统', 答复审核流程: '领导签发' },
        ],
        人员: [
          { 单位名称: '湖南省水利厅', 姓名: '周经办', 角色: '经办人', 登录名: 'water_handler' },
          { 单位名称: '湖南省水利厅', 姓名: '吴领导', 角色: '签发人', 登录名: 'water_signer' },
        ],
      }),
      'Start2026x',
    );
    expect(units.problems).toEqual([]);
    expect(units.counts).toEqual({ systems: 1, units: 2, accounts: 2 });
    const handler = await login(t.app, 'water_handler', 'Start2026x');
    expect(handler.me.grants[0]).toMatchObject({ role: 'unit_handler' });

    const deputies = await importFile(
      t.app,
      office,
      'deputies',
      await workbookOf('deputies', {
        代表团: [{ 类型: '代表团', 名称: '岳阳代表团' }],
        代表: [
          {
            姓名: '陈晓',
            届次: '十三',
            代表团: '岳阳代表团',
            职业: '教师',
            性别: '女',
            民族: '汉族',
            手机: '13800000000',
            身份证号: '43010219800101002x',
            登录名: 'chenxiao',
          },
          { 姓名: '刘波', 届次: 13, 代表团: '长沙代表团' },
        ],
      }),
      'Start2026x',
    );
    expect(deputies.problems).toEqual([]);
    expect(deputies.counts).toEqual({ deputies: 2, accounts: 1, terms: 0, delegations: 1, groups: 0 });
    const chen = await login(t.app, 'chenxiao', 'Start2026x');
    expect(chen.me.grants[0]).toMatchObject({ role: 'deputy', congressId: t.world.province.id });
    const stored = await t.db
      .selectFrom('deputy')
      .innerJoin('app_user', 'app_user.id', 'deputy.user_id')
      .select(['gender', 'ethnicity', 'deputy.phone', 'id_number', 'must_change_password'])
      .where('name', '=', '陈晓')
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      gender: 'female',
      ethnicity: '汉族',
      phone: '13800000000',
      id_number: '43010219800101002X',
      must_change_password: true,
    });

    // Exported as imported: the file has the template's sheets and the rows.
    const exported = await t.app.inject({
      method: 'GET',
      url: '/api/exports/deputies',
      headers: { cookie: office.cookie },
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    const again = await upload(t.app, office, 'deputies', exported.rawPayload);
    const checked = await settled(office, again.body.id);
    // Every deputy of the export is already there: the re-import names each one.
    expect(checked.problemCount).toBe(6);
    expect(new Set(checked.problems.map((p) => p.message.replace(/「.*」/, '「」')))).toEqual(
      new Set(['代表「」已在本届代表名单中', '登录名「」已被使用', '本届已有代表使用此身份证号']),
    );
  });

  it('the office of another congress can neither see, publish, nor export this one’s imports', async () => {
    const office = await login(t.app, 'office');
    const cityOffice = await login(t.app, 'city_office');
    const started = await upload(t.app, office, 'suggestions', await workbookOf('suggestions', { 建议: [] }));
    expect(started.status).toBe(202);
    await settled(office, started.body.id);
    expect((await cityOffice.get(`/api/imports/${started.body.id}`)).status).toBe(404);
    expect((await cityOffice.post(`/api/imports/${started.body.id}/publish`)).status).toBe(404);
    const provinceSession = t.world.session.id;
    const exported = await cityOffice.get(`/api/exports/suggestions?sessionId=${provinceSession}`);
    expect(exported.status).toBe(404);
    // A unit handler or a deputy may not import at all.
    const zhang = await login(t.app, 'zhang');
    const refused = await upload(t.app, zhang, 'deputies', await workbookOf('deputies', { 代表: [] }));
    expect(refused.status).toBe(403);
    expect((await zhang.get('/api/import-templates/deputies')).status).toBe(403);
    // What the city imports lands in the city, whatever the file says.
    const cityJob = await importFile(
      t.app,
      cityOffice,
      'units',
      await workbookOf('units', { 单位: [{ 单位名称: '长沙市水务局', 简称: '市水务局', 所属系统: '政府系统' }] }),
    );
    expect(cityJob.state).toBe('done');
    const unit = await t.db
      .selectFrom('handling_unit')
      .select('congress_id')
      .where('name', '=', '长沙市水务局')
      .executeTakeFirstOrThrow();
    expect(unit.congress_id).toBe(t.world.city.id);
  });

  it('a newer upload replaces a checked file that was never imported; a job is confirmed once', async () => {
    const office = await login(t.app, 'office');
    const unitsFile = (name: string) =>
      workbookOf('units', { 单位: [{ 单位名称: name, 简称: name.slice(3), 所属系统: '政府系统' }] });
    const first = await upload(t.app, office, 'units', await unitsFile('湖南省林业局'));
    expect((await settled(office, first.body.id)).state).toBe('checked');
    const second = await upload(t.app, office, 'units', await unitsFile('湖南省气象局'));
    expect((await settled(office, second.body.id)).state).toBe('checked');
    const replaced = await settled(office, first.body.id);
    expect(replaced).toMatchObject({ state: 'failed', error: '已上传新的文件，此文件未导入' });
    expect((await office.post(`/api/imports/${first.body.id}/publish`)).status).toBe(409);
    expect((await office.post(`/api/imports/${second.body.id}/publish`)).status).toBe(202);
    const again = await office.post(`/api/imports/${second.body.id}/publish`);
    expect(again.status).toBe(409);
    expect((await settled(office, second.body.id)).state).toBe('done');
    const names = await t.db
      .selectFrom('handling_unit')
      .select('name')
      .where('name', 'in', ['湖南省林业局', '湖南省气象局'])
      .execute();
    expect(names.map((n) => n.name)).toEqual(['湖南省气象局']);
  });

  it('a template names every sheet and offers the congress’s own lists; a file that is not Excel fails in Chinese', async () => {
    const office = await login(t.app, 'office');
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/import-templates/suggestions',
      headers: { cookie: office.cookie },
    });
    expect(res.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '选项', '建议', '承办', '答复', '会议']);
    const options = wb.getWorksheet('选项')!;
    const values = options.getSheetValues().flat().map(String);
    expect(values).toEqual(expect.arrayContaining(['湖南省教育厅', '教育', 'B1']));
    expect(values).not.toContain('长沙市住房和城乡建设局');

    const notExcel = await upload(t.app, office, 'deputies', Buffer.from('姓名,届次\n张三,13\n'), {
      fileName: 'list.xlsx',
    });
    const failed = await settled(office, notExcel.body.id);
    expect(failed.state).toBe('failed');
    expect(failed.error).toBe('无法读取文件：请上传 Excel 工作簿（.xlsx），可先下载模板填写');
    const csv = await upload(t.app, office, 'deputies', Buffer.from('x'), { fileName: 'list.csv' });
    expect(csv.status).toBe(400);
  });
});
