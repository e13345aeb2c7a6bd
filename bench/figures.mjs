#!/usr/bin/env node
// Figures benchmark for Lianxin (连心): the office's dashboards and its annual report over ten
// years of a province, on PostgreSQL.
//
//   node bench/figures.mjs                      # generate 10 × 100,000 suggestions, measure, drop
//   node bench/figures.mjs --keep               # keep the database; its name is printed
//   node bench/figures.mjs --reuse lianxin_bench_xxxx   # measure a kept database again
//
// It creates a fresh lianxin_bench_* database on the local PostgreSQL, migrates it and fills
// it with bench/lib/province.mjs (timed: generating, counting the figures' rollup, analyze),
// starts the built server on it and logs in as the office. Then, each request --samples times
// after one warm-up, one at a time: the dashboard (GET /api/figures/dashboard, which also
// counts the year before at the same point) of the current session and of this year,
// unfiltered, by system and by unit; by category, delegation and key; as of a past day; a
// past session; the unit table; and the annual report (GET /api/figures/report). Beside them,
// in the same run: one sequential scan of the suggestion table and one indexed read, from a
// plain client. Goals (issue 9): those dashboards no slower than the scan and under 300 ms;
// the other filters and a past "as of" day within 3× the scan; the report under 2 s.
// Options: --pg-url <admin url>, --years <n>, --per-year <n>, --samples <n>, --keep,
// --reuse <database>, --server-dir <dir>, --keep-log.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createPostgresDatabase } from './lib/database.mjs';
import { table } from './lib/measure.mjs';
import { generateProvince } from './lib/province.mjs';
import { countServerErrors, login, newestMtime, startServer, stopServer } from './lib/server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    'pg-url': { type: 'string', default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
    years: { type: 'string', default: '10' },
    'per-year': { type: 'string', default: '100000' },
    samples: { type: 'string', default: '5' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
    'server-dir': { type: 'string', default: path.join(root, 'server') },
    'keep-log': { type: 'boolean', default: false },
  },
});
const serverDir = path.resolve(args['server-dir']);
const distDir = path.join(serverDir, 'dist');
const samples = Number(args.samples);
const log = (...parts) => console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...parts);

function ensureBuilt() {
  const refresh = path.join(distDir, 'modules', 'figures', 'figures.refresh.js');
  const main = path.join(distDir, 'main.js');
  if (
    fs.existsSync(main) &&
    fs.existsSync(refresh) &&
    newestMtime(path.join(serverDir, 'src')) <= fs.statSync(main).mtimeMs
  )
    return;
  log('building the server…');
  const r = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: serverDir, stdio: 'inherit' });
  if (r.status !== 0 && !fs.existsSync(refresh)) throw new Error('the server build failed');
  fs.utimesSync(main, new Date(), new Date());
}

ensureBuilt();
const requireFromServer = createRequire(path.join(serverDir, 'package.json'));
const load = async (p) => import(pathToFileURL(path.join(distDir, p)).href);
const dist = {
  db: await load('platform/db.js'),
  migrate: await load('db/migrate.js'),
  seed: await load('db/seeds/bench.js'),
  refresh: await load('modules/figures/figures.refresh.js'),
  kysely: await import(pathToFileURL(requireFromServer.resolve('kysely')).href),
  pg: (await import(pathToFileURL(requireFromServer.resolve('pg')).href)).default,
};

/** The database: reused as it is, or created and filled (timed). */
async function prepare() {
  if (args.reuse) {
    const url = new URL(args['pg-url']);
    url.pathname = `/${args.reuse}`;
    // A database kept by an older build: its new migrations, and the rollup of what they mark.
    const handle = dist.db.connectPostgres(url.toString(), 1);
    try {
      await dist.migrate.migrateToLatest(handle.db);
      const t1 = performance.now();
      const counted = await dist.refresh.refreshFigureFacts(handle.db, 20_000);
      const rollup = (performance.now() - t1) / 1000;
      if (counted > 0) await dist.kysely.sql`vacuum analyze`.execute(handle.db);
      const filled = counted > 0 ? { generated: 0, rollup, analyzed: 0, counted, timings: {} } : null;
      return { name: args.reuse, url: url.toString(), cleanup: async () => {}, filled };
    } finally {
      await handle.close();
    }
  }
  const created = await createPostgresDatabase(dist, args['pg-url']);
  log(`database ${created.name}`);
  try {
    const handle = dist.db.connectPostgres(created.url, 1);
    try {
      await dist.migrate.migrateToLatest(handle.db);
      const t0 = performance.now();
      const province = await generateProvince(dist, handle.db, {
        years: Number(args.years),
        perYear: Number(args['per-year']),
        log,
      });
      const generated = (performance.now() - t0) / 1000;
      log(`generated in ${generated.toFixed(0)} s; counting the figures' rollup…`);
      const t1 = performance.now();
      const counted = await dist.refresh.refreshFigureFacts(handle.db, 20_000);
      const rollup = (performance.now() - t1) / 1000;
      const t2 = performance.now();
      await dist.kysely.sql`vacuum analyze`.execute(handle.db);
      const analyzed = (performance.now() - t2) / 1000;
      return { ...created, filled: { generated, rollup, analyzed, counted, timings: province.timings } };
    } finally {
      await handle.close();
    }
  } catch (err) {
    if (!args.keep) await created.cleanup();
    throw err;
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timeIt(fn) {
  await fn();
  const times = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return { median: median(times), max: Math.max(...times) };
}

const prepared = await prepare();
const client = new dist.pg.Client({ connectionString: prepared.url });
await client.connect();
const one = async (text) => (await client.query(text)).rows[0];
const sizes = await one(`select (select count(*) from suggestion)::int as suggestions,
  (select count(*) from assignment)::int as parts, (select count(*) from reply)::int as replies,
  (select count(*) from rating)::int as ratings, (select count(*) from audit_event)::int as events,
  pg_size_pretty(pg_total_relation_size('suggestion')) as suggestion_size`);
const congress = await one(`select congress_id as id from congress_session where is_current limit 1`);
const current = await one(`select id, extract(year from opens_on)::int as year from congress_session
  where congress_id = ${congress.id} and is_current`);
const past = await one(`select id from congress_session where congress_id = ${congress.id}
  order by abs(extract(year from opens_on) - ${current.year - 5}), opens_on limit 1`);
const big = await one(`select a.unit_id as id, u.unit_system_id as system from assignment a
  join handling_unit u on u.id = a.unit_id join suggestion s on s.id = a.suggestion_id
  where s.session_id = ${current.id} and a.role <> 'co' group by 1, 2 order by count(*) desc limit 1`);
const delegation = await one(`select id from delegation where congress_id = ${congress.id} order by id limit 1`);

const logFile = path.join(os.tmpdir(), `lianxin-bench-figures-${process.pid}.log`);
const server = await startServer({ root, distDir }, { DATABASE_URL: prepared.url }, logFile);
const results = [];
try {
  const office = await login(server.base, 'prov_office', 'Bench2026pass');
  const get = (pathAndQuery) => async () => {
    const res = await fetch(`${server.base}/api${pathAndQuery}`, { headers: { cookie: office.cookie } });
    const body = await res.text();
    if (!res.ok) throw new Error(`${pathAndQuery}: ${res.status} ${body.slice(0, 300)}`);
  };
  const measure = async (name, goal, fn) => {
    const r = await timeIt(fn);
    results.push({ name, goal, ...r });
    log(`${name}: ${r.median.toFixed(1)} ms`);
  };
  const scan = await timeIt(() => client.query('select count(*) from suggestion where version > 0'));
  const indexed = await timeIt(() => client.query('select id, title from suggestion where id = 4242'));
  results.push({ name: 'reference: one sequential scan of suggestion', goal: null, ...scan });
  results.push({ name: 'reference: one indexed read', goal: null, ...indexed });
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const pastDay = `${current.year}-06-30`;
  const s = `sessionId=${current.id}`;
  const y = `year=${current.year}`;
  await measure('dashboard, this session', 'scan', get(`/figures/dashboard?${s}`));
  await measure(
    'dashboard, this session, one system',
    'scan',
    get(`/figures/dashboard?${s}&unitSystemId=${big.system}`),
  );
  await measure('dashboard, this session, one unit', 'scan', get(`/figures/dashboard?${s}&unitId=${big.id}`));
  await measure('dashboard, this year', 'scan', get(`/figures/dashboard?${y}`));
  await measure('dashboard, this year, one system', 'scan', get(`/figures/dashboard?${y}&unitSystemId=${big.system}`));
  await measure('dashboard, this year, one unit', 'scan', get(`/figures/dashboard?${y}&unitId=${big.id}`));
  await measure('dashboard, this session, one category', '3×', get(`/figures/dashboard?${s}&categoryCode=edu`));
  await measure(
    'dashboard, this session, one delegation',
    '3×',
    get(`/figures/dashboard?${s}&delegationId=${delegation.id}`),
  );
  await measure('dashboard, this session, key suggestions', '3×', get(`/figures/dashboard?${s}&isKey=true`));
  await measure(`dashboard, this session as of ${pastDay}`, '3×', get(`/figures/dashboard?${s}&asOf=${pastDay}`));
  await measure(
    `dashboard, this session as of ${pastDay}, one unit`,
    '3×',
    get(`/figures/dashboard?${s}&asOf=${pastDay}&unitId=${big.id}`),
  );
  await measure('dashboard, a session five years ago', '3×', get(`/figures/dashboard?sessionId=${past.id}`));
  await measure('units table, this session', '3×', get(`/figures/units?${s}`));
  await measure('annual report, this session', 'report', get(`/figures/report?${s}`));
  const errors = countServerErrors(logFile);
  log(`today ${today}; server errors logged: ${errors.total} ${JSON.stringify(errors.messages)}`);
} finally {
  await stopServer(server);
  await client.end();
  if (!args['keep-log']) fs.rmSync(logFile, { force: true });
  if (args.keep || args.reuse) log(`kept database ${prepared.name}`);
  else await prepared.cleanup();
}

const scanMs = results[0].median;
const verdict = (r) => {
  if (r.goal === 'scan') return r.median <= scanMs && r.median < 300 ? 'met' : 'MISSED';
  if (r.goal === '3×') return r.median <= 3 * scanMs ? 'met' : 'MISSED';
  if (r.goal === 'report') return r.median < 2000 ? 'met' : 'MISSED';
  return '';
};
const goalText = { scan: '≤ scan, < 300 ms', '3×': '≤ 3× scan', report: '< 2 s' };
console.log(
  `\nnode ${process.version}, ${os.cpus().length} cores; PostgreSQL; ${samples} samples each after one warm-up`,
);
console.log(
  `data: ${sizes.suggestions.toLocaleString('en')} suggestions (${sizes.suggestion_size}), ${sizes.parts.toLocaleString('en')} parts, ` +
    `${sizes.replies.toLocaleString('en')} replies, ${sizes.ratings.toLocaleString('en')} ratings, ${sizes.events.toLocaleString('en')} events`,
);
if (prepared.filled) {
  const f = prepared.filled;
  const steps = Object.entries(f.timings)
    .map(([k, v]) => `${k} ${v.toFixed(0)} s`)
    .join(', ');
  console.log(
    `generated in ${f.generated.toFixed(0)} s (${steps}); rollup of ${f.counted.toLocaleString('en')} suggestions ${f.rollup.toFixed(0)} s; vacuum analyze ${f.analyzed.toFixed(0)} s`,
  );
}
console.log('');
table(
  ['measured', 'goal', 'median ms', 'max ms', '× scan', 'verdict'],
  results.map((r) => [
    r.name,
    r.goal ? goalText[r.goal] : '',
    r.median.toFixed(1),
    r.max.toFixed(1),
    (r.median / scanMs).toFixed(2),
    verdict(r),
  ]),
);
