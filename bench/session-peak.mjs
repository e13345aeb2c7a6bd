#!/usr/bin/env node
// Session-peak load benchmark for Lianxin (连心), on loopback and bounded in time.
//
//   npm run bench                                  # both back ends, 3 runs each, 15 s per phase, 100 connections
//   node bench/session-peak.mjs --db postgres --runs 3 --duration 15 --connections 100
//
// For each back end it prepares a fresh database (a temporary PGlite folder, or a fresh
// lianxin_bench_* database on the local PostgreSQL), seeds 1,000 deputy accounts and 40
// units with staff and 4,000 assigned suggestions, starts the built server with
// BENCH_ROUTES=true, logs every account in, then measures on the same server and pool:
//   a. GET /api/reference/bare              (bare JSON route)
//   b. GET /api/reference/indexed-read      (one indexed read, nothing else)
//   c. unit accounts GET /api/suggestions?page=1&pageSize=20, rotating sessions
//   d. unit accounts GET /api/suggestions/:id of their own
//   e. deputies creating and submitting suggestions (POST create, POST submit)
//   g. deputies writing and submitting in one request (POST create with submit: true),
//      as the web app's 提交 on a new suggestion without co-signers does
//   f. the session peak: g and c+d at once, half of the connections each
// then stops the server and checks in the database that every submission answered with
// 2xx is there, submitted. All of this is done --runs times (default 3) per back end, each
// on a fresh database and server; the report gives each run, the medians of every figure
// and ratio (ratios are taken within a run, against its own references) and the goals of
// issue 7 marked met or MISSED on those medians. Options: --runs <n>, --db
// postgres|pglite|both, --duration <s>, --connections <n>, --deputies <n>, --units <n>, --suggestions <n>, --warmup <s>,
// --pg-url <admin url>, --json <file> (write the figures), --explain (EXPLAIN ANALYZE the
// list query on PostgreSQL), --cpu-prof <dir> (run the server under node --cpu-prof and
// print where its time went), --only a,b,c,... (run some phases only), --server-dir <dir>
// (measure another build of the server), --keep-log (keep the server's log), --quiet-wait
// <s> (before each phase, wait up to this long for other processes to leave the machine
// idle; 0: don't wait; default 90).

import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { summariseCpuProfile } from './cpu-profile-summary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    duration: { type: 'string', default: '15' },
    connections: { type: 'string', default: '100' },
    warmup: { type: 'string', default: '3' },
    deputies: { type: 'string', default: '1000' },
    units: { type: 'string', default: '40' },
    suggestions: { type: 'string', default: '4000' },
    'pg-url': { type: 'string', default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
    json: { type: 'string' },
    explain: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
    only: { type: 'string' },
    'keep-log': { type: 'boolean', default: false },
    'server-dir': { type: 'string', default: path.join(root, 'server') },
    'quiet-wait': { type: 'string', default: '90' },
    runs: { type: 'string', default: '3' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  const header = fs
    .readFileSync(fileURLToPath(import.meta.url), 'utf8')
    .split('\n')
    .slice(1);
  console.log(
    header
      .slice(
        0,
        header.findIndex((l) => !l.startsWith('//')),
      )
      .map((l) => l.replace(/^\/\/ ?/, ''))
      .join('\n'),
  );
  process.exit(0);
}
// Another checkout or build of the server can be measured the same way (A/B comparisons).
const serverDir = path.resolve(args['server-dir']);
const distDir = path.join(serverDir, 'dist');
const backends = args.db === 'both' ? ['postgres', 'pglite'] : [args.db];
if (!backends.every((b) => b === 'postgres' || b === 'pglite'))
  fail(`--db must be postgres, pglite or both, not ${args.db}`);
const duration = positive('duration');
const connections = positive('connections');
const warmup = Number(args.warmup);
const only = args.only ? new Set(args.only.split(',')) : null;
const measures = (phase) => !only || only.has(phase);
const runCount = positive('runs');
if (!Number.isInteger(runCount)) fail('--runs must be a whole number');

function positive(name) {
  const n = Number(args[name]);
  if (!Number.isFinite(n) || n <= 0) fail(`--${name} must be a positive number`);
  return n;
}
function fail(message) {
  console.error(`session-peak: ${message}`);
  process.exit(2);
}
// Interrupted runs still stop their server and drop their database.
const onInterrupt = new Set();
process.on('SIGINT', async () => {
  console.error('\nsession-peak: interrupted, cleaning up…');
  for (const f of [...onInterrupt].reverse()) await f().catch(() => {});
  process.exit(130);
});
const log = (...parts) => console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...parts);

// ---------------------------------------------------------------------------------------
// Build

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
      newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function ensureBuilt() {
  const main = path.join(distDir, 'main.js');
  const seed = path.join(distDir, 'db', 'seeds', 'bench.js');
  const stale =
    !fs.existsSync(main) ||
    !fs.existsSync(seed) ||
    newestMtime(path.join(serverDir, 'src')) > fs.statSync(main).mtimeMs;
  if (!stale) return;
  log('building the server (server/dist is missing or older than server/src)…');
  const r = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: serverDir, stdio: 'inherit' });
  if (r.status !== 0) fail('the server build failed');
  fs.utimesSync(main, new Date(), new Date());
}

// ---------------------------------------------------------------------------------------
// Database preparation

async function prepareDatabase(kind, dist) {
  const seedOptions = {
    deputies: Number(args.deputies),
    units: Number(args.units),
    assignedSuggestions: Number(args.suggestions),
  };
  if (kind === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-bench-'));
    const cleanup = async () => fs.rmSync(dataDir, { recursive: true, force: true });
    try {
      const handle = await dist.db.openEmbedded(dataDir);
      try {
        await dist.migrate.migrateToLatest(handle.db);
        const accounts = await dist.seed.seedBench(handle.db, seedOptions);
        await dist.kysely.sql`analyze`.execute(handle.db);
        return { kind, env: { DATA_DIR: dataDir }, accounts, open: () => dist.db.openEmbedded(dataDir), cleanup };
      } finally {
        await handle.close();
      }
    } catch (err) {
      await cleanup();
      throw err;
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
  try {
    const handle = dist.db.connectPostgres(url.toString(), 4);
    try {
      await dist.migrate.migrateToLatest(handle.db);
      const accounts = await dist.seed.seedBench(handle.db, seedOptions);
      await dist.kysely.sql`analyze`.execute(handle.db);
      return {
        kind,
        name,
        env: { DATABASE_URL: url.toString() },
        accounts,
        open: async () => dist.db.connectPostgres(url.toString(), 4),
        cleanup,
      };
    } finally {
      await handle.close();
    }
  } catch (err) {
    await cleanup();
    throw err;
  }
}

// ---------------------------------------------------------------------------------------
// Server process

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

async function startServer(env, logFile, cpuProfDir) {
  const port = await freePort();
  const out = fs.openSync(logFile, 'w');
  const nodeArgs = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [];
  const child = spawn(process.execPath, [...nodeArgs, path.join(distDir, 'main.js')], {
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
    if (exited) throw new Error(`the server exited during start-up (${JSON.stringify(exited)}); see ${logFile}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) {
        const health = await res.json();
        return { child, base, port, health, exit, isRunning: () => !exited };
      }
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer /api/health within 60 s; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stopServer(server) {
  if (!server.isRunning()) return server.exit;
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 15_000);
  const result = await server.exit;
  clearTimeout(timer);
  return result;
}

// ---------------------------------------------------------------------------------------
// Sessions

async function login(base, username, password) {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (res.ok) {
      const body = await res.json();
      const cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .find((c) => c.startsWith('lx_session='));
      if (!cookie) throw new Error(`login of ${username} set no lx_session cookie`);
      return { username, cookie, csrf: body.csrfToken };
    }
    if (attempt >= 2) throw new Error(`login of ${username} failed: ${res.status} ${await res.text()}`);
  }
}

async function loginAll(base, accounts, password, concurrency = 16) {
  const out = new Array(accounts.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < accounts.length) {
        const i = next++;
        out[i] = { ...accounts[i], ...(await login(base, accounts[i].username, password)) };
      }
    }),
  );
  return out;
}

// ---------------------------------------------------------------------------------------
// CPU accounting: where each phase's CPU went (server process, PostgreSQL processes, this
// load generator), read from /proc on Linux; absent elsewhere.

const TICK_MS = 10; // USER_HZ is 100 on Linux
function ticksOf(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime + stime, and cutime + cstime: the postmaster inherits the ticks of backends that exit.
    return {
      comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
      ticks: Number(fields[11]) + Number(fields[12]),
      children: Number(fields[13]) + Number(fields[14]),
    };
  } catch {
    return null;
  }
}
/**
 * After a run autocannon drops its sockets, but the server still works through what it had
 * queued (PGlite queues every query on its one connection): wait until one indexed read
 * answers promptly again, so a phase never pays for the previous one.
 */
async function drain(base) {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const t = performance.now();
    try {
      const res = await fetch(`${base}/api/reference/indexed-read`);
      await res.arrayBuffer();
    } catch {
      return;
    }
    if (performance.now() - t < 20) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Waits (up to --quiet-wait seconds) until the machine is idle but for us: shared machines make noisy figures. */
async function waitForQuiet() {
  const limit = Number(args['quiet-wait']);
  if (!(limit > 0) || process.platform !== 'linux') return;
  const busyTicks = () => {
    const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return cpu.reduce((x, y) => x + y, 0) - cpu[3] - cpu[4];
  };
  const started = Date.now();
  for (;;) {
    const before = busyTicks();
    await new Promise((r) => setTimeout(r, 1000));
    const cores = ((busyTicks() - before) * TICK_MS) / 1000;
    if (cores < 0.25) return;
    if (Date.now() - started > limit * 1000) {
      log(`the machine is still busy (${cores.toFixed(2)} cores used by other processes): measuring anyway`);
      return;
    }
  }
}

/** Ticks of the server process, of the PostgreSQL backends serving databaseName, of this process and of the whole machine. */
function cpuSnapshot(serverPid, databaseName) {
  if (process.platform !== 'linux') return null;
  const backends = new Map();
  if (databaseName) {
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const t = ticksOf(entry);
      if (!t || t.comm !== 'postgres') continue;
      let cmdline;
      try {
        cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      } catch {
        continue;
      }
      if (cmdline.includes(` ${databaseName} `)) backends.set(entry, t.ticks);
    }
  }
  const own = process.cpuUsage();
  // The whole machine: every tick not idle or waiting on I/O.
  const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const busy = cpu.reduce((x, y) => x + y, 0) - cpu[3] - cpu[4];
  return {
    at: performance.now(),
    server: ticksOf(serverPid)?.ticks ?? 0,
    backends,
    loadgen: (own.user + own.system) / 1000,
    busy,
  };
}
function cpuBetween(a, b, requests) {
  if (!a || !b) return null;
  const wall = b.at - a.at;
  const server = (b.server - a.server) * TICK_MS;
  let postgresTicks = 0;
  for (const [pid, ticks] of b.backends) postgresTicks += ticks - (a.backends.get(pid) ?? 0);
  const postgres = postgresTicks * TICK_MS;
  const loadgen = b.loadgen - a.loadgen;
  const busy = (b.busy - a.busy) * TICK_MS;
  const share = (ms) => ms / wall; // in cores
  return {
    machineBusyCores: share(busy),
    serverCores: share(server),
    postgresCores: share(postgres),
    loadgenCores: share(loadgen),
    otherCores: Math.max(0, share(busy - server - postgres - loadgen)),
    serverMsPerRequest: requests ? server / requests : null,
    postgresMsPerRequest: requests ? postgres / requests : null,
  };
}

// ---------------------------------------------------------------------------------------
// Measurement

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summarise(result, extra = {}) {
  const seconds = result.duration;
  const answered = result.requests.total > 0;
  return {
    requests: result.requests.total,
    rps: result.requests.total / seconds,
    p50: answered ? result.latency.p50 : null,
    p99: answered ? result.latency.p99 : null,
    max: answered ? result.latency.max : null,
    /** Requests still unanswered when the phase ended. */
    unanswered: result.requests.sent - result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([k, v]) => [k, v.count])),
    seconds,
    ...extra,
  };
}

function cannon(opts) {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ timeout: 30, ...opts }, (err, result) => (err ? reject(err) : resolve(result)));
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
}

/** Unit staff rotate through their sessions, one request each. */
function listRequests(base, unitSessions) {
  let next = 0;
  return {
    url: base,
    requests: [
      {
        method: 'GET',
        setupRequest(req) {
          const a = unitSessions[next++ % unitSessions.length];
          req.path = '/api/suggestions?page=1&pageSize=20';
          req.headers = { ...req.headers, cookie: a.cookie };
          return req;
        },
      },
    ],
  };
}

function detailRequests(base, unitSessions, idsByUnit) {
  let next = 0;
  return {
    url: base,
    requests: [
      {
        method: 'GET',
        setupRequest(req) {
          const a = unitSessions[next++ % unitSessions.length];
          const ids = idsByUnit.get(a.unitId);
          req.path = `/api/suggestions/${ids[Math.floor(Math.random() * ids.length)]}`;
          req.headers = { ...req.headers, cookie: a.cookie };
          return req;
        },
      },
    ],
  };
}

/** A deputy's write: session, CSRF token, and only the new state back (RFC 7240), as a bulk client asks. */
function deputyWrite(d) {
  return { cookie: d.cookie, 'x-csrf-token': d.csrf, 'content-type': 'application/json', prefer: 'return=minimal' };
}

/** The n-th suggestion the deputies write. */
function newSuggestion(n, categoryCodes) {
  return {
    title: `关于改进第${n + 1}号民生事项的建议`,
    body: `基层群众反映，第${n + 1}号民生事项办理周期较长。建议简化流程、明确时限、公开进度，方便群众监督。`,
    categoryCode: categoryCodes[n % categoryCodes.length],
  };
}

/** Deputies in rotation: each connection creates a draft, then submits it. */
function submissionRequests(base, deputySessions, categoryCodes, tally) {
  let next = 0;
  const now = () => performance.now();
  return {
    url: base,
    requests: [
      {
        method: 'POST',
        path: '/api/suggestions',
        setupRequest(req, context) {
          const n = next++;
          const d = deputySessions[n % deputySessions.length];
          context.deputy = d;
          context.t0 = now();
          req.headers = { ...req.headers, ...deputyWrite(d) };
          req.body = JSON.stringify(newSuggestion(n, categoryCodes));
          tally.createsSent++;
          return req;
        },
        onResponse(status, body, context) {
          const t = now();
          tally.createLatency.push(t - context.t0);
          if (status === 201) {
            const m = /^\{"id":(\d+),"version":(\d+)/.exec(body);
            const parsed = m ? { id: Number(m[1]), version: Number(m[2]) } : JSON.parse(body);
            context.id = parsed.id;
            context.version = parsed.version;
            tally.created++;
          } else {
            tally.failures[`create ${status}`] = (tally.failures[`create ${status}`] ?? 0) + 1;
          }
        },
      },
      {
        method: 'POST',
        setupRequest(req, context) {
          if (!context.id) return null; // the draft failed: start again with a new one
          const d = context.deputy;
          context.t1 = now();
          req.path = `/api/suggestions/${context.id}/submit`;
          req.headers = { ...req.headers, ...deputyWrite(d) };
          req.body = JSON.stringify({ version: context.version });
          tally.submitsSent++;
          return req;
        },
        onResponse(status, _body, context) {
          const t = now();
          tally.submitLatency.push(t - context.t1);
          if (status >= 200 && status < 300) {
            tally.acknowledged.push(context.id);
            tally.submissionLatency.push(t - context.t0);
          } else {
            tally.failures[`submit ${status}`] = (tally.failures[`submit ${status}`] ?? 0) + 1;
          }
        },
      },
    ],
  };
}

/** Deputies in rotation: each request writes a new suggestion and submits it at once (`submit: true`). */
function oneStepSubmissionRequests(base, deputySessions, categoryCodes, tally) {
  let next = 0;
  const now = () => performance.now();
  return {
    url: base,
    requests: [
      {
        method: 'POST',
        path: '/api/suggestions',
        setupRequest(req, context) {
          const n = next++;
          const d = deputySessions[n % deputySessions.length];
          context.t0 = now();
          req.headers = { ...req.headers, ...deputyWrite(d) };
          req.body = JSON.stringify({ ...newSuggestion(n, categoryCodes), submit: true });
          tally.createsSent++;
          return req;
        },
        onResponse(status, body, context) {
          const t = now();
          tally.createLatency.push(t - context.t0);
          if (status === 201) {
            const m = /^\{"id":(\d+)/.exec(body);
            tally.acknowledged.push(m ? Number(m[1]) : JSON.parse(body).id);
            tally.submissionLatency.push(t - context.t0);
          } else {
            tally.failures[`create+submit ${status}`] = (tally.failures[`create+submit ${status}`] ?? 0) + 1;
          }
        },
      },
    ],
  };
}

function newTally() {
  return {
    createsSent: 0,
    submitsSent: 0,
    created: 0,
    acknowledged: [],
    failures: {},
    createLatency: [],
    submitLatency: [],
    submissionLatency: [],
  };
}

function latencyOf(samples) {
  const sorted = Float64Array.from(samples).sort();
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

function submissionFigures(result, tally) {
  const seconds = result.duration;
  return {
    ...summarise(result),
    submissions: tally.acknowledged.length,
    submissionsPerSecond: tally.acknowledged.length / seconds,
    failures: tally.failures,
    create: latencyOf(tally.createLatency),
    submit: latencyOf(tally.submitLatency),
    submission: latencyOf(tally.submissionLatency),
  };
}

// ---------------------------------------------------------------------------------------
// Verification and diagnosis

async function verifyAcknowledged(db, dist, ids) {
  const found = new Map();
  for (let i = 0; i < ids.length; i += 5000) {
    const chunk = ids.slice(i, i + 5000);
    const rows = await db.selectFrom('suggestion').select(['id', 'status']).where('id', 'in', chunk).execute();
    for (const r of rows) found.set(r.id, r.status);
  }
  const missing = ids.filter((id) => !found.has(id));
  const notSubmitted = ids.filter((id) => found.has(id) && found.get(id) !== 'submitted');
  const totals = await dist.kysely
    .sql`select count(*)::int as suggestions, count(*) filter (where status = 'submitted')::int as submitted from suggestion`.execute(
    db,
  );
  return {
    acknowledged: ids.length,
    found: found.size,
    missing: missing.length,
    notSubmitted: notSubmitted.length,
    missingIds: missing.slice(0, 20),
    ...totals.rows[0],
  };
}

/** The SQL the list route runs for one unit handler, captured from the server's own code, then EXPLAIN ANALYZE. */
async function explainList(prepared, dist, unitSession) {
  const captured = [];
  let capturing = true;
  const handle = await prepared.open();
  try {
    const { Kysely, PostgresDialect } = dist.kysely;
    const grant = await handle.db
      .selectFrom('role_grant')
      .selectAll()
      .where(
        'user_id',
        '=',
        (
          await handle.db
            .selectFrom('app_user')
            .select('id')
            .where('username', '=', unitSession.username)
            .executeTakeFirstOrThrow()
        ).id,
      )
      .executeTakeFirstOrThrow();
    const viewer = {
      userId: grant.user_id,
      username: unitSession.username,
      displayName: unitSession.username,
      csrfToken: '',
      sessionTokenHash: '',
      grant: {
        id: grant.id,
        congressId: grant.congress_id,
        role: grant.role,
        deputyId: grant.deputy_id,
        unitId: grant.unit_id,
        unitSystemId: grant.unit_system_id,
        committeeId: grant.committee_id,
      },
    };
    const db = new Kysely({
      dialect: new PostgresDialect({ pool: new dist.pg.Pool({ connectionString: prepared.env.DATABASE_URL, max: 1 }) }),
      log: (event) => capturing && captured.push({ sql: event.query.sql, parameters: event.query.parameters }),
    });
    try {
      const query = { page: 1, pageSize: 20, sort: '-updated' };
      await dist.list.listSuggestions(db, viewer, query, new Date().toISOString().slice(0, 10));
      capturing = false;
      const plans = [];
      for (const q of captured) {
        const plan = await dist.kysely
          .sql`explain (analyze, buffers) ${dist.kysely.sql.raw(inline(q.sql, q.parameters))}`.execute(db);
        plans.push({ sql: q.sql, parameters: q.parameters, plan: plan.rows.map((r) => r['QUERY PLAN']).join('\n') });
      }
      return plans;
    } finally {
      await db.destroy();
    }
  } finally {
    await handle.close();
  }
}

function inline(sqlText, parameters) {
  return sqlText.replace(/\$(\d+)/g, (_, i) => {
    const v = parameters[Number(i) - 1];
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return `'${String(v).replace(/'/g, "''")}'`;
  });
}

// ---------------------------------------------------------------------------------------
// One back end

async function runBackend(kind, dist, run) {
  log(`— ${kind}, run ${run} of ${runCount} —`);
  const t0 = Date.now();
  const prepared = await prepareDatabase(kind, dist);
  const { accounts } = prepared;
  const dropOnInterrupt = () => prepared.cleanup();
  onInterrupt.add(dropOnInterrupt);
  log(
    `seeded ${accounts.deputies.length} deputies, ${accounts.unitStaff.length} unit staff in ${new Set(accounts.unitStaff.map((s) => s.unitId)).size} units, ${accounts.assigned.length} assigned suggestions (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
  );
  const logFile = path.join(os.tmpdir(), `lianxin-bench-${kind}-${process.pid}.log`);
  const cpuProfDir = args['cpu-prof'] ? path.resolve(args['cpu-prof'], `${kind}-${run}`) : null;
  if (cpuProfDir) fs.mkdirSync(cpuProfDir, { recursive: true });
  let server = null;
  const figures = { backend: kind, run, connections, duration };
  const acknowledged = [];
  try {
    server = await startServer(prepared.env, logFile, cpuProfDir);
    const running = server;
    onInterrupt.add(async () => {
      running.child.kill('SIGKILL');
      await running.exit;
    });
    if (server.health.database !== kind)
      throw new Error(`the server reports database ${server.health.database}, expected ${kind}`);
    log(`server up on ${server.base} (log: ${logFile})`);

    let t = Date.now();
    const deputySessions = await loginAll(server.base, accounts.deputies, accounts.password);
    const unitSessions = await loginAll(server.base, accounts.unitStaff, accounts.password);
    figures.logins = { accounts: deputySessions.length + unitSessions.length, seconds: (Date.now() - t) / 1000 };
    figures.logins.perSecond = figures.logins.accounts / figures.logins.seconds;
    log(`logged in ${figures.logins.accounts} accounts in ${figures.logins.seconds.toFixed(1)} s`);

    const idsByUnit = new Map();
    for (const a of accounts.assigned)
      for (const u of a.unitIds) idsByUnit.set(u, [...(idsByUnit.get(u) ?? []), a.suggestionId]);

    const measured = async (run, requestsOf) => {
      await drain(server.base);
      await waitForQuiet();
      const before = cpuSnapshot(server.child.pid, prepared.name);
      const result = await run();
      const cpu = cpuBetween(before, cpuSnapshot(server.child.pid, prepared.name), requestsOf(result));
      await drain(server.base);
      return { result, cpu };
    };
    const phase = async (opts) => {
      if (warmup > 0) await cannon({ ...opts(), connections, duration: warmup });
      const { result, cpu } = await measured(
        () => cannon({ ...opts(), connections, duration }),
        (r) => r.requests.total,
      );
      return summarise(result, { cpu });
    };

    if (measures('a')) {
      figures.bare = await phase(() => ({ url: `${server.base}/api/reference/bare` }));
      log('a. bare route', fmt(figures.bare));
    }
    if (measures('b')) {
      figures.indexed = await phase(() => ({ url: `${server.base}/api/reference/indexed-read` }));
      log('b. one indexed read', fmt(figures.indexed));
    }
    if (measures('c')) {
      figures.list = await phase(() => listRequests(server.base, unitSessions));
      log('c. unit list read', fmt(figures.list));
    }
    if (measures('d')) {
      figures.detail = await phase(() => detailRequests(server.base, unitSessions, idsByUnit));
      log('d. unit opens one', fmt(figures.detail));
    }
    const submissionPhase = async (requestsOf) => {
      if (warmup > 0) {
        const w = newTally();
        await cannon({
          ...requestsOf(server.base, deputySessions, accounts.categoryCodes, w),
          connections,
          duration: warmup,
        });
        acknowledged.push(...w.acknowledged);
        await drain(server.base);
      }
      const tally = newTally();
      const { result, cpu } = await measured(
        () =>
          cannon({ ...requestsOf(server.base, deputySessions, accounts.categoryCodes, tally), connections, duration }),
        () => tally.acknowledged.length,
      );
      acknowledged.push(...tally.acknowledged);
      return { ...submissionFigures(result, tally), cpu };
    };
    if (measures('e')) {
      figures.submissions = await submissionPhase(submissionRequests);
      log('e. submissions', fmtSubmissions(figures.submissions));
    }
    if (measures('g')) {
      figures.oneStep = await submissionPhase(oneStepSubmissionRequests);
      log('g. one-step submissions', fmtOneStep(figures.oneStep));
    }
    if (measures('f')) {
      const half = Math.max(1, Math.floor(connections / 2));
      const tally = newTally();
      const {
        result: [sub, list, detail],
        cpu,
      } = await measured(
        () =>
          Promise.all([
            cannon({
              ...oneStepSubmissionRequests(server.base, deputySessions, accounts.categoryCodes, tally),
              connections: half,
              duration,
            }),
            cannon({
              ...listRequests(server.base, unitSessions),
              connections: Math.ceil((connections - half) / 2),
              duration,
            }),
            cannon({
              ...detailRequests(server.base, unitSessions, idsByUnit),
              connections: Math.floor((connections - half) / 2) || 1,
              duration,
            }),
          ]),
        () => 0,
      );
      acknowledged.push(...tally.acknowledged);
      figures.peak = {
        submissions: submissionFigures(sub, tally),
        list: summarise(list),
        detail: summarise(detail),
        cpu,
      };
      log('f. session peak: submissions', fmtOneStep(figures.peak.submissions));
      log('f. session peak: unit list  ', fmt(figures.peak.list));
      log('f. session peak: unit opens ', fmt(figures.peak.detail), fmtCpu(figures.peak.cpu));
    }
  } finally {
    if (server) {
      const exit = await stopServer(server);
      log(`server stopped (${exit.signal ?? `exit ${exit.code}`})`);
    }
  }
  try {
    const handle = await prepared.open();
    try {
      figures.verification = await verifyAcknowledged(handle.db, dist, acknowledged);
    } finally {
      await handle.close();
    }
    const v = figures.verification;
    log(
      `verification: ${v.acknowledged} acknowledged submissions, ${v.found} found, ${v.missing} missing, ${v.notSubmitted} not in state submitted (table: ${v.suggestions} suggestions, ${v.submitted} submitted)`,
    );
    if (args.explain && kind === 'postgres' && run === 1) {
      figures.explain = await explainList(prepared, dist, accounts.unitStaff[0]);
      for (const p of figures.explain) console.log(`\n${p.sql}\n${JSON.stringify(p.parameters)}\n${p.plan}\n`);
    }
    if (cpuProfDir) {
      const files = fs.readdirSync(cpuProfDir).filter((f) => f.endsWith('.cpuprofile'));
      for (const f of files) {
        figures.cpuProfile = summariseCpuProfile(path.join(cpuProfDir, f), 25);
        console.log(`\nCPU profile of the server (${path.join(cpuProfDir, f)}), self time:`);
        console.log(figures.cpuProfile.text);
      }
    }
  } finally {
    await prepared.cleanup();
    onInterrupt.clear();
  }
  // Each request is logged: the log runs to tens of MB. Kept only when something failed.
  const serverErrors = countServerErrors(logFile);
  figures.serverErrors = serverErrors;
  if (serverErrors.total === 0 && !args['keep-log']) fs.rmSync(logFile, { force: true });
  else
    log(
      `the server logged ${serverErrors.total} errors (${JSON.stringify(serverErrors.messages)}); its log is kept: ${logFile}`,
    );
  return figures;
}

function countServerErrors(logFile) {
  const messages = {};
  let total = 0;
  if (!fs.existsSync(logFile)) return { total, messages };
  for (const line of fs.readFileSync(logFile, 'utf8').split('\n')) {
    if (!line.includes('"level":50') && !line.includes('"level":60')) continue;
    total++;
    let message = line.slice(0, 120);
    try {
      const entry = JSON.parse(line);
      message = entry.err?.message ?? entry.msg ?? message;
    } catch {
      /* not JSON */
    }
    messages[message] = (messages[message] ?? 0) + 1;
  }
  return { total, messages };
}

// ---------------------------------------------------------------------------------------
// Report

const n0 = (x) => (x === null || x === undefined ? '—' : Math.round(x).toLocaleString('en-US'));
const n1 = (x) => (x === null || x === undefined ? '—' : x.toFixed(1));
const pct = (a, b) => (a && b ? `${((100 * a) / b).toFixed(0)} %` : '—');

function fmtCpu(c, unit = 'request') {
  if (!c) return '';
  const per =
    c.serverMsPerRequest === null
      ? ''
      : `; per ${unit}: server ${c.serverMsPerRequest.toFixed(2)} ms, postgres ${c.postgresMsPerRequest.toFixed(2)} ms CPU`;
  const noisy = c.otherCores > 0.15 ? '  ← OTHER PROCESSES LOADED THE MACHINE: figures are low' : '';
  return `\n           CPU in cores: machine busy ${c.machineBusyCores.toFixed(2)} of ${os.cpus().length}: server ${c.serverCores.toFixed(2)}, postgres ${c.postgresCores.toFixed(2)}, load generator ${c.loadgenCores.toFixed(2)}, other ${c.otherCores.toFixed(2)}${per}${noisy}`;
}
function fmt(f) {
  const bad = f.non2xx + f.errors + f.timeouts;
  if (f.requests === 0) return `no answer within the phase (${f.unanswered} requests waiting)${fmtCpu(f.cpu)}`;
  return `${n0(f.rps)} req/s, p50 ${n1(f.p50)} ms, p99 ${n1(f.p99)} ms${bad ? `  (non-2xx ${f.non2xx}, errors ${f.errors}, timeouts ${f.timeouts}: ${JSON.stringify(f.statusCodes)})` : ''}${fmtCpu(f.cpu)}`;
}
function fmtSubmissions(s) {
  const failures = Object.keys(s.failures).length ? `  failures ${JSON.stringify(s.failures)}` : '';
  return `${n0(s.submissionsPerSecond)} submissions/s (${s.submissions} acknowledged; ${n0(s.rps)} HTTP req/s), create p50 ${n1(s.create.p50)} / p99 ${n1(s.create.p99)} ms, submit p50 ${n1(s.submit.p50)} / p99 ${n1(s.submit.p99)} ms, create+submit p50 ${n1(s.submission.p50)} / p99 ${n1(s.submission.p99)} ms${failures}${fmtCpu(s.cpu, 'submission')}`;
}

function fmtOneStep(s) {
  const failures = Object.keys(s.failures).length ? `  failures ${JSON.stringify(s.failures)}` : '';
  return `${n0(s.submissionsPerSecond)} submissions/s (${s.submissions} acknowledged), p50 ${n1(s.submission.p50)} / p99 ${n1(s.submission.p99)} ms${failures}${fmtCpu(s.cpu, 'submission')}`;
}

/** The measures of one run, in the order they are reported: req/s (submissions/s for writes), p50, p99, failures. */
function measuresOf(f) {
  const read = (x) => x && { rps: x.rps, p50: x.p50, p99: x.p99, failed: x.non2xx + x.errors + x.timeouts, cpu: x.cpu };
  // A submission's latency runs from its first request to the answer of its last.
  const write = (x) =>
    x && {
      rps: x.submissionsPerSecond,
      p50: x.submission.p50,
      p99: x.submission.p99,
      failed: x.non2xx + x.errors + x.timeouts,
      cpu: x.cpu,
    };
  return [
    ['a. bare JSON route', read(f.bare)],
    ['b. one indexed read', read(f.indexed)],
    ['c. unit list read, page of 20', read(f.list)],
    ['d. unit opens one suggestion', read(f.detail)],
    ['e. draft, then submit (submissions/s)', write(f.submissions)],
    ['g. write and submit in one request (submissions/s)', write(f.oneStep)],
    ['f. peak: write and submit (submissions/s)', f.peak && write(f.peak.submissions)],
    ['f. peak: unit list read', f.peak && read(f.peak.list)],
    ['f. peak: unit opens one', f.peak && read(f.peak.detail)],
  ].filter(([, x]) => x);
}

const ratio = (a, b) => (a && b ? a / b : null);
/** The ratios of one run, each against references measured in that same run. */
function ratiosOf(f) {
  return {
    'list / bare route': ratio(f.list?.rps, f.bare?.rps),
    'list / one indexed read': ratio(f.list?.rps, f.indexed?.rps),
    'open one / one indexed read': ratio(f.detail?.rps, f.indexed?.rps),
    'peak list / quiet list': ratio(f.peak?.list.rps, f.list?.rps),
    'peak open one / quiet open one': ratio(f.peak?.detail.rps, f.detail?.rps),
  };
}
/** Whether other processes took more than 0.15 cores in some phase of the run: its figures are low. */
function disturbedPhases(f) {
  const phases = measuresOf(f).map(([name, x]) => [name.slice(0, 1), x.cpu]);
  // The peak's three loads share one CPU reading.
  if (f.peak) phases.push(['f', f.peak.cpu]);
  return phases
    .filter(([, cpu]) => cpu && cpu.otherCores > 0.15)
    .map(([phase, cpu]) => `${phase} (${cpu.otherCores.toFixed(2)} cores)`);
}

function median(values) {
  const v = values.filter((x) => x !== null && x !== undefined && Number.isFinite(x)).sort((x, y) => x - y);
  if (v.length === 0) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/** The median of each measure and ratio over the runs of one back end. */
function mediansOf(runsOfBackend) {
  const names = measuresOf(runsOfBackend[0]).map(([name]) => name);
  const measures = names.map((name) => {
    const each = runsOfBackend.map((f) => measuresOf(f).find(([n]) => n === name)?.[1]).filter(Boolean);
    return [
      name,
      {
        rps: median(each.map((x) => x.rps)),
        p50: median(each.map((x) => x.p50)),
        p99: median(each.map((x) => x.p99)),
        // null when a run answered nothing at all in that phase
        worstP99: each.some((x) => x.p99 === null) ? null : Math.max(...each.map((x) => x.p99)),
        failed: each.reduce((t, x) => t + x.failed, 0),
      },
    ];
  });
  const ratios = Object.keys(ratiosOf(runsOfBackend[0])).map((name) => [
    name,
    median(runsOfBackend.map((f) => ratiosOf(f)[name])),
  ]);
  const lost = runsOfBackend.reduce(
    (t, f) => t + (f.verification ? f.verification.missing + f.verification.notSubmitted : 0),
    0,
  );
  const acknowledged = runsOfBackend.reduce((t, f) => t + (f.verification?.acknowledged ?? 0), 0);
  return { measures: Object.fromEntries(measures), ratios: Object.fromEntries(ratios), lost, acknowledged };
}

/** The goals of issue 7, judged on the medians: PostgreSQL's figures, and PGlite's tails. */
function goalsOf(medians) {
  const goals = [];
  const pg = medians.postgres;
  const goal = (name, figure, met) => goals.push({ goal: name, figure, met });
  const p = (x) => (x === null ? '—' : `${(100 * x).toFixed(0)} %`);
  if (pg) {
    const r = pg.ratios;
    const m = pg.measures;
    const rate = (x) => (x ? `${n0(x.rps)}` : '—');
    const open = r['open one / one indexed read'];
    if (open !== null)
      goal(
        'PostgreSQL: unit opens one (d) ≥ 40 % of one indexed read (b)',
        `${p(open)} (${rate(m['d. unit opens one suggestion'])} vs ${rate(m['b. one indexed read'])} req/s)`,
        open >= 0.4,
      );
    const list = r['list / one indexed read'];
    if (list !== null)
      goal(
        'PostgreSQL: unit list (c) ≥ 70 % of one indexed read (b)',
        `${p(list)} (${rate(m['c. unit list read, page of 20'])} vs ${rate(m['b. one indexed read'])} req/s)`,
        list >= 0.7,
      );
    const listP99 = m['c. unit list read, page of 20']?.p99;
    if (listP99 !== undefined && listP99 !== null)
      goal('PostgreSQL: unit list (c) p99 < 60 ms', `${n1(listP99)} ms`, listP99 < 60);
    const peakList = r['peak list / quiet list'];
    if (peakList !== null)
      goal('PostgreSQL: list read in the peak (f) ≥ 25 % of its quiet rate (c)', p(peakList), peakList >= 0.25);
    const peakOpen = r['peak open one / quiet open one'];
    if (peakOpen !== null)
      goal('PostgreSQL: detail read in the peak (f) ≥ 25 % of its quiet rate (d)', p(peakOpen), peakOpen >= 0.25);
    const g = m['g. write and submit in one request (submissions/s)'];
    if (g)
      goal(
        'PostgreSQL: written and submitted in one request (g) ≥ 1,000 submissions/s',
        `${n0(g.rps)}/s`,
        g.rps >= 1000,
      );
    const e = m['e. draft, then submit (submissions/s)'];
    if (e) goal('PostgreSQL: draft then submit (e) ≥ 600 submissions/s', `${n0(e.rps)}/s`, e.rps >= 600);
  }
  const lost = Object.values(medians).reduce((t, x) => t + x.lost, 0);
  const acknowledged = Object.values(medians).reduce((t, x) => t + x.acknowledged, 0);
  goal(
    'nothing lost (every run, both back ends)',
    `${lost} of ${n0(acknowledged)} acknowledged submissions lost`,
    lost === 0,
  );
  if (medians.pglite) {
    const worst = Object.entries(medians.pglite.measures).sort((x, y) => y[1].p99 - x[1].p99)[0];
    if (worst)
      goal(
        'PGlite: no phase with a p99 over 1 s (median of the runs)',
        `highest: ${worst[0].slice(0, 1)} ${n0(worst[1].p99)} ms (worst single run: ${worst[1].worstP99 === null ? 'no answer within the phase' : `${n0(worst[1].worstP99)} ms`})`,
        worst[1].p99 <= 1000,
      );
  }
  return goals;
}

function table(head, rows, rightFrom = 2) {
  const widths = head.map((h, i) => Math.max(strWidth(h), ...rows.map((r) => strWidth(String(r[i])))));
  const line = (cells) =>
    cells.map((c, i) => (i >= rightFrom ? padStart(String(c), widths[i]) : padEnd(String(c), widths[i]))).join('  ');
  console.log(line(head));
  for (const r of rows) console.log(line(r));
}

function report(all) {
  console.log(
    `\nSession peak — ${connections} connections, ${duration} s per phase (after ${warmup} s warm-up), loopback, ${runCount} run(s) per back end`,
  );
  console.log(
    `machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
  );
  console.log('\nEach run (req/s; submissions/s for the writes, whose latency is per submission):');
  const rows = [];
  for (const f of all)
    for (const [name, x] of measuresOf(f))
      rows.push([`${f.backend} #${f.run}`, name, n0(x.rps), n1(x.p50), n1(x.p99), x.failed]);
  table(['back end', 'measure', 'req/s', 'p50 ms', 'p99 ms', 'failed'], rows);
  console.log('');
  const ratioNames = Object.keys(ratiosOf(all[0]));
  table(
    ['back end', ...ratioNames, 'lost', 'disturbed phases'],
    all.map((f) => [
      `${f.backend} #${f.run}`,
      ...ratioNames.map((n) => pct(ratiosOf(f)[n], 1)),
      f.verification
        ? `${f.verification.missing + f.verification.notSubmitted} of ${f.verification.acknowledged}`
        : '—',
      disturbedPhases(f).join(', ') || 'none',
    ]),
    1,
  );
  const medians = {};
  for (const kind of new Set(all.map((f) => f.backend)))
    medians[kind] = mediansOf(all.filter((f) => f.backend === kind));
  console.log(`\nMedians of the runs:`);
  table(
    ['back end', 'measure', 'req/s', 'p50 ms', 'p99 ms', 'worst p99', 'failed'],
    Object.entries(medians).flatMap(([kind, m]) =>
      Object.entries(m.measures).map(([name, x]) => [
        kind,
        name,
        n0(x.rps),
        n1(x.p50),
        n1(x.p99),
        n1(x.worstP99),
        x.failed,
      ]),
    ),
  );
  console.log('');
  table(
    ['back end', ...ratioNames],
    Object.entries(medians).map(([kind, m]) => [kind, ...ratioNames.map((n) => pct(m.ratios[n], 1))]),
    1,
  );
  const goals = goalsOf(medians);
  console.log('\nGoals (on the medians):');
  table(
    ['goal', 'figure', ''],
    goals.map((g) => [g.goal, g.figure, g.met ? 'met' : 'MISSED']),
    3,
  );
  return { medians, goals };
}
const strWidth = (s) => [...s].reduce((w, ch) => w + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);
const padEnd = (s, w) => s + ' '.repeat(Math.max(0, w - strWidth(s)));
const padStart = (s, w) => ' '.repeat(Math.max(0, w - strWidth(s))) + s;

// ---------------------------------------------------------------------------------------

async function main() {
  ensureBuilt();
  const load = (p) => import(pathToFileURL(path.join(distDir, p)).href);
  const requireFromServer = (await import('node:module')).createRequire(path.join(serverDir, 'package.json'));
  const dist = {
    db: await load('platform/db.js'),
    migrate: await load('db/migrate.js'),
    seed: await load('db/seeds/bench.js'),
    list: await load('modules/suggestion/suggestion.list.js'),
    pg: (await import(pathToFileURL(requireFromServer.resolve('pg')).href)).default,
    kysely: await import(pathToFileURL(requireFromServer.resolve('kysely')).href),
  };
  const all = [];
  let failed = false;
  for (const kind of backends) {
    for (let run = 1; run <= runCount; run++) {
      try {
        all.push(await runBackend(kind, dist, run));
      } catch (err) {
        failed = true;
        console.error(`session-peak: run ${run} on ${kind} failed:`, err);
      }
    }
  }
  const summary = all.length ? report(all) : null;
  if (args.json) {
    fs.writeFileSync(
      args.json,
      JSON.stringify(
        {
          at: new Date().toISOString(),
          node: process.version,
          cores: os.cpus().length,
          memoryGiB: os.totalmem() / 2 ** 30,
          runs: runCount,
          results: all,
          ...summary,
        },
        null,
        2,
      ),
    );
    log(`figures written to ${args.json}`);
  }
  const lost = all.some((f) => f.verification && f.verification.missing + f.verification.notSubmitted > 0);
  if (lost) console.error('session-peak: ACKNOWLEDGED SUBMISSIONS WERE LOST');
  process.exit(failed || lost ? 1 : 0);
}

void main();
