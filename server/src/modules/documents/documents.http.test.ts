import { describe, expect, it } from 'vitest';
import { acknowledgement, assigned, replyThroughChain } from '../../test/flows.js';
import { login, useTestApp, type Client, type TestContext } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';
import { nextDocNumber } from './doc-number.js';
import { DOCX, letterheadTemplate, putLetterhead, readDocx } from './docx.test-kit.js';

const get = (t: TestContext, client: Client, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: client.cookie } });

async function texts(t: TestContext, client: Client, url: string) {
  const res = await get(t, client, url);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe(DOCX);
  return (await readDocx(res.rawPayload)).paragraphs.map((p) => p.text);
}

const reply = {
  classCode: 'A1',
  body: '一、关于农村公路建设。今年全省计划完成农村公路提质改造5000公里。\n二、关于养护资金。省财政已安排专项资金。',
  handlerName: '刘洋',
  handlerPhone: '0731-88889999',
  consultedUnits: '省发展改革委',
};

describe.each(backends)('official documents over HTTP (%s)', (backend) => {
  const t = useTestApp(backend);
  let replyId = 0;

  it('the reply letter: numbered in the unit’s series when signed; whoever may see the reply gets the letter, nobody else', async () => {
    const office = await login(t.app, 'office');
    const zhang = await login(t.app, 'zhang');
    const handler = await login(t.app, 'transport_handler');
    const id = await assigned(zhang, office, [{ unitId: t.world.units.transport.unit.id, role: 'sole' }]);
    expect((await handler.post(`/api/suggestions/${id}/acknowledge`, acknowledgement)).status).toBe(200);
    expect((await handler.put(`/api/suggestions/${id}/reply`, reply)).status).toBe(200);
    const draft = (await handler.get(`/api/suggestions/${id}`)).body.replies[0];
    replyId = draft.id;
    const url = `/api/replies/${replyId}/letter/docx`;

    // A draft is the unit's own: the letter has no number yet, and no one outside the unit gets it.
    expect(await texts(t, handler, url)).toContain('（文号于签发时编定）');
    expect((await get(t, zhang, url)).statusCode).toBe(404);
    expect((await get(t, office, url)).statusCode).toBe(404);

    expect((await handler.post(`/api/suggestions/${id}/reply/submit`)).status).toBe(200);
    for (const reviewer of ['transport_reviewer', 'transport_signer']) {
      const reviewed = await (
        await login(t.app, reviewer)
      ).post(`/api/suggestions/${id}/reply/review`, { approve: true });
      expect(reviewed.status, JSON.stringify(reviewed.body)).toBe(200);
    }
    const sent = (await zhang.get(`/api/suggestions/${id}`)).body;
    expect(sent.replies[0].state).toBe('sent');
    const number = sent.number as number;
    expect(sent.replies[0].docNumber).toBe('湘交建议复〔2026〕1号');

    const letter = await texts(t, zhang, url);
    expect(letter[0]).toBe('A1类');
    expect(letter).toContain('湖南省交通运输厅函');
    expect(letter).toContain('湘交建议复〔2026〕1号');
    expect(letter).toContain(`对省十三届人大三次会议第${number}号建议的答复`);
    expect(letter).toContain('尊敬的张建国代表：');
    expect(letter).toContain(
      `您提出的关于加快农村公路提质改造的建议（第${number}号）收悉。经商省发展改革委，现答复如下：`,
    );
    expect(letter).toContain('二、关于养护资金。省财政已安排专项资金。');
    expect(letter).toContain('（联系人：刘洋；联系电话：0731-88889999）');
    expect(letter).toContain('抄送：湖南省人大常委会选举任免联络工作委员会，湖南省人民政府办公厅。');
    const res = await get(t, zhang, url);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('湘交建议复〔2026〕1号'));

    for (const may of ['office', 'gov', 'leader', 'transport_signer']) {
      expect((await get(t, await login(t.app, may), url)).statusCode, may).toBe(200);
    }
    for (const mayNot of ['wang', 'education_handler', 'committee', 'city_office']) {
      const other = await get(t, await login(t.app, mayNot), url);
      expect(other.statusCode, mayNot).toBe(404);
      expect(other.json().message).toBe('答复函不存在或无权查看');
    }

    const page = await get(t, zhang, `/api/replies/${replyId}/letter/html`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('湘交建议复〔2026〕1号');
    expect(page.body).toContain('@page { size: A4;');
    expect((await get(t, await login(t.app, 'wang'), `/api/replies/${replyId}/letter/html`)).statusCode).toBe(404);
    expect((await get(t, zhang, '/api/replies/999999/letter/docx')).statusCode).toBe(404);
    expect((await get(t, zhang, '/api/replies/abc/letter/docx')).statusCode).toBe(400);
  });

  it('the next letter of the unit in the year takes the next number; a series goes on after numbers issued before it', async () => {
    const office = await login(t.app, 'office');
    const zhang = await login(t.app, 'zhang');
    const handler = await login(t.app, 'transport_handler');
    const id = await assigned(zhang, office, [{ unitId: t.world.units.transport.unit.id, role: 'sole' }]);
    expect((await handler.post(`/api/suggestions/${id}/acknowledge`, acknowledgement)).status).toBe(200);
    await replyThroughChain(
      handler,
      [await login(t.app, 'transport_reviewer'), await login(t.app, 'transport_signer')],
      id,
      reply,
    );
    expect((await zhang.get(`/api/suggestions/${id}`)).body.replies[0].docNumber).toBe('湘交建议复〔2026〕2号');

    // A letter numbered by hand (imported) in a year the series has not begun yet.
    await t.db.updateTable('reply').set({ doc_number: '湘交建议复〔2027〕41号' }).where('id', '=', replyId).execute();
    const key = { issuerKind: 'unit', issuerId: t.world.units.transport.unit.id, series: 'reply', year: 2027 } as const;
    expect(await t.db.transaction().execute((tx) => nextDocNumber(tx, key))).toBe(42);
    expect(await t.db.transaction().execute((tx) => nextDocNumber(tx, key))).toBe(43);
  });

  it('20 letters signed at once get 20 distinct consecutive numbers', async () => {
    const key = { issuerKind: 'unit', issuerId: t.world.units.education.unit.id, series: 'reply', year: 2030 } as const;
    const numbers = await Promise.all(
      Array.from({ length: 20 }, () => t.db.transaction().execute((tx) => nextDocNumber(tx, key))),
    );
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // A transaction that rolls back gives its number back: the series has no holes.
    await t.db
      .transaction()
      .execute(async (tx) => {
        await nextDocNumber(tx, key);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect(await t.db.transaction().execute((tx) => nextDocNumber(tx, key))).toBe(21);
  });

  it('a unit uploads its own letterhead: its letters are headed by it; a file that is not a .docx is refused in Chinese', async () => {
    const handler = await login(t.app, 'transport_handler');
    const zhang = await login(t.app, 'zhang');
    const put = (client: Client, name: string, content: Buffer) => putLetterhead(t, client, name, content);
    expect((await handler.get('/api/letterhead')).body).toEqual({
      owner: { kind: 'unit', name: '湖南省交通运输厅' },
      letterhead: null,
    });
    const bad = await put(handler, '信笺.docx', Buffer.from('这不是Word文件'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('不是有效的Word文档');
    expect((await put(zhang, '信笺.docx', await letterheadTemplate('代表信笺'))).statusCode).toBe(403);

    const ok = await put(handler, '交通厅信笺.docx', await letterheadTemplate('湖南省交通运输厅（信笺）'));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().letterhead.fileName).toBe('交通厅信笺.docx');
    const url = `/api/replies/${replyId}/letter/docx`;
    const headed = await texts(t, zhang, url);
    expect(headed).toContain('湖南省交通运输厅（信笺）');
    expect(headed).not.toContain('湖南省交通运输厅函');
    expect(headed).toContain('尊敬的张建国代表：');
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'actor_user_id'])
      .where('action', 'like', 'document.letterhead%')
      .execute();
    expect(audit).toEqual([
      { action: 'document.letterhead_uploaded', actor_user_id: t.world.units.transport.staff.handler.id },
    ]);

    const removed = await t.app.inject({
      method: 'DELETE',
      url: '/api/letterhead',
      headers: { cookie: handler.cookie, 'x-csrf-token': handler.csrfToken },
    });
    expect(removed.statusCode).toBe(204);
    expect(await texts(t, zhang, url)).toContain('湖南省交通运输厅函');
  });

  it('the office urges an overdue unit: a 催办函 under the congress’s header, numbered in its series; the unit reads it, the deputy does not', async () => {
    const office = await login(t.app, 'office');
    const zhang = await login(t.app, 'zhang');
    const handler = await login(t.app, 'education_handler');
    const id = await assigned(
      zhang,
      office,
      [{ unitId: t.world.units.education.unit.id, role: 'sole' }],
      'sole',
      '关于改善乡村学校办学条件的建议',
    );
    const part = (await office.get(`/api/suggestions/${id}`)).body.assignments[0];
    const urge = (client: Client) => client.post(`/api/assignments/${part.id}/urging-notices`);

    const early = await urge(office);
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('尚未逾期');
    expect((await urge(handler)).status).toBe(403);
    expect((await urge(zhang)).status).toBe(403);

    t.clock.advanceDays(120);
    const officeLater = await login(t.app, 'office');
    const handlerLater = await login(t.app, 'education_handler');
    const first = await urge(officeLater);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.docNumber).toBe('湘人大建议催〔2026〕1号');
    expect(first.body.unitName).toBe('湖南省教育厅');
    expect(first.body.dueOn).toBe(part.effectiveDue);
    expect(first.body.overdueDays).toBeGreaterThan(0);
    expect((await urge(officeLater)).body.docNumber).toBe('湘人大建议催〔2026〕2号');

    const url = `/api/urging-notices/${first.body.id}/docx`;
    const notice = await texts(t, handlerLater, url);
    expect(notice).toContain('湖南省人大常委会选举任免联络工作委员会函');
    expect(notice).toContain('湘人大建议催〔2026〕1号');
    expect(notice).toContain('关于抓紧办理代表建议的函');
    expect(notice).toContain('湖南省教育厅：');
    expect(notice.find((p) => p.includes('《关于改善乡村学校办学条件的建议》（领衔代表：张建国）'))).toContain(
      `已逾期${first.body.overdueDays}日，尚未答复代表。`,
    );
    expect(notice).toContain('特此函告。');
    expect(notice).toContain('抄送：湖南省人民政府办公厅。');
    for (const mayNot of ['zhang', 'transport_handler', 'committee']) {
      expect((await get(t, await login(t.app, mayNot), url)).statusCode, mayNot).toBe(404);
    }
    expect((await get(t, await login(t.app, 'gov'), `/api/urging-notices/${first.body.id}/html`)).statusCode).toBe(200);
    expect((await handlerLater.get(`/api/suggestions/${id}/urging-notices`)).body.items).toHaveLength(2);
    expect((await (await login(t.app, 'zhang')).get(`/api/suggestions/${id}/urging-notices`)).body.items).toEqual([]);

    const told = await t.db
      .selectFrom('outbox')
      .select('title')
      .where('kind', '=', 'urging_notice')
      .where('recipient_user_id', '=', t.world.units.education.staff.handler.id)
      .execute();
    expect(told.map((n) => n.title)).toContain(
      `催办函（湘人大建议催〔2026〕1号）：关于改善乡村学校办学条件的建议已逾期${first.body.overdueDays}日`,
    );
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['actor_user_id', 'suggestion_id'])
      .where('action', '=', 'document.urging_notice_issued')
      .execute();
    expect(audit).toEqual([
      { actor_user_id: t.world.users.office.id, suggestion_id: id },
      { actor_user_id: t.world.users.office.id, suggestion_id: id },
    ]);
  });
});
