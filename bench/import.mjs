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

import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { prepareImportDatabase } from './lib/database.mjs';
import { forSeconds, hammer, paced } from './lib/measure.mjs';
import { login, newestMtime, startServer, stopServer } from './lib/server.mjs';

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
  const main = path.join(distDir, 'main.js');
  if (
    fs.existsSync(main) &&
    fs.existsSync(sample) &&
    newestMtime(path.join(serverDir, 'src')) <= fs.statSync(main).mtimeMs
  )
    return;
  log('building the server…');
  const r = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: serverDir, stdio: 'inherit' });
  // tsc writes the files even when it reports errors (in files the server does not run, such as the test helpers).
  if (r.status !== 0 && !fs.existsSync(sample)) throw new Error('the server build failed');
  fs.utimesSync(main, new Date(), new Date());
}

const load = (p) => import(pathToFileURL(path.join(distDir, p)).href);

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
  const prepared = await prepareImportDatabase(kind, dist, args['pg-url']);
  onInterrupt.add(prepared.cleanup);
  const logFile = path.join(os.tmpdir(), `lianxin-bench-import-${kind}.log`);
  const server = await startServer({ root, distDir }, prepared.env, logFile);
  const stop = () => stopServer(server, 30_000);
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
