// Session-peak's report: each phase as it is measured, each run, the medians of the runs and
// the goals of issue 7 judged on them.

import fs from 'node:fs';
import os from 'node:os';
import { table } from './measure.mjs';

const n0 = (x) => (x === null || x === undefined ? '—' : Math.round(x).toLocaleString('en-US'));
const n1 = (x) => (x === null || x === undefined ? '—' : x.toFixed(1));
const pct = (a, b) => (a && b ? `${((100 * a) / b).toFixed(0)} %` : '—');

export function fmtCpu(c, unit = 'request') {
  if (!c) return '';
  const per =
    c.serverMsPerRequest === null
      ? ''
      : `; per ${unit}: server ${c.serverMsPerRequest.toFixed(2)} ms, postgres ${c.postgresMsPerRequest.toFixed(2)} ms CPU`;
  const noisy = c.otherCores > 0.15 ? '  ← OTHER PROCESSES LOADED THE MACHINE: figures are low' : '';
  return `\n           CPU in cores: machine busy ${c.machineBusyCores.toFixed(2)} of ${os.cpus().length}: server ${c.serverCores.toFixed(2)}, postgres ${c.postgresCores.toFixed(2)}, load generator ${c.loadgenCores.toFixed(2)}, other ${c.otherCores.toFixed(2)}${per}${noisy}`;
}
export function fmt(f) {
  const bad = f.non2xx + f.errors + f.timeouts;
  if (f.requests === 0) return `no answer within the phase (${f.unanswered} requests waiting)${fmtCpu(f.cpu)}`;
  return `${n0(f.rps)} req/s, p50 ${n1(f.p50)} ms, p99 ${n1(f.p99)} ms${bad ? `  (non-2xx ${f.non2xx}, errors ${f.errors}, timeouts ${f.timeouts}: ${JSON.stringify(f.statusCodes)})` : ''}${fmtCpu(f.cpu)}`;
}
export function fmtSubmissions(s) {
  const failures = Object.keys(s.failures).length ? `  failures ${JSON.stringify(s.failures)}` : '';
  return `${n0(s.submissionsPerSecond)} submissions/s (${s.submissions} acknowledged; ${n0(s.rps)} HTTP req/s), create p50 ${n1(s.create.p50)} / p99 ${n1(s.create.p99)} ms, submit p50 ${n1(s.submit.p50)} / p99 ${n1(s.submit.p99)} ms, create+submit p50 ${n1(s.submission.p50)} / p99 ${n1(s.submission.p99)} ms${failures}${fmtCpu(s.cpu, 'submission')}`;
}

export function fmtOneStep(s) {
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

/** Prints the report of all runs; settings: { connections, duration, warmup, runCount }. */
export function report(all, { connections, duration, warmup, runCount }) {
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

/** --help: the script's header comment, without its comment marks. */
export function printHeaderComment(file) {
  const header = fs.readFileSync(file, 'utf8').split('\n').slice(1);
  console.log(
    header
      .slice(
        0,
        header.findIndex((l) => !l.startsWith('//')),
      )
      .map((l) => l.replace(/^\/\/ ?/, ''))
      .join('\n'),
  );
}

/** --json: every run's figures, with the medians and goals. */
export function writeFigures(file, all, summary, runCount) {
  fs.writeFileSync(
    file,
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
}
