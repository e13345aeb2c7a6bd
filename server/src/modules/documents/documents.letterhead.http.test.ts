import { describe, expect, it } from 'vitest';
import { acknowledgement, assigned, replyThroughChain } from '../../test/flows.js';
import { login, useTestApp, type Client, type TestContext } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';
import { letterheadTemplate, logoPng, putLetterhead, readDocx } from './docx.test-kit.js';

// The printable pages are headed by the same letterhead as the Word files: the letter's unit's
// for a reply letter, the congress office's for an urging notice, the generated one otherwise.

const reply = {
  classCode: 'A1',
  body: '一、关于农村公路建设。今年全省计划完成农村公路提质改造5000公里。',
  handlerName: '刘洋',
  handlerPhone: '0731-88889999',
};

async function page(t: TestContext, client: Client, url: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: client.cookie } });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('text/html');
  return res.body;
}

/** The page's <header>, where the letterhead stands. */
const headerOf = (html: string) => /<header[^>]*>([\s\S]*?)<\/header>/.exec(html)?.[0] ?? '';

/** The organ's name centred and in red, as the test template writes it. */
const redCentred = (name: string) =>
  new RegExp(`<p style="text-align:center[^"]*"><span style="color:#FF0000[^"]*">${name}</span></p>`);

describe.each(backends)('the printable pages under the issuer’s own letterhead (%s)', (backend) => {
  const t = useTestApp(backend);

  async function draftLetter(unit: 'transport' | 'education', handlerName: string) {
    const office = await login(t.app, 'office');
    const zhang = await login(t.app, 'zhang');
    const handler = await login(t.app, handlerName);
    const id = await assigned(zhang, office, [{ unitId: t.world.units[unit].unit.id, role: 'sole' }]);
    expect((await handler.post(`/api/suggestions/${id}/acknowledge`, acknowledgement)).status).toBe(200);
    return { id, handler, zhang };
  }

  it('a unit’s reply letter page shows the letterhead it uploaded, its logo too, instead of the generated organ mark', async () => {
    const { id, handler, zhang } = await draftLetter('transport', 'transport_handler');
    await replyThroughChain(
      handler,
      [await login(t.app, 'transport_reviewer'), await login(t.app, 'transport_signer')],
      id,
      reply,
    );
    const replyId = (await zhang.get(`/api/suggestions/${id}`)).body.replies[0].id as number;
    const url = `/api/replies/${replyId}/letter/html`;
    expect(headerOf(await page(t, zhang, url))).toContain('湖南省交通运输厅函');

    const uploaded = await putLetterhead(
      t,
      handler,
      '交通厅信笺.docx',
      await letterheadTemplate('湖南省交通运输厅（信笺）', logoPng),
    );
    expect(uploaded.statusCode, uploaded.body).toBe(200);

    const html = await page(t, zhang, url);
    const header = headerOf(html);
    expect(header).toMatch(redCentred('湖南省交通运输厅（信笺）'));
    expect(header).toContain(`<img src="data:image/png;base64,${logoPng.toString('base64')}" alt="徽标"`);
    expect(html).not.toContain('湖南省交通运输厅函');
    expect(html).not.toContain('class="organ"');
    expect(html).toContain('湘交建议复〔2026〕1号');
    expect(html).toContain('尊敬的张建国代表：');
    // The Word file of the same letter is headed by the same template.
    const docx = await t.app.inject({
      method: 'GET',
      url: `/api/replies/${replyId}/letter/docx`,
      headers: { cookie: zhang.cookie },
    });
    expect((await readDocx(docx.rawPayload)).paragraphs.map((p) => p.text)).toContain('湖南省交通运输厅（信笺）');
  });

  it('a unit without a letterhead of its own keeps the generated header, whatever other units uploaded', async () => {
    const { id, handler } = await draftLetter('education', 'education_handler');
    expect((await handler.put(`/api/suggestions/${id}/reply`, reply)).status).toBe(200);
    const replyId = (await handler.get(`/api/suggestions/${id}`)).body.replies[0].id as number;
    const header = headerOf(await page(t, handler, `/api/replies/${replyId}/letter/html`));
    expect(header).toMatch(/^<header><p class="organ" [^>]*>湖南省教育厅函<\/p><\/header>$/);
    expect(header).not.toContain('信笺');
  });

  it('an urging notice page shows the office’s letterhead, not the letterhead of the unit it urges', async () => {
    const office = await login(t.app, 'office');
    const generated = '湖南省人大常委会选举任免联络工作委员会函';
    const zhang = await login(t.app, 'zhang');
    const id = await assigned(zhang, office, [{ unitId: t.world.units.transport.unit.id, role: 'sole' }]);
    const part = (await office.get(`/api/suggestions/${id}`)).body.assignments[0];
    t.clock.advanceDays(120);
    const officeLater = await login(t.app, 'office');
    const urged = await officeLater.post(`/api/assignments/${part.id}/urging-notices`);
    expect(urged.status, JSON.stringify(urged.body)).toBe(201);
    const url = `/api/urging-notices/${urged.body.id}/html`;
    const handler = await login(t.app, 'transport_handler');
    expect(headerOf(await page(t, handler, url))).toContain(generated);

    const uploaded = await putLetterhead(
      t,
      officeLater,
      '联工委信笺.docx',
      await letterheadTemplate('湖南省人大常委会选举任免联络工作委员会（信笺）'),
    );
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    const html = await page(t, handler, url);
    expect(headerOf(html)).toMatch(redCentred('湖南省人大常委会选举任免联络工作委员会（信笺）'));
    expect(html).not.toContain(generated);
    expect(html).not.toContain('湖南省交通运输厅（信笺）');
    expect(html).toContain('湘人大建议催〔2026〕1号');
  });
});
