import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { submitted } from '../test/flows.js';
import { login, useTestApp } from '../test/test-app.js';
import { backends } from '../test/test-database.js';
import { processEvents, type EventWorkerContext } from './event-worker.js';

describe.each(backends)('the domain-event worker (%s)', (backend) => {
  const t = useTestApp(backend);
  const worker = (): EventWorkerContext => ({
    db: t.db,
    clock: t.clock,
    smtpUrl: null,
    mailFrom: 'lianxin@example.org',
  });
  const pending = async () =>
    Number(
      (await sql<{ n: number }>`select count(*)::int as n from domain_event where processed_at is null`.execute(t.db))
        .rows[0]!.n,
    );

  it('re-indexes an edited suggestion after the commit, not inside the request', async () => {
    const zhang = await login(t.app, 'zhang');
    const draft = (
      await zhang.post('/api/suggestions', {
        title: '关于完善社区养老服务的建议',
        body: '内容。',
        categoryCode: 'agriculture',
      })
    ).body;
    await processEvents(worker());
    await zhang.put(`/api/suggestions/${draft.id}`, {
      title: draft.title,
      body: '建议推广智慧养老平台。',
      categoryCode: 'agriculture',
      cosignerDeputyIds: [],
      version: draft.version,
    });
    const search = async () =>
      (await zhang.get(`/api/suggestions?q=${encodeURIComponent('智慧养老')}`)).body.items.map(
        (i: { id: number }) => i.id,
      );
    expect(await search()).not.toContain(draft.id);
    expect(await processEvents(worker())).toBe(1);
    expect(await search()).toContain(draft.id);
  });

  it('hands each event to one process only, and takes up what a dead process left once its lease ran out', async () => {
    const zhang = await login(t.app, 'zhang');
    await submitted(zhang, '关于加快发展县域物流的建议');
    const waiting = await pending();
    expect(waiting).toBeGreaterThan(0);
    // Two processes at once: between them each event is processed exactly once.
    const [a, b] = await Promise.all([
      processEvents(worker(), 100, 'process-a'),
      processEvents(worker(), 100, 'process-b'),
    ]);
    expect(a + b).toBe(waiting);
    expect(await pending()).toBe(0);

    await submitted(zhang, '关于支持农产品冷链建设的建议');
    // A process claims the events and dies before handling them.
    await sql`update domain_event set claimed_by = 'dead', claimed_until = now() + interval '60 seconds', attempts = attempts + 1 where processed_at is null`.execute(
      t.db,
    );
    expect(await processEvents(worker(), 100, 'process-c')).toBe(0);
    await sql`update domain_event set claimed_until = now() - interval '1 second' where claimed_by = 'dead' and processed_at is null`.execute(
      t.db,
    );
    expect(await processEvents(worker(), 100, 'process-c')).toBeGreaterThan(0);
    expect(await pending()).toBe(0);
  });

  it('tries a failing handler again later and keeps its error', async () => {
    const zhang = await login(t.app, 'zhang');
    await t.db.updateTable('app_user').set({ email: 'zhang@example.org' }).where('username', '=', 'zhang').execute();
    const office = await login(t.app, 'office');
    const s = await submitted(zhang, '关于改善农村人居环境的建议');
    await processEvents(worker());
    await office.post(`/api/suggestions/${s.id}/register`, { version: s.version });
    // No mail server listens on port 9: the mail event fails and waits for its back-off.
    const broken = { ...worker(), smtpUrl: 'smtp://127.0.0.1:9' };
    expect(await processEvents(broken)).toBe(0);
    const failed = (
      await sql<{
        attempts: number;
        last_error: string | null;
      }>`select attempts, last_error from domain_event where processed_at is null`.execute(t.db)
    ).rows;
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ attempts: 1, last_error: expect.any(String) });
    expect(await processEvents(broken)).toBe(0);
    expect(
      (await sql<{ attempts: number }>`select attempts from domain_event where processed_at is null`.execute(t.db))
        .rows[0]!.attempts,
    ).toBe(1);
  });
});
