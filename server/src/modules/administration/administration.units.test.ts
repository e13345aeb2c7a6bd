import { describe, expect, it } from 'vitest';
import { acknowledgement, assigned, registered, replyThroughChain } from '../../test/flows.js';
import { login, useTestApp } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';

const b1 = {
  classCode: 'B1',
  body: '您提出的建议收悉。经研究，现答复如下：已列入三年计划。',
  handlerName: '周敏',
  handlerPhone: '0731-8888',
  promise: { doneText: '已完成规划', plannedText: '2028年底前建成', notDoneReason: '' },
};

describe.each(backends)('systems, units and reforms on %s', (backend) => {
  const t = useTestApp(backend);

  const unitBody = (over: object = {}) => ({
    unitSystemId: t.world.units.transport.unit.unit_system_id,
    name: '湖南省水利厅',
    shortName: '湘水利',
    docPrefix: '湘水',
    duties: '负责全省水资源保护、水利工程建设与管理。',
    reviewChain: ['unit_reviewer', 'unit_signer'],
    ...over,
  });

  it('the office adds a unit with its duties and review chain, and its staff; names are unique', async () => {
    const office = await login(t.app, 'office');
    const made = await office.post('/api/admin/units', unitBody());
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      name: '湖南省水利厅',
      systemName: '政府系统',
      duties: '负责全省水资源保护、水利工程建设与管理。',
      reviewChain: ['unit_reviewer', 'unit_signer'],
      retiredAt: null,
      staffCount: 0,
    });
    const dup = await office.post('/api/admin/units', unitBody({ name: '湖南省交通运输厅' }));
    expect(dup.status).toBe(409);
    expect(dup.body.message).toBe('已有名为「湖南省交通运输厅」的承办单位');
    const badChain = await office.post(
      '/api/admin/units',
      unitBody({ name: '湖南省林业局', reviewChain: ['unit_signer', 'unit_reviewer'] }),
    );
    expect(badChain.status).toBe(400);
    expect(badChain.body.message).toBe('审核流程须以签发人结束');

    const staff = await office.post(`/api/admin/units/${made.body.id}/staff`, {
      role: 'unit_handler',
      username: 'water_handler',
      displayName: '水利厅经办人',
    });
    expect(staff.status).toBe(201);
    expect(staff.body.generatedPassword).toMatch(/^[A-Za-z0-9]{14}$/);
    const handler = await login(t.app, 'water_handler', staff.body.generatedPassword);
    expect(handler.me.grants).toMatchObject([{ role: 'unit_handler', congressId: t.world.province.id }]);
    const signer = await office.post(`/api/admin/units/${made.body.id}/staff`, {
      role: 'unit_signer',
      username: 'water_handler',
      displayName: '水利厅经办人',
      existing: true,
    });
    expect(signer.status).toBe(201);
    const list = await office.get(`/api/admin/units/${made.body.id}/staff`);
    expect(list.body.items.map((s: { role: string }) => s.role)).toEqual(['unit_handler', 'unit_signer']);

    const edited = await office.put(
      `/api/admin/units/${made.body.id}`,
      unitBody({ duties: '水利工程。', reviewChain: ['unit_signer'] }),
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ duties: '水利工程。', reviewChain: ['unit_signer'], staffCount: 2 });
    const audit = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('entity_type', 'in', ['handling_unit', 'role_grant', 'user'])
      .where((eb) => eb.or([eb('action', 'like', 'unit.%'), eb('action', 'like', 'account.%')]))
      .where('congress_id', '=', t.world.province.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'unit.created',
      'account.created',
      'account.granted',
      'account.granted',
      'unit.updated',
    ]);
  });

  it('a government office administers its own system’s units only when the office allows it', async () => {
    const office = await login(t.app, 'office');
    const gov = await login(t.app, 'gov');
    const transport = t.world.units.transport.unit;
    const body = unitBody({ name: transport.name, shortName: '湘交', duties: '公路、水路交通运输。' });
    const before = await gov.put(`/api/admin/units/${transport.id}`, body);
    expect(before.status).toBe(403);
    expect(before.body.message).toBe('联工委未授权政府办公厅管理承办单位');
    expect((await gov.put('/api/admin/settings', { governmentOfficeAdministersUnits: true })).status).toBe(403);

    const allowed = await office.put('/api/admin/settings', { governmentOfficeAdministersUnits: true });
    expect(allowed.body).toEqual({ governmentOfficeAdministersUnits: true });
    const edited = await gov.put(`/api/admin/units/${transport.id}`, body);
    expect(edited.status).toBe(200);
    expect(edited.body.duties).toBe('公路、水路交通运输。');
    const listed = await gov.get('/api/admin/units');
    expect(listed.body.items.every((u: { systemName: string }) => u.systemName === '政府系统')).toBe(true);

    const federation = t.world.units.federation.unit;
    const other = await gov.put(
      `/api/admin/units/${federation.id}`,
      unitBody({ name: federation.name, unitSystemId: federation.unit_system_id }),
    );
    expect(other.status).toBe(403);
    expect(other.body.message).toBe('政府办公厅只能管理本系统的承办单位');
    const intoParty = await gov.post(
      '/api/admin/units',
      unitBody({ name: '湖南省妇联', unitSystemId: federation.unit_system_id }),
    );
    expect(intoParty.status).toBe(403);
    const staff = await gov.post(`/api/admin/units/${transport.id}/staff`, {
      role: 'unit_reviewer',
      username: 'transport_reviewer2',
      displayName: '交通厅副处长',
      password: 'Jiaotong2026ok',
    });
    expect(staff.status).toBe(201);
    expect((await gov.post(`/api/admin/units/${transport.id}/retire`)).status).toBe(403);
    expect((await gov.post('/api/admin/systems', { name: '新系统' })).status).toBe(403);

    await office.put('/api/admin/settings', { governmentOfficeAdministersUnits: false });
    expect((await gov.put(`/api/admin/units/${transport.id}`, body)).status).toBe(403);
  });

  it('a unit handler cannot administer (403); another congress’s office finds nothing (404)', async () => {
    const handler = await login(t.app, 'transport_handler');
    const transport = t.world.units.transport.unit;
    for (const [method, url] of [
      ['post', '/api/admin/units'],
      ['put', `/api/admin/units/${transport.id}`],
      ['post', `/api/admin/units/${transport.id}/retire`],
      ['post', `/api/admin/units/${transport.id}/reform`],
      ['post', '/api/admin/systems'],
    ] as const) {
      const body = url.endsWith('/reform') ? { kind: 'abolished', effectiveOn: '2026-01-12' } : unitBody();
      const res = method === 'put' ? await handler.put(url, body) : await handler.post(url, body);
      expect(res.status, url).toBe(403);
      expect(res.body.message).toBe('承办单位经办人无权执行此操作');
    }
    const cityOffice = await login(t.app, 'city_office');
    const foreign = await cityOffice.put(`/api/admin/units/${transport.id}`, unitBody({ name: '改名' }));
    expect(foreign.status).toBe(404);
    expect(foreign.body.message).toBe('承办单位不存在或无权查看');
    expect((await cityOffice.post(`/api/admin/units/${transport.id}/retire`)).status).toBe(404);
    expect((await cityOffice.get(`/api/admin/units/${transport.id}/staff`)).status).toBe(404);
    const cityUnits = (await cityOffice.get('/api/admin/units')).body.items.map((u: { name: string }) => u.name);
    expect(cityUnits).toEqual(['长沙市住房和城乡建设局']);
  });

  it('a reform passes open parts, draft replies and open promises to the successor; sent replies keep the old name; the old unit cannot be assigned', async () => {
    const office = await login(t.app, 'office');
    const zhang = await login(t.app, 'zhang');
    const education = t.world.units.education.unit;
    const development = t.world.units.development.unit;
    const eduHandler = await login(t.app, 'education_handler');
    // One suggestion replied with a promise (B1), one still being handled.
    const replied = await assigned(
      zhang,
      office,
      [{ unitId: education.id, role: 'sole' }],
      'sole',
      '关于扩大农村学前教育资源的建议',
    );
    expect((await eduHandler.post(`/api/suggestions/${replied}/acknowledge`, acknowledgement)).status).toBe(200);
    await replyThroughChain(eduHandler, [await login(t.app, 'education_signer')], replied, b1);
    const open = await assigned(
      zhang,
      office,
      [{ unitId: education.id, role: 'sole' }],
      'sole',
      '关于加强乡村教师队伍建设的建议',
    );

    const noSuccessor = await office.post(`/api/admin/units/${education.id}/reform`, {
      kind: 'merged',
      effectiveOn: '2026-01-12',
    });
    expect(noSuccessor.status).toBe(400);
    expect(noSuccessor.body.message).toBe('该单位尚有未办结的建议或承诺事项，须指定承接单位');
    const retireBusy = await office.post(`/api/admin/units/${education.id}/retire`);
    expect(retireBusy.status).toBe(409);
    expect(retireBusy.body.message).toMatch(/请以机构改革移交给承接单位/);

    const reform = await office.post(`/api/admin/units/${education.id}/reform`, {
      kind: 'merged',
      successorUnitId: development.id,
      effectiveOn: '2026-01-12',
      note: '机构改革：并入发改委',
    });
    expect(reform.status, JSON.stringify(reform.body)).toBe(200);
    expect(reform.body).toMatchObject({
      retiredKind: 'merged',
      successorName: '湖南省发展和改革委员会',
      assignmentsMoved: 2,
      promisesMoved: 1,
    });

    const parts = await t.db
      .selectFrom('assignment')
      .select(['suggestion_id', 'unit_id'])
      .where('suggestion_id', 'in', [replied, open])
      .orderBy('suggestion_id')
      .execute();
    expect(parts.map((p) => p.unit_id)).toEqual([development.id, development.id]);
    const sent = await t.db.selectFrom('reply').select('unit_id').where('suggestion_id', '=', replied).execute();
    expect(sent.map((r) => r.unit_id)).toEqual([education.id]);
    const detail = await office.get(`/api/suggestions/${replied}`);
    expect(detail.body.replies.map((r: { unitName: string }) => r.unitName)).toEqual(['湖南省教育厅']);
    expect(detail.body.timeline.map((e: { action: string }) => e.action)).toContain('unit.work_passed');
    const promises = await (await login(t.app, 'development_handler')).get('/api/promises?pageSize=200');
    expect(promises.body.items.map((p: { suggestionId: number }) => p.suggestionId)).toContain(replied);
    const devList = await (await login(t.app, 'development_handler')).get('/api/suggestions?pageSize=100');
    expect(devList.body.items.map((s: { id: number }) => s.id)).toEqual(expect.arrayContaining([replied, open]));

    // The retired unit takes no new work and is offered nowhere.
    const fresh = await registered(zhang, office, '关于推进义务教育优质均衡发展的建议');
    const refused = await office.post('/api/suggestions/assign', {
      items: [
        {
          suggestionId: fresh.id,
          version: fresh.version,
          mode: 'sole',
          units: [{ unitId: education.id, role: 'sole' }],
        },
      ],
    });
    const outcome = refused.status === 207 ? refused.body.results[0] : refused.body;
    expect(JSON.stringify(outcome)).toContain('承办单位「湖南省教育厅」已撤销，不能交办');
    expect(await t.db.selectFrom('assignment').select('id').where('suggestion_id', '=', fresh.id).execute()).toEqual(
      [],
    );
    const picker = await office.get('/api/directory/units');
    expect(picker.body.items.map((u: { id: number }) => u.id)).not.toContain(education.id);
    const reforms = await office.get('/api/admin/reforms');
    expect(reforms.body.items).toMatchObject([
      {
        unitName: '湖南省教育厅',
        successorName: '湖南省发展和改革委员会',
        kind: 'merged',
        assignmentsMoved: 2,
        promisesMoved: 1,
      },
    ]);
    const again = await office.post(`/api/admin/units/${education.id}/reform`, {
      kind: 'abolished',
      effectiveOn: '2026-01-12',
    });
    expect(again.status).toBe(409);
  });

  it('a system is retired only once its units are; a unit with no work is retired directly', async () => {
    const office = await login(t.app, 'office');
    const system = await office.post('/api/admin/systems', { name: '法院检察院系统', isGovernment: false });
    expect(system.status).toBe(201);
    const dup = await office.post('/api/admin/systems', { name: '政府系统' });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toBe('已有名为「政府系统」的系统');
    const court = await office.post(
      '/api/admin/units',
      unitBody({
        unitSystemId: system.body.id,
        name: '湖南省高级人民法院',
        shortName: '湘高院',
        reviewChain: ['unit_signer'],
      }),
    );
    expect(court.status).toBe(201);
    const busy = await office.post(`/api/admin/systems/${system.body.id}/retire`);
    expect(busy.status).toBe(409);
    expect(busy.body.message).toMatch(/湖南省高级人民法院/);
    expect((await office.post(`/api/admin/units/${court.body.id}/retire`)).body.retiredKind).toBe('retired');
    expect((await office.post(`/api/admin/systems/${system.body.id}/retire`)).status).toBe(200);
    const intoRetired = await office.post(
      '/api/admin/units',
      unitBody({ unitSystemId: system.body.id, name: '湖南省人民检察院', shortName: '湘检' }),
    );
    expect(intoRetired.status).toBe(400);
    expect(intoRetired.body.message).toBe('所选系统已停用');
  });
});
