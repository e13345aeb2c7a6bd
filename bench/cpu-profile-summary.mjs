// Summarises a V8 .cpuprofile (node --cpu-prof): self time per function and per package,
// so a benchmark run says where the server's CPU went.
//
//   node bench/cpu-profile-summary.mjs <file.cpuprofile> [top]

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function packageOf(url) {
  if (!url) return '(native / V8)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith('node:')) return 'node core';
  const src = /\/(?:dist|src)\/(.+)$/.exec(url);
  return src ? `lianxin ${src[1].split('/').slice(0, 2).join('/')}` : url;
}

export function summariseCpuProfile(file, top = 25) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  const deltas = profile.timeDeltas ?? [];
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (deltas[i] ?? 0)));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const fns = new Map();
  const pkgs = new Map();
  for (const [id, us] of selfUs) {
    const { callFrame: f } = byId.get(id);
    const where = f.url ? `${path.basename(f.url)}:${f.lineNumber + 1}` : '';
    const key = `${f.functionName || '(anonymous)'} ${where}`.trim();
    fns.set(key, (fns.get(key) ?? 0) + us);
    const pkg = f.url ? packageOf(f.url) : f.functionName.startsWith('(') ? f.functionName : '(native / V8)';
    pkgs.set(pkg, (pkgs.get(pkg) ?? 0) + us);
  }
  const rank = (m) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000, share: us / total }));
  const functions = rank(fns);
  const packages = rank(pkgs);
  const line = (r) => `  ${(100 * r.share).toFixed(1).padStart(5)} %  ${r.ms.toFixed(0).padStart(7)} ms  ${r.name}`;
  const text = [
    `total sampled ${(total / 1e6).toFixed(1)} s`,
    'by package:',
    ...packages.map(line),
    'by function:',
    ...functions.map(line),
  ].join('\n');
  return { totalMs: total / 1000, packages, functions, text };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node bench/cpu-profile-summary.mjs <file.cpuprofile> [top]');
    process.exit(2);
  }
  console.log(summariseCpuProfile(file, Number(top ?? 30)).text);
}
