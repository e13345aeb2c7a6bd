#!/usr/bin/env node
// bench/import.mjs — does a large Excel import stall the server's other requests?
//
// For each back end (PGlite, PostgreSQL) the script prepares a fresh database with the
// session-peak population (server/src/db/seeds/bench.ts), starts server/dist/main.js as
// bench/session-peak.mjs does, and generates a suggestions file of past years with 20,000
// rows (server/src/modules/import/import.sample.ts). Then, on the same server:
//
//   1. reference: GET /api/reference/indexed-read (one indexed read) for --reference seconds;
//   2. idle: the office's list GET /api/suggestions?page=1&pageSize=20 for --reference seconds;
//   3. import: the same list, from --clients closed loops and at a fixed --rate per second
//      (timed from when each request was due), while the office uploads the file, waits for
//      the dry run, confirms, and waits for the import to be done.
//
// It prints requests, p50, p99 and max of each, the import's phases, and whether the list's
// p99 during the import stayed under 1 s. Run while holding the test lock:
//
//   flock /tmp/lianxin-test.lock node bench/import.mjs            # both back ends
//   flock /tmp/lianxin-test.lock node bench/import.mjs --db pglite --rows 20000 --clients 4

import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverDir = path.join(root, 'server');
const distDir = path.join(serverDir, 'dist');

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    rows: { type: 'string', default: '20000' },
    clients: { type: 'string', default: '4' },
    rate: { type: 'string', default: '20' },
    reference: { type: 'string', default: '5' },
    'pg-url': { type: 'string', default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(
    'node bench/import.mjs [--db pglite|postgres|both] [--rows 20000] [--clients 4] [--reference 5] [--pg-url …]',
  );
  process.exit(0);
}
const log = (...parts) => console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...parts);
const onInterrupt = new Set();
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, async () => {
    for (const f of [...onInterrupt].reverse()) await f().catch(() => {});
    process.exit(130);
  });

function ensureBuilt() {
  const sample = path.join(distDir, 'modules', 'import', 'import.sample.js');
  const newest = (dir) =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return Math.max(m, newest(p));
      return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? Math.max(m, fs.statSync(p).mtimeMs) : m;
    }, 0);
  const main = path.join(distDir, 'main.js');
  if (fs.existsSync(main) && fs.existsSync(sample) && newest(path.join(serverDir, 'src')) <= fs.statSync(main).mtimeMs)
    return;
  log('building the server…');
  const r = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: serverDir, stdio: 'inherit' });
  // tsc writes the files even when it reports errors (in files the server does not run, such as the test helpers).
  if (r.status !== 0 && !fs.existsSync(sample)) throw new Error('the server build failed');
  fs.utimesSync(main, new Date(), new Date());
}

const load = (p) => import(pathToFileURL(path.join(distDir, p)).href);

/** A fresh database with the session-peak population; the names the generated file refers to. */
async function prepareDatabase(kind, dist) {
  const seedOptions = { deputies: 300, units: 40, assignedSuggestions: 4000 };
  const fill = async (handle) => {
    await dist.migrate.migrateToLatest(handle.db);
    const accounts = await dist.seed.seedBench(handle.db, seedOptions);
    const q = (text) => dist.kysely.sql.raw(text).execute(handle.db);
    const names = {
      deputies: (await q(`select name from deputy where congress_id = ${accounts.congressId} order by id`)).rows.map(
        (r) => r.name,
      ),
      units: (
        await q(`select name from handling_unit where congress_id = ${accounts.congressId} order by id`)
      ).rows.map((r) => r.name),
      categories: (await q(`select name from suggestion_category where congress_id = ${accounts.congressId}`)).rows.map(
        (r) => r.name,
      ),
    };
    await dist.kysely.sql`analyze`.execute(handle.db);
    return { accounts, names };
  };
  if (kind === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-bench-import-'));
    const cleanup = async () => fs.rmSync(dataDir, { recursive: true, force: true });
    const handle = await dist.db.openEmbedded(dataDir);
    try {
      return { env: { DATA_DIR: dataDir }, cleanup, ...(await fill(handle)) };
    } finally {
      await handle.close();
    }
  }
  const adminUrl = args['pg-url'];
  const name = `lianxin_bench_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new dist.pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const cleanup = async () => {
    const c = new dist.pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
  const handle = dist.db.connectPostgres(url.toString(), 4);
  try {
    return { env: { DATABASE_URL: url.toString() }, cleanup, ...(await fill(handle)) };
  } finally {
    await handle.close();
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function startServer(env, logFile) {
  const port = await freePort();
  const out = fs.openSync(logFile, 'w');
  const child = spawn(process.execPath, [path.join(distDir, 'main.js')], {
    cwd: root,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      SEED_DEMO: 'false',
      RUN_JOBS: 'false',
      BENCH_ROUTES: 'true',
      LOGIN_RATE_LIMIT: '1000000',
    },
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  let exited = null;
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exited = { code, signal }))));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`the server exited during start-up; see ${logFile}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { child, base, exit, isRunning: () => !exited };
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start within 60 s; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stopServer(server) {
  if (!server.isRunning()) return;
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 30_000);
  await server.exit;
  clearTimeout(timer);
}

async function login(base, username, password) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login of ${username}: ${res.status} ${await res.text()}`);
  const body = await res.json();
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('lx_session='));
  return { cookie, csrf: body.csrfToken };
}

const percentile = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
function summary(latencies, seconds) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    perSecond: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
  };
}

/** `clients` closed loops on one URL until `until()` says stop; every latency in ms, and errors. */
async function hammer(url, headers, clients, until) {
  const latencies = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (!until()) {
        const t = performance.now();
        try {
          const res = await fetch(url, { headers });
          await res.arrayBuffer();
          if (!res.ok) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { ...summary(latencies, (performance.now() - started) / 1000), errors };
}

/**
 * Requests sent at a fixed rate whatever the answers do, each timed from the moment it was
 * due: a stalled server shows as every request that fell due during the stall (closed loops
 * would only count the few already waiting).
 */
async function paced(url, headers, perSecond, until) {
  const latencies = [];
  let errors = 0;
  const interval = 1000 / perSecond;
  const started = performance.now();
  const pending = [];
  for (let i = 0; !until(); i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(
      fetch(url, { headers })
        .then(async (res) => {
          await res.arrayBuffer();
          if (!res.ok) errors++;
        })
        .catch(() => errors++)
        .finally(() => latencies.push(performance.now() - due)),
    );
  }
  await Promise.all(pending);
  return { ...summary(latencies, (performance.now() - started) / 1000), errors };
}

const forSeconds = (s) => {
  const end = performance.now() + s * 1000;
  return () => performance.now() >= end;
};

async function runImport(base, office, file, phases) {
  const headers = { cookie: office.cookie, 'x-csrf-token': office.csrf };
  const form = new FormData();
  form.append('file', new Blob([file]), 'past-years.xlsx');
  const t0 = performance.now();
  const started = await fetch(`${base}/api/imports?kind=suggestions`, { method: 'POST', headers, body: form });
  if (started.status !== 202) throw new Error(`upload answered ${started.status} ${await started.text()}`);
  const { id } = await started.json();
  let last = null;
  const poll = async (until) => {
    for (;;) {
      const job = await (await fetch(`${base}/api/imports/${id}`, { headers })).json();
      if (job.state !== last) {
        phases.push({ state: job.state, at: (performance.now() - t0) / 1000 });
        last = job.state;
      }
      if (until.includes(job.state)) return job;
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const checked = await poll(['checked', 'failed']);
  if (checked.state !== 'checked' || checked.problemCount > 0)
    throw new Error(`dry run: ${checked.state} ${checked.error ?? ''} ${JSON.stringify(checked.problems.slice(0, 3))}`);
  const publish = await fetch(`${base}/api/imports/${id}/publish`, { method: 'POST', headers });
  if (publish.status !== 202) throw new Error(`publish answered ${publish.status}`);
  const done = await poll(['done', 'failed', 'checked']);
  if (done.state !== 'done')
    throw new Error(`import ended ${done.state}: ${done.error ?? JSON.stringify(done.problems.slice(0, 3))}`);
  return { job: done, seconds: (performance.now() - t0) / 1000 };
}

async function runBackend(kind, dist) {
  log(`${kind}: preparing the database…`);
  const prepared = await prepareDatabase(kind, dist);
  onInterrupt.add(prepared.cleanup);
  const logFile = path.join(os.tmpdir(), `lianxin-bench-import-${kind}.log`);
  const server = await startServer(prepared.env, logFile);
  const stop = () => stopServer(server);
  onInterrupt.add(stop);
  try {
    const rows = Number(args.rows);
    let suggestions = Math.ceil(rows / 3);
    while (dist.sample.sampleRowCount(suggestions) > rows + 2) suggestions--;
    while (dist.sample.sampleRowCount(suggestions) < rows) suggestions++;
    const file = await dist.sample.sampleSuggestionsFile(suggestions, {
      ...prepared.names,
      term: 90,
      firstSession: 1,
      sessions: 5,
      firstYear: 2019,
    });
    log(
      `${kind}: ${dist.sample.sampleRowCount(suggestions)} rows (${suggestions} suggestions), ${(file.length / 1e6).toFixed(1)} MB`,
    );
    const office = await login(server.base, prepared.accounts.office.username, prepared.accounts.password);
    const headers = { cookie: office.cookie };
    const listUrl = `${server.base}/api/suggestions?page=1&pageSize=20`;
    const clients = Number(args.clients);
    const seconds = Number(args.reference);
    await hammer(listUrl, headers, clients, forSeconds(1)); // warm-up
    const reference = await hammer(`${server.base}/api/reference/indexed-read`, {}, clients, forSeconds(seconds));
    const idle = await hammer(listUrl, headers, clients, forSeconds(seconds));
    const pacedIdle = await paced(listUrl, headers, Number(args.rate), forSeconds(seconds));
    let importing = true;
    const phases = [];
    const during = hammer(listUrl, headers, clients, () => !importing);
    const pacedDuring = paced(listUrl, headers, Number(args.rate), () => !importing);
    const refDuring = hammer(`${server.base}/api/reference/indexed-read`, {}, 1, () => !importing);
    const result = await runImport(server.base, office, file, phases).finally(() => (importing = false));
    return {
      kind,
      rows: result.job.totalRows,
      counts: result.job.counts,
      importSeconds: result.seconds,
      phases,
      reference,
      idle,
      during: await during,
      pacedIdle,
      pacedDuring: await pacedDuring,
      referenceDuring: await refDuring,
    };
  } finally {
    await stop();
    onInterrupt.delete(stop);
    await prepared.cleanup();
    onInterrupt.delete(prepared.cleanup);
  }
}

const ms = (v) => `${v.toFixed(1)} ms`;
function print(r) {
  console.log(
    `\n## ${r.kind}: ${r.rows} rows imported in ${r.importSeconds.toFixed(1)} s (${JSON.stringify(r.counts)})`,
  );
  console.log(`phases: ${r.phases.map((p) => `${p.state} at ${p.at.toFixed(1)} s`).join(', ')}`);
  console.log('| measured | requests | req/s | p50 | p99 | max | errors |');
  console.log('|---|---|---|---|---|---|---|');
  const line = (name, s) =>
    console.log(
      `| ${name} | ${s.requests} | ${s.perSecond.toFixed(0)} | ${ms(s.p50)} | ${ms(s.p99)} | ${ms(s.max)} | ${s.errors} |`,
    );
  line('reference: indexed read, no import', r.reference);
  line('office list, no import', r.idle);
  line('office list, during the import', r.during);
  line(`office list at ${args.rate}/s (timed from due), no import`, r.pacedIdle);
  line(`office list at ${args.rate}/s (timed from due), during the import`, r.pacedDuring);
  line('indexed read (1 client), during the import', r.referenceDuring);
  const worst = Math.max(r.during.p99, r.pacedDuring.p99);
  console.log(
    `list p99 during the import: ${ms(worst)} — ${worst < 1000 ? 'under 1 s: met' : 'NOT under 1 s: MISSED'}`,
  );
}

ensureBuilt();
const requireFromServer = createRequire(path.join(serverDir, 'package.json'));
const dist = {
  db: await load('platform/db.js'),
  migrate: await load('db/migrate.js'),
  seed: await load('db/seeds/bench.js'),
  sample: await load('modules/import/import.sample.js'),
  kysely: await import(pathToFileURL(requireFromServer.resolve('kysely')).href),
  pg: (await import(pathToFileURL(requireFromServer.resolve('pg')).href)).default,
};
const kinds = args.db === 'both' ? ['pglite', 'postgres'] : [args.db];
log(`node ${process.version}, ${os.cpus().length} cores; ${args.clients} list clients`);
for (const kind of kinds) print(await runBackend(kind, dist));
