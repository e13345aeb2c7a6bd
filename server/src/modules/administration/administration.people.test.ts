import { describe, expect, it } from 'vitest';
import { submitted } from '../../test/flows.js';
import { login, useTestApp } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';

const PASSWORD = 'Renda2026abc';

describe.each(backends)('delegations, groups and deputies on %s', (backend) => {
  const t = useTestApp(backend);

  const newDeputy = (over: object = {}) => ({
    termId: t.world.session.term_id,
    name: '周海燕',
    namePinyin: 'zhou haiyan',
    gender: 'female',
    ethnicity: '土家族',
    delegationId: null,
    deputyGroupId: null,
    occupation: '湘西州某小学校长',
    phone: '13800000001',
    idNumber: '11010519491231002X',
    account: { kind: 'new', username: 'zhouhy', password: PASSWORD },
    ...over,
  });

  it('the office creates, renames and retires delegations and groups; names are unique (409)', async () => {
    const office = await login(t.app, 'office');
    const made = await office.post('/api/admin/delegations', { name: '岳阳代表团' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: '岳阳代表团', retiredAt: null });
    const dup = await office.post('/api/admin/delegations', { name: '长沙代表团' });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toBe('已有名为「长沙代表团」的代表团');
    const renamed = await office.put(`/api/admin/delegations/${made.body.id}`, { name: '岳阳市代表团' });
    expect(renamed.body.name).toBe('岳阳市代表团');
    const clash = await office.put(`/api/admin/delegations/${made.body.id}`, { name: '长沙代表团' });
    expect(clash.status).toBe(409);
    const retired = await office.post(`/api/admin/delegations/${made.body.id}/retire`);
    expect(retired.status).toBe(200);
    expect(retired.body.retiredAt).not.toBeNull();
    expect((await office.post(`/api/admin/delegations/${made.body.id}/retire`)).status).toBe(409);

    const group = await office.post('/api/admin/deputy-groups', { name: '教育界代表小组' });
    expect(group.status).toBe(201);
    const empty = await office.post('/api/admin/deputy-groups', { name: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toMatch(/请填写名称/);
    const list = (await office.get('/api/admin/delegations')).body.items.map((d: { name: string }) => d.name);
    expect(list).toEqual(['长沙代表团', '岳阳市代表团']);
    const audit = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('entity_type', '=', 'delegation')
      .where('entity_id', '=', made.body.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['roster.created', 'roster.renamed', 'roster.retired']);
  });

  it('a new deputy gets a login that must change its password, and the deputy role', async () => {
    const office = await login(t.app, 'office');
    const res = await office.post('/api/admin/deputies', newDeputy());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: '周海燕',
      gender: 'female',
      ethnicity: '土家族',
      phone: '13800000001',
      idNumber: '11010519491231002X',
      status: 'serving',
      username: 'zhouhy',
      generatedPassword: null,
    });
    const user = await t.db
      .selectFrom('app_user')
      .select(['must_change_password'])
      .where('username', '=', 'zhouhy')
      .executeTakeFirstOrThrow();
    expect(user.must_change_password).toBe(true);
    const deputy = await login(t.app, 'zhouhy', PASSWORD);
    expect(deputy.me.grants.map((g) => g.role)).toEqual(['deputy']);
    // The audit names the private fields that were set, never their values.
    const entry = await t.db
      .selectFrom('audit_event')
      .select('after_state')
      .where('action', '=', 'deputy.created')
      .where('entity_id', '=', res.body.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(entry.after_state)).not.toContain('13800000001');
    expect(JSON.stringify(entry.after_state)).not.toContain('11010519491231002X');
    expect(entry.after_state).toMatchObject({ privateFieldsSet: ['phone', 'id_number'] });
  });

  it('refuses a bad ID number (400), the same ID number twice in a term or a taken username (409)', async () => {
    const office = await login(t.app, 'office');
    const bad = await office.post(
      '/api/admin/deputies',
      newDeputy({ idNumber: '110105194912310021', account: { kind: 'new', username: 'xid1', password: PASSWORD } }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('身份证号码校验位不正确');
    const twice = await office.post(
      '/api/admin/deputies',
      newDeputy({ account: { kind: 'new', username: 'zhou2', password: PASSWORD } }),
    );
    expect(twice.status).toBe(409);
    expect(twice.body.message).toBe('本届已有身份证号码相同的代表「周海燕」');
    const taken = await office.post(
      '/api/admin/deputies',
      newDeputy({ idNumber: '', account: { kind: 'new', username: 'zhang', password: PASSWORD } }),
    );
    expect(taken.status).toBe(409);
    expect(taken.body.message).toBe('登录账号「zhang」已被使用');
    const weak = await office.post(
      '/api/admin/deputies',
      newDeputy({ idNumber: '', account: { kind: 'new', username: 'weak1', password: 'abc' } }),
    );
    expect(weak.status).toBe(400);
    expect(weak.body.message).toMatch(/密码至少/);
    const noName = await office.post('/api/admin/deputies', newDeputy({ name: '', idNumber: '' }));
    expect(noName.status).toBe(400);
    expect(noName.body.message).toMatch(/请填写姓名/);
    expect(
      await t.db.selectFrom('app_user').select('id').where('username', 'in', ['xid1', 'zhou2', 'weak1']).execute(),
    ).toEqual([]);
  });

  it('one person is a deputy of two congresses with one login, linked by the same ID number', async () => {
    const cityOffice = await login(t.app, 'city_office');
    const wrongId = await cityOffice.post('/api/admin/deputies', {
      ...newDeputy(),
      termId: t.world.citySession.term_id,
      idNumber: '',
      account: { kind: 'existing', username: 'zhouhy' },
    });
    expect(wrongId.status).toBe(409);
    expect(wrongId.body.message).toMatch(/身份证号码一致/);
    const linked = await cityOffice.post('/api/admin/deputies', {
      ...newDeputy(),
      termId: t.world.citySession.term_id,
      account: { kind: 'existing', username: 'zhouhy' },
    });
    expect(linked.status).toBe(201);
    const deputy = await login(t.app, 'zhouhy', PASSWORD);
    expect(deputy.me.grants.map((g) => g.congressId).sort()).toEqual([t.world.province.id, t.world.city.id].sort());
  });

  it('a deputy who resigns keeps their suggestions and record; the co-signer picker no longer offers them', async () => {
    const office = await login(t.app, 'office');
    const wang = await login(t.app, 'wang');
    const { id: suggestionId } = await submitted(wang, '关于改善乡村学校供暖条件的建议');
    const content = {
      title: '关于建设乡村图书室的建议',
      body: '建议内容：建设乡村图书室。',
      categoryCode: 'transport',
    };
    const draft = await wang.post('/api/suggestions', content);
    expect(draft.status).toBe(201);
    const left = await office.post(`/api/admin/deputies/${t.world.deputies.wang.deputy.id}/leave`, {
      status: 'resigned',
      on: '2026-01-12',
    });
    expect(left.status).toBe(200);
    expect(left.body).toMatchObject({ status: 'resigned', statusOn: '2026-01-12', suggestionCount: 2 });
    const again = await office.post(`/api/admin/deputies/${t.world.deputies.wang.deputy.id}/leave`, {
      status: 'term_ended',
      on: '2026-01-13',
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('该代表已不在任');
    const suggestion = await t.db
      .selectFrom('suggestion')
      .select('lead_deputy_id')
      .where('id', '=', suggestionId)
      .executeTakeFirstOrThrow();
    expect(suggestion.lead_deputy_id).toBe(t.world.deputies.wang.deputy.id);

    // Having left, the deputy puts forward nothing new, not even the draft written before, and signs nothing.
    const refusal = '代表已离任（辞职），不能提出或联名建议';
    for (const attempt of [
      await wang.post('/api/suggestions', content),
      await wang.post('/api/suggestions', { ...content, submit: true }),
      await wang.post(`/api/suggestions/${draft.body.id}/submit`, { version: draft.body.version }),
    ]) {
      expect(attempt.status).toBe(403);
      expect(attempt.body.message).toBe(refusal);
    }
    const zhang = await login(t.app, 'zhang');
    const naming = await zhang.post('/api/suggestions', {
      ...content,
      cosignerDeputyIds: [t.world.deputies.wang.deputy.id],
    });
    expect(naming.status).toBe(400);
    expect(naming.body.message).toBe(`王志强${refusal}`);
    expect((await t.db.selectFrom('suggestion').select('id').where('title', '=', content.title).execute()).length).toBe(
      1,
    );
    const picker = await zhang.get('/api/directory/deputies?q=王');
    expect(picker.body.items.map((d: { name: string }) => d.name)).not.toContain('王志强');
    const roster = await office.get('/api/admin/deputies?status=resigned');
    expect(roster.body.items.map((d: { name: string }) => d.name)).toEqual(['王志强']);
  });

  it('private particulars reach only the office: others are refused the roster, pickers carry no phone or ID number', async () => {
    const office = await login(t.app, 'office');
    await office.put(`/api/admin/deputies/${t.world.deputies.li.deputy.id}`, {
      name: '李秀英',
      gender: 'female',
      ethnicity: '汉族',
      delegationId: null,
      deputyGroupId: null,
      occupation: '',
      phone: '13900000002',
      idNumber: '',
    });
    for (const username of ['zhang', 'transport_handler', 'gov', 'committee', 'leader']) {
      const client = await login(t.app, username);
      const roster = await client.get('/api/admin/deputies');
      expect(roster.status, username).toBe(403);
      expect(JSON.stringify(roster.body)).not.toContain('13900000002');
      const picker = await client.get('/api/directory/deputies?q=李');
      expect(JSON.stringify(picker.body)).not.toContain('13900000002');
    }
    const cityOffice = await login(t.app, 'city_office');
    const foreign = await cityOffice.put(`/api/admin/deputies/${t.world.deputies.li.deputy.id}`, {
      name: '改名',
      delegationId: null,
      deputyGroupId: null,
    });
    expect(foreign.status).toBe(404);
    const cityRoster = await cityOffice.get('/api/admin/deputies');
    expect(JSON.stringify(cityRoster.body)).not.toContain('13900000002');
  });
});
