import { describe, expect, it } from 'vitest';
import { createUser } from '../../db/seeds/fixtures.js';
import { a1Reply, acknowledgement, assigned, registered, submitted } from '../../test/flows.js';
import { login, useTestApp } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';

// The rules a liaison office catches in its first week (issue: Part A made right). Each
// block starts on its own database at 10:00 on 12 January 2026, during the session.

describe.each(backends)('refusals an outside tester hit (%s)', (backend) => {
  const t = useTestApp(backend);

  it.each([
    [
      'two leads',
      [
        { unit: 'transport', role: 'lead' },
        { unit: 'development', role: 'lead' },
      ],
    ],
    [
      'only co-units',
      [
        { unit: 'transport', role: 'co' },
        { unit: 'development', role: 'co' },
      ],
    ],
    [
      'two sole units',
      [
        { unit: 'transport', role: 'sole' },
        { unit: 'development', role: 'sole' },
      ],
    ],
    ['one separate unit', [{ unit: 'transport', role: 'separate' }]],
  ] as const)('a pre-assignment with %s is refused like the assignment', async (_, picks) => {
    const office = await login(t.app, 'office');
    const zhang = await login(t.app, 'zhang');
    const s = await registered(zhang, office, '关于推进农村电网改造升级的建议');
    const units = picks.map((p) => ({ unitId: t.world.units[p.unit].unit.id, role: p.role }));
    const res = await office.post(`/api/suggestions/${s.id}/pre-assign`, { units });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_input');
    const detail = (await office.get(`/api/suggestions/${s.id}`)).body;
    expect(detail.preAssignments).toEqual([]);
    expect(detail.version).toBe(s.version);
  });

  it('gives the loser of two signers signing at once a 409 with a Chinese message', async () => {
    const office = await login(t.app, 'office');
    const zhang = await login(t.app, 'zhang');
    const handler = await login(t.app, 'education_handler');
    const signer = await login(t.app, 'education_signer');
    const id = await assigned(
      zhang,
      office,
      [{ unitId: t.world.units.education.unit.id, role: 'sole' }],
      'sole',
      '关于加强中小学心理健康教育的建议',
    );
    expect((await handler.post(`/api/suggestions/${id}/acknowledge`, acknowledgement)).status).toBe(200);
    expect((await handler.put(`/api/suggestions/${id}/reply`, a1Reply)).status).toBe(200);
    expect((await handler.post(`/api/suggestions/${id}/reply/submit`)).status).toBe(200);
    const [a, b] = await Promise.all([
      signer.post(`/api/suggestions/${id}/reply/review`, { approve: true }),
      signer.post(`/api/suggestions/${id}/reply/review`, { approve: true }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body).toEqual({ code: 'conflict', message: '该答复已由他人签发，请刷新后查看' });
  });

  it('asks the co-signers again when the text is edited after a return for revision', async () => {
    const zhang = await login(t.app, 'zhang');
    const li = await login(t.app, 'li');
    const office = await login(t.app, 'office');
    const draft = await zhang.post('/api/suggestions', {
      title: '关于加强耕地保护的建议',
      body: '原文。',
      categoryCode: 'agriculture',
      cosignerDeputyIds: [t.world.deputies.li.deputy.id],
    });
    await li.post(`/api/suggestions/${draft.body.id}/cosign`, { accept: true });
    let s = (await zhang.post(`/api/suggestions/${draft.body.id}/submit`, {})).body;
    s = (await office.post(`/api/suggestions/${s.id}/return`, { comment: '请补充数据', version: s.version })).body;
    const edit = {
      title: s.title,
      categoryCode: 'agriculture',
      cosignerDeputyIds: [t.world.deputies.li.deputy.id],
      version: s.version,
    };
    s = (await zhang.put(`/api/suggestions/${s.id}`, { ...edit, body: '修改后的内容，补充了数据。' })).body;
    expect(s.cosigners).toEqual([
      expect.objectContaining({ deputyId: t.world.deputies.li.deputy.id, status: 'invited' }),
    ]);
    const refused = await zhang.post(`/api/suggestions/${s.id}/submit`, { version: s.version });
    expect(refused.status).toBe(409);
    expect((await li.get('/api/notices')).body.items[0].title).toContain('请重新确认');
    // Changing only the category does not ask again.
    await li.post(`/api/suggestions/${s.id}/cosign`, { accept: true });
    s = (await zhang.get(`/api/suggestions/${s.id}`)).body;
    s = (
      await zhang.put(`/api/suggestions/${s.id}`, {
        ...edit,
        body: s.body,
        categoryCode: 'transport',
        version: s.version,
      })
    ).body;
    expect(s.cosigners[0].status).toBe('confirmed');
    expect((await zhang.post(`/api/suggestions/${s.id}/submit`, { version: s.version })).status).toBe(200);
  });
});

describe.each(backends)('search and notices (%s)', (backend) => {
  const t = useTestApp(backend);

  it.each(['加强', '推进'])('finds suggestions by “%s” alone: a stop word never empties a query', async (word) => {
    const office = await login(t.app, 'office');
    const zhang = await login(t.app, 'zhang');
    const s = await submitted(zhang, `关于${word}乡村医疗卫生服务的建议`);
    const found = (await office.get(`/api/suggestions?q=${encodeURIComponent(word)}`)).body;
    expect(found.items.map((i: { id: number }) => i.id)).toContain(s.id);
    // With another word beside it, the stop word no longer narrows the search.
    expect(
      (await office.get(`/api/suggestions?q=${encodeURIComponent(`${word}医疗`)}`)).body.items.map(
        (i: { id: number }) => i.id,
      ),
    ).toContain(s.id);
  });

  it('lists the notices of the congress the user is acting in only', async () => {
    await createUser(t.db, {
      username: 'two_offices',
      displayName: '两级联工委',
      grants: [
        { congressId: t.world.province.id, role: 'liaison_office' },
        { congressId: t.world.city.id, role: 'liaison_office' },
      ],
    });
    const zhao = await login(t.app, 'zhao');
    await zhao.post('/api/suggestions', {
      title: '关于改造老旧小区的建议',
      body: '内容。',
      categoryCode: 'urban',
      submit: true,
    });
    await submitted(await login(t.app, 'zhang'), '关于建设省级物流枢纽的建议');
    const user = await login(t.app, 'two_offices');
    const congressOf = (title: string) => (title.includes('老旧小区') ? t.world.city.id : t.world.province.id);
    const seen = async () =>
      ((await user.get('/api/notices')).body.items as { title: string }[]).map((n) => congressOf(n.title));
    const first = user.me.grants.find((g) => g.id === user.me.activeGrantId)!;
    expect(new Set(await seen())).toEqual(new Set([first.congressId]));
    const other = user.me.grants.find((g) => g.id !== user.me.activeGrantId)!;
    expect((await user.post('/api/auth/switch-role', { grantId: other.id })).status).toBe(200);
    expect(new Set(await seen())).toEqual(new Set([other.congressId]));
  });
});

describe.each(backends)('a class of similar suggestions (类办) (%s)', (backend) => {
  const t = useTestApp(backend);

  it('is assigned in one step, seen together by its unit, and answered with one text reused, each deputy with a letter of their own', async () => {
    const { units } = t.world;
    const office = await login(t.app, 'office');
    const zhang = await login(t.app, 'zhang');
    const wang = await login(t.app, 'wang');
    const handler = await login(t.app, 'education_handler');
    const signer = await login(t.app, 'education_signer');
    const a = await registered(zhang, office, '关于加强乡村教师队伍建设的建议');
    const b = await registered(wang, office, '关于提高乡村教师待遇的建议');
    const cls = (await office.post('/api/suggestions/classes', { suggestionIds: [a.id, b.id], className: '乡村教师' }))
      .body;
    const assigned = await office.post(`/api/suggestion-classes/${cls.id}/assign`, {
      mode: 'sole',
      units: [{ unitId: units.education.unit.id, role: 'sole' }],
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    expect(assigned.body.assignedSuggestionIds).toEqual([a.id, b.id]);
    expect(
      (
        await office.post(`/api/suggestion-classes/${cls.id}/assign`, {
          mode: 'sole',
          units: [{ unitId: units.education.unit.id, role: 'sole' }],
        })
      ).status,
    ).toBe(409);

    const page = (await handler.get(`/api/suggestion-classes/${cls.id}`)).body;
    expect(page.suggestions.map((s: { id: number }) => s.id)).toEqual([a.id, b.id]);
    expect((await (await login(t.app, 'transport_handler')).get(`/api/suggestion-classes/${cls.id}`)).status).toBe(404);

    for (const id of [a.id, b.id])
      expect((await handler.post(`/api/suggestions/${id}/acknowledge`, acknowledgement)).status).toBe(200);
    const text = '您提出的《关于加强乡村教师队伍建设的建议》收悉。经研究，现答复如下：……';
    expect((await handler.put(`/api/suggestions/${a.id}/reply`, { ...a1Reply, body: text })).status).toBe(200);
    const reused = await handler.post(`/api/suggestion-classes/${cls.id}/reply-drafts`, { fromSuggestionId: a.id });
    expect(reused.body).toEqual({ draftedSuggestionIds: [b.id], skipped: [] });
    const draftB = (await handler.get(`/api/suggestions/${b.id}`)).body.replies.find(
      (r: { state: string }) => r.state === 'draft',
    );
    expect(draftB.body).toBe('您提出的《关于提高乡村教师待遇的建议》收悉。经研究，现答复如下：……');

    const letters = [];
    for (const id of [a.id, b.id]) {
      expect((await handler.post(`/api/suggestions/${id}/reply/submit`)).status).toBe(200);
      letters.push(
        (await signer.post(`/api/suggestions/${id}/reply/review`, { approve: true })).body.replies.find(
          (r: { state: string }) => r.state === 'sent',
        ).docNumber,
      );
    }
    expect(new Set(letters).size).toBe(2);
    expect(
      (await wang.get(`/api/suggestions/${b.id}`)).body.replies.map((r: { docNumber: string }) => r.docNumber),
    ).toEqual([letters[1]]);
  });
});
