// Load and its figures: percentiles, autocannon phases (session-peak), closed loops and
// fixed-rate load over fetch (import), and plain-text tables.

import autocannon from 'autocannon';

export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function summarise(result, extra = {}) {
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

export function cannon(opts) {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ timeout: 30, ...opts }, (err, result) => (err ? reject(err) : resolve(result)));
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
}

export function latencyOf(samples) {
  const sorted = Float64Array.from(samples).sort();
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

/** Requests, rate, p50, p99 and max of latencies in ms over `seconds`; NaN where there are none. */
export function summary(latencies, seconds) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    perSecond: sorted.length / seconds,
    p50: percentile(sorted, 50) ?? NaN,
    p99: percentile(sorted, 99) ?? NaN,
    max: sorted.at(-1) ?? NaN,
  };
}

/** `clients` closed loops on one URL until `until()` says stop; every latency in ms, and errors. */
export async function hammer(url, headers, clients, until) {
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
export async function paced(url, headers, perSecond, until) {
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

export const forSeconds = (s) => {
  const end = performance.now() + s * 1000;
  return () => performance.now() >= end;
};

/** Prints head and rows in aligned columns, right-aligned from column rightFrom on; CJK counts double. */
export function table(head, rows, rightFrom = 2) {
  const widths = head.map((h, i) => Math.max(strWidth(h), ...rows.map((r) => strWidth(String(r[i])))));
  const line = (cells) =>
    cells.map((c, i) => (i >= rightFrom ? padStart(String(c), widths[i]) : padEnd(String(c), widths[i]))).join('  ');
  console.log(line(head));
  for (const r of rows) console.log(line(r));
}
const strWidth = (s) => [...s].reduce((w, ch) => w + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);
const padEnd = (s, w) => s + ' '.repeat(Math.max(0, w - strWidth(s)));
const padStart = (s, w) => ' '.repeat(Math.max(0, w - strWidth(s))) + s;
