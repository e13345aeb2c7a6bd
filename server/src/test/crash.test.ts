import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../db/migrate.js';
import { seedBench, type BenchAccounts } from '../db/seeds/bench.js';
import { connectPostgres, openEmbedded, type DatabaseHandle } from '../platform/db.js';
import { backends, type Backend } from './test-database.js';
import { call, login, startServer, type ServerProcess, type Session } from './crash/server-process.js';

// A server under submission load is killed with SIGKILL, restarted on the same data, and
// every submission it acknowledged with a 2xx is there, submitted. The real server runs as
// a child process, so the kill is a real one: no graceful close, no flush, no handlers.

const DEPUTIES = 8;
const WORKERS_PER_DEPUTY = 3;
/** Kill once this many submissions were acknowledged (or after LOAD_MS_MAX regardless). */
const ACKS_BEFORE_KILL = 30;
const LOAD_MS_MIN = 3_000;
const LOAD_MS_MAX = 15_000;

interface Prepared {
  env: Record<string, string>;
  accounts: BenchAccounts;
  cleanup(): Promise<void>;
}

async function seedInto(handle: DatabaseHandle): Promise<BenchAccounts> {
  try {
    await migrateToLatest(handle.db);
    return await seedBench(handle.db, { deputies: DEPUTIES, units: 0, prefix: 'crash', password: 'Crash2026pass' });
  } finally {
    await handle.close();
  }
}

/** A database of its own, migrated and seeded before the server starts (PGlite's folder is locked while it runs). */
async function prepare(backend: Backend): Promise<Prepared> {
  if (backend === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-crash-'));
    const accounts = await seedInto(await openEmbedded(dataDir));
    return {
      env: { DATA_DIR: dataDir },
      accounts,
      cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `lianxin_crash_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const cleanup = async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
  try {
    const accounts = await seedInto(connectPostgres(url.toString(), 2));
    return { env: { DATABASE_URL: url.toString() }, accounts, cleanup };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

interface Load {
  acknowledged: number[];
  inFlight: number;
  attempts: number;
  /** Answers other than success, and failures to get an answer, while the server was up. */
  unexpected: string[];
  stop(): void;
  done: Promise<void>;
}

/** Each deputy session runs a few workers that draft and submit, one suggestion after another. */
function submissionLoad(base: string, sessions: Session[], categoryCodes: string[]): Load {
  let stopped = false;
  const load: Load = {
    acknowledged: [],
    inFlight: 0,
    attempts: 0,
    unexpected: [],
    stop: () => (stopped = true),
    done: Promise.resolve(),
  };
  const send = async <T>(session: Session, url: string, body: unknown) => {
    load.inFlight++;
    try {
      return await call<T>(base, session, 'POST', url, body);
    } finally {
      load.inFlight--;
    }
  };
  const worker = async (session: Session, w: number) => {
    for (let n = 0; !stopped; n++) {
      load.attempts++;
      try {
        const created = await send<{ id: number; version: number }>(session, '/api/suggestions', {
          title: `关于第${w}组第${n + 1}项民生实事的建议`,
          body: '群众反映办理周期较长，建议简化流程、明确时限、公开进度。',
          categoryCode: categoryCodes[n % categoryCodes.length],
        });
        if (created.status !== 201) {
          if (!stopped) load.unexpected.push(`create ${created.status} ${JSON.stringify(created.body)}`);
          continue;
        }
        const submitted = await send<{ id: number; status: string }>(
          session,
          `/api/suggestions/${created.body.id}/submit`,
          { version: created.body.version },
        );
        if (submitted.status >= 200 && submitted.status < 300) load.acknowledged.push(created.body.id);
        else if (!stopped) load.unexpected.push(`submit ${submitted.status} ${JSON.stringify(submitted.body)}`);
      } catch (err) {
        // Refused or reset connections are what a kill looks like; before it they are a failure.
        if (!stopped) load.unexpected.push(`request failed: ${(err as Error).message}`);
        return;
      }
    }
  };
  load.done = Promise.all(
    sessions.flatMap((s, i) =>
      Array.from({ length: WORKERS_PER_DEPUTY }, (_, k) => worker(s, i * WORKERS_PER_DEPUTY + k)),
    ),
  ).then(() => {});
  return load;
}

async function untilLoaded(load: Load): Promise<void> {
  const started = Date.now();
  for (;;) {
    const elapsed = Date.now() - started;
    if ((elapsed >= LOAD_MS_MIN && load.acknowledged.length >= ACKS_BEFORE_KILL) || elapsed >= LOAD_MS_MAX) return;
    if (load.unexpected.length > 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(backends)(
  'a server killed with SIGKILL under submission load keeps every acknowledged submission (%s)',
  (backend) => {
    let prepared: Prepared | null = null;
    let server: ServerProcess | null = null;
    afterAll(async () => {
      await server?.kill('SIGKILL');
      await prepared?.cleanup();
    });

    it('finds every acknowledged submission, submitted, after a restart', async () => {
      prepared = await prepare(backend);
      const { accounts, env } = prepared;
      server = await startServer(env);
      const sessions = await Promise.all(
        accounts.deputies.map((d) => login(server!.base, d.username, accounts.password)),
      );

      const load = submissionLoad(server.base, sessions, accounts.categoryCodes);
      await untilLoaded(load);
      expect(
        load.unexpected,
        `failures before the kill:\n${load.unexpected.slice(0, 5).join('\n')}\n${server.output()}`,
      ).toEqual([]);
      // Mid-load: requests are on the wire when the process dies.
      const inFlightAtKill = load.inFlight;
      load.stop(); // from here on, refused connections are expected; requests on the wire stay there
      const killed = await server.kill('SIGKILL');
      await load.done;
      expect(killed.signal).toBe('SIGKILL');
      expect(inFlightAtKill).toBeGreaterThan(0);
      const acknowledged = [...new Set(load.acknowledged)];
      expect(acknowledged.length).toBeGreaterThan(0);

      // Same data, new process: PGlite must also get past the lock file the dead process left.
      server = await startServer(env);
      const office = await login(server.base, accounts.office.username, accounts.password);
      const problems: string[] = [];
      for (let i = 0; i < acknowledged.length; i += 8) {
        await Promise.all(
          acknowledged.slice(i, i + 8).map(async (id) => {
            const res = await call<{ status: string }>(server!.base, office, 'GET', `/api/suggestions/${id}`);
            if (res.status !== 200) problems.push(`suggestion ${id}: ${res.status} ${JSON.stringify(res.body)}`);
            else if (res.body.status !== 'submitted') problems.push(`suggestion ${id}: status ${res.body.status}`);
          }),
        );
      }
      expect(problems, `${problems.length} of ${acknowledged.length} acknowledged submissions lost`).toEqual([]);

      // The office's list counts them too (it may hold more: committed, but killed before the answer).
      const list = await call<{ total: number }>(
        server.base,
        office,
        'GET',
        '/api/suggestions?status=submitted&pageSize=1',
      );
      expect(list.status).toBe(200);
      expect(list.body.total).toBeGreaterThanOrEqual(acknowledged.length);

      // And the restarted server takes new work.
      const deputy = await login(server.base, accounts.deputies[0]!.username, accounts.password);
      const draft = await call<{ id: number; version: number }>(server.base, deputy, 'POST', '/api/suggestions', {
        title: '关于重启之后继续受理代表建议的建议',
        body: '重启后应能照常起草和提交建议。',
        categoryCode: accounts.categoryCodes[0],
      });
      expect(draft.status).toBe(201);
      const submitted = await call<{ status: string }>(
        server.base,
        deputy,
        'POST',
        `/api/suggestions/${draft.body.id}/submit`,
        { version: draft.body.version },
      );
      expect(submitted.status).toBe(200);
      expect(submitted.body.status).toBe('submitted');

      const stopped = await server.kill('SIGTERM');
      expect(stopped.code).toBe(0);
      console.info(
        `[crash ${backend}] ${acknowledged.length} acknowledged submissions survived SIGKILL (${inFlightAtKill} requests in flight, ${load.attempts} attempts)`,
      );
    }, 120_000);
  },
);
