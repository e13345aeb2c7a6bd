import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { describe, expect, it } from 'vitest';
import { acknowledgement, assigned } from '../test/flows.js';
import { login, useTestApp } from '../test/test-app.js';
import { backends } from '../test/test-database.js';
import { runScanOnce } from './scheduler.js';
import { remindToLoadNextYearCalendar } from './calendar-reminder.js';
import { processEvents } from './event-worker.js';

describe.each(backends)('the scheduled scanner (%s)', (backend) => {
  const t = useTestApp(backend);

  it('reminds the unit 15, 7, 3 and 1 days before the due date, then daily and up the chain once overdue', async () => {
    const zhang = await login(t.app, 'zhang');
    const office = await login(t.app, 'office');
    const handler = await login(t.app, 'federation_handler');
    const id = await assigned(
      zhang,
      office,
      [{ unitId: t.world.units.federation.unit.id, role: 'sole' }],
      'sole',
      '关于维护快递员权益的建议',
    );
    await handler.post(`/api/suggestions/${id}/acknowledge`, acknowledgement);
    const due = (await office.get(`/api/suggestions/${id}`)).body.assignments[0].replyDue;
    expect(due).toBe('2026-04-13');
    const notices = async (who: typeof handler) =>
      (await who.get('/api/notices?limit=100')).body.items.filter(
        (n: { suggestionId: number; kind: string }) => n.suggestionId === id && n.kind.startsWith('deadline'),
      );

    const days: Record<string, number> = {};
    for (let day = 0; day < 95; day++) {
      const result = await runScanOnce(t.app.ctx);
      const today = new Date(t.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
      if (result.reminded > 0) days[today] = result.reminded;
      t.clock.advanceDays(1);
    }
    // Other suggestions of this world may be reminded too; this one's days are these.
    const mine = (await notices(handler)).map((n: { title: string }) => n.title);
    expect(mine.filter((title: string) => title.startsWith('答复期限提醒'))).toHaveLength(4);
    expect(Object.keys(days)).toEqual(
      expect.arrayContaining(['2026-03-29', '2026-04-06', '2026-04-10', '2026-04-12', '2026-04-14', '2026-04-15']),
    );
    const officeOverdue = (await notices(office)).filter((n: { kind: string }) => n.kind === 'deadline_overdue');
    expect(officeOverdue.length).toBeGreaterThanOrEqual(2);
    const signer = await login(t.app, 'federation_signer');
    expect((await notices(signer)).length).toBeGreaterThanOrEqual(2);

    // Overdue: reminded every day, but only once a day.
    expect((await runScanOnce(t.app.ctx)).reminded).toBe(1);
    expect((await runScanOnce(t.app.ctx)).reminded).toBe(0);
  });

  it('mails notices over real SMTP to users who gave an address, once', async () => {
    const received: { to: string; data: string }[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), data });
          callback();
        });
      },
    });
    server.listen(0, '127.0.0.1');
    await once(server.server, 'listening');
    const port = (server.server.address() as AddressInfo).port;
    try {
      await t.db.updateTable('app_user').set({ email: 'zhang@example.org' }).where('username', '=', 'zhang').execute();
      const zhang = await login(t.app, 'zhang');
      const office = await login(t.app, 'office');
      const draft = (
        await zhang.post('/api/suggestions', {
          title: '关于发展县域特色产业的建议',
          body: '……',
          categoryCode: 'agriculture',
        })
      ).body;
      await zhang.post(`/api/suggestions/${draft.id}/submit`, {});
      await office.post(`/api/suggestions/${draft.id}/register`, {});
      // Mail goes out after the commit, from the domain events, not inside the request.
      expect(received).toHaveLength(0);
      const worker = { db: t.db, clock: t.clock, smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'lianxin@example.org' };
      expect(await processEvents(worker)).toBeGreaterThanOrEqual(2);
      const mail = received.find((m) => m.to === 'zhang@example.org');
      expect(mail).toBeDefined();
      expect(mail!.data).toContain('Subject:');
      expect(Buffer.from(mail!.data).toString()).toMatch(/=\?UTF-8\?/i);
      expect(mail!.data).toMatch(/Message-ID: <notice-\d+@lianxin>/i);
      // Handled once: a second run, or a second process, finds nothing to send.
      const count = received.length;
      expect(await processEvents(worker, 100, 'another-process')).toBe(0);
      expect(received.length).toBe(count);
    } finally {
      server.close();
    }
  });

  it('reminds each office once in December to load next year’s holidays', async () => {
    t.clock.set(new Date('2026-11-30T12:00:00Z'));
    expect(await remindToLoadNextYearCalendar(t.db, t.clock)).toBe(0);
    t.clock.set(new Date('2026-12-01T02:00:00Z'));
    expect(await remindToLoadNextYearCalendar(t.db, t.clock)).toBe(2);
    expect(await remindToLoadNextYearCalendar(t.db, t.clock)).toBe(0);
    const office = await login(t.app, 'office');
    const notice = (await office.get('/api/notices')).body.items.find(
      (n: { kind: string }) => n.kind === 'calendar_2027',
    );
    expect(notice.title).toBe('请录入2027年法定节假日和调休安排');
    const unread = (await office.get('/api/notices')).body.unread;
    const stranger = await login(t.app, 'zhang');
    // Someone else's notice answers as if it did not exist, and stays unread.
    const other = await stranger.post(`/api/notices/${notice.id}/read`);
    expect(other.status).toBe(404);
    expect(other.body.message).toBe('通知不存在或无权查看');
    expect((await office.get('/api/notices')).body.unread).toBe(unread);
    await office.post(`/api/notices/${notice.id}/read`);
    expect((await office.get('/api/notices')).body.unread).toBe(unread - 1);
  });
});
