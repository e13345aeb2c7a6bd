import { describe, expect, it } from 'vitest';
import { login, useTestApp, type Client } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';

function multipart(fileName: string, mimeType: string, content: Buffer) {
  const boundary = '----lianxin-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${mimeType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(
  t: ReturnType<typeof useTestApp>,
  client: Client,
  id: number,
  fileName: string,
  mimeType: string,
  content: Buffer,
) {
  const body = multipart(fileName, mimeType, content);
  return t.app.inject({
    method: 'POST',
    url: `/api/suggestions/${id}/attachments`,
    payload: body.payload,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'content-type': body.contentType },
  });
}

describe.each(backends)('attachments of a suggestion (%s)', (backend) => {
  const t = useTestApp(backend);

  it('the lead deputy attaches a file to a draft; those who may see the suggestion download it, others cannot', async () => {
    const zhang = await login(t.app, 'zhang');
    const wang = await login(t.app, 'wang');
    const draft = (
      await zhang.post('/api/suggestions', {
        title: '关于修缮历史文化街区的建议',
        body: '见附件',
        categoryCode: 'education',
      })
    ).body;
    const res = await upload(t, zhang, draft.id, '调研报告.pdf', 'application/pdf', Buffer.from('%PDF-1.4 调研'));
    expect(res.statusCode).toBe(201);
    const attachment = res.json();
    expect(attachment.fileName).toBe('调研报告.pdf');

    const download = await t.app.inject({
      method: 'GET',
      url: `/api/attachments/${attachment.id}`,
      headers: { cookie: zhang.cookie },
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain(encodeURIComponent('调研报告.pdf'));
    expect(download.rawPayload.toString()).toBe('%PDF-1.4 调研');
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/attachments/${attachment.id}`,
          headers: { cookie: wang.cookie },
        })
      ).statusCode,
    ).toBe(404);

    const exe = await upload(t, zhang, draft.id, 'virus.exe', 'application/x-msdownload', Buffer.from('MZ'));
    expect(exe.statusCode).toBe(400);
    expect(exe.json().message).toContain('附件类型不支持');
    expect((await upload(t, wang, draft.id, 'a.pdf', 'application/pdf', Buffer.from('x'))).statusCode).toBe(404);

    await zhang.post(`/api/suggestions/${draft.id}/submit`, {});
    const afterSubmit = await upload(t, zhang, draft.id, 'b.pdf', 'application/pdf', Buffer.from('x'));
    expect(afterSubmit.statusCode).toBe(409);
    const detail = (await zhang.get(`/api/suggestions/${draft.id}`)).body;
    expect(detail.attachments).toHaveLength(1);
  });
});
