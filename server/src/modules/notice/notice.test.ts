import { describe, expect, it } from 'vitest';
import { submitted } from '../../test/flows.js';
import { login, useTestApp } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';

describe.each(backends)('in-app notices (%s)', (backend) => {
  const t = useTestApp(backend);

  it('marks the user’s own notice read; another user’s notice answers 404 as if it did not exist, and stays unread', async () => {
    const zhang = await login(t.app, 'zhang');
    const office = await login(t.app, 'office');
    const s = await submitted(zhang, '关于改善乡村学校供暖条件的建议');
    const before = (await office.get('/api/notices')).body;
    const notice = before.items.find((n: { suggestionId: number | null }) => n.suggestionId === s.id);
    expect(notice).toMatchObject({
      kind: 'submitted',
      readAt: null,
      title: '收到代表建议待审核：关于改善乡村学校供暖条件的建议',
    });

    for (const stranger of [zhang, await login(t.app, 'gov'), await login(t.app, 'city_office')]) {
      const res = await stranger.post(`/api/notices/${notice.id}/read`);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ code: 'not_found', message: '通知不存在或无权查看' });
    }
    expect((await office.get('/api/notices')).body.unread).toBe(before.unread);

    const missing = await office.post('/api/notices/999999/read');
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('通知不存在或无权查看');

    expect((await office.post(`/api/notices/${notice.id}/read`)).status).toBe(204);
    const after = (await office.get('/api/notices')).body;
    expect(after.unread).toBe(before.unread - 1);
    expect(after.items.find((n: { id: number }) => n.id === notice.id).readAt).toEqual(expect.any(String));
    // Marking it again changes nothing and still answers 204.
    expect((await office.post(`/api/notices/${notice.id}/read`)).status).toBe(204);
    expect(
      (await office.get('/api/notices?unread=true')).body.items.some((n: { id: number }) => n.id === notice.id),
    ).toBe(false);
  });
});
