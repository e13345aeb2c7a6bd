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

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { summariseCpuProfile } from './cpu-profile-summary.mjs';
import { cpuBetween, cpuSnapshot, waitForQuiet } from './lib/cpu.mjs';
import { prepareDatabase } from './lib/database.mjs';
import { cannon, summarise } from './lib/measure.mjs';
import { fmt, fmtCpu, fmtOneStep, fmtSubmissions, printHeaderComment, report, writeFigures } from './lib/report.mjs';
import {
  detailRequests,
  listRequests,
  newTally,
  oneStepSubmissionRequests,
  submissionFigures,
  submissionRequests,
} from './lib/requests.mjs';
import { countServerErrors, drain, loginAll, newestMtime, startServer, stopServer } from './lib/server.mjs';
import { explainList, verifyAcknowledged } from './lib/verify.mjs';

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
  printHeaderComment(fileURLToPath(import.meta.url));
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
// One back end

async function runBackend(kind, dist, run) {
  log(`— ${kind}, run ${run} of ${runCount} —`);
  const t0 = Date.now();
  const prepared = await prepareDatabase(kind, dist, {
    seedOptions: {
      deputies: Number(args.deputies),
      units: Number(args.units),
      assignedSuggestions: Number(args.suggestions),
    },
    adminUrl: args['pg-url'],
  });
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
    server = await startServer({ root, distDir }, prepared.env, logFile, cpuProfDir);
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
      await waitForQuiet(Number(args['quiet-wait']), log);
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
  const summary = all.length ? report(all, { connections, duration, warmup, runCount }) : null;
  if (args.json) {
    writeFigures(args.json, all, summary, runCount);
    log(`figures written to ${args.json}`);
  }
  const lost = all.some((f) => f.verification && f.verification.missing + f.verification.notSubmitted > 0);
  if (lost) console.error('session-peak: ACKNOWLEDGED SUBMISSIONS WERE LOST');
  process.exit(failed || lost ? 1 : 0);
}

void main();
