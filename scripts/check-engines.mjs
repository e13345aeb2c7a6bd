#!/usr/bin/env node
// Fails when an installed package does not run on the Node.js release line the project supports.
//
// The project says `engines.node: ">=20"`. npm only warns (EBADENGINE) when a dependency wants a
// newer Node, so a bump of some transitive package to a Node-22-only major goes unnoticed on a
// developer's Node 22 and breaks a Node 20 installation. This script reads every package listed in
// package-lock.json's `packages` that is installed (its package.json under node_modules/, or a
// workspace folder) and checks its `engines.node`:
//   - it must accept the running Node version (what npm's EBADENGINE checks), and
//   - it must accept some release of the lowest major of the root package's `engines.node` (20),
//     so that the check also catches a Node-22-only package when it runs on Node 22 or later.
// It also prints the lowest release of that major that every installed package accepts.
//
// Usage: node scripts/check-engines.mjs [--node <version>]   (default: the running Node)
//
// Known pins (see `overrides` in package.json): cookie 2 and nanoid 6 need Node 22; cookie 1.1
// has the same API (parseCookie, stringifySetCookie) and docx bundles its own copy of nanoid.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function argValue(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const target = semver.coerce(argValue('--node') ?? process.versions.node)?.version;
if (!target) {
  console.error('check-engines: --node needs a version, e.g. --node 20.19.0');
  process.exit(2);
}

const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const rootFloor = semver.minVersion(rootManifest.engines?.node ?? '*');
const line = rootFloor ? rootFloor.major : semver.major(target);
const lineRange = `>=${line}.0.0 <${line + 1}.0.0-0`;

const lockPath = join(root, 'package-lock.json');
if (!existsSync(lockPath)) {
  console.error('check-engines: package-lock.json is missing');
  process.exit(2);
}
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
if (!existsSync(join(root, 'node_modules'))) {
  console.error('check-engines: node_modules is missing; run `npm ci` first');
  process.exit(2);
}

/** The lowest version of `line` that `range` accepts, or null. */
function lowestOnLine(range) {
  // Intersect each `||` alternative with the line, then take the lowest of those that are not empty.
  const lows = new semver.Range(range).set
    .map((comparators) => semver.minVersion(`${comparators.map((c) => c.value).join(' ')} ${lineRange}`))
    .filter((version) => version !== null);
  return lows.length > 0 ? semver.sort(lows)[0] : null;
}

const failures = [];
const oddities = [];
let checked = 0;
let needed = semver.parse(`${line}.0.0`);
let neededBy = '';

for (const [key, entry] of Object.entries(lock.packages ?? {})) {
  if (key === '' || entry.link) continue; // the root itself; a link's target has its own entry
  const manifestPath = join(root, key, 'package.json');
  if (!existsSync(manifestPath)) continue; // optional package for another platform, not installed
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const where = `${manifest.name ?? key}@${manifest.version ?? '?'} (${key})`;
  checked++;
  const range = manifest.engines?.node;
  if (range === undefined) continue;
  if (typeof range !== 'string' || semver.validRange(range) === null) {
    oddities.push(`${where}: engines.node ${JSON.stringify(range)} is not a version range; npm ignores it`);
    continue;
  }
  const problems = [];
  if (!semver.satisfies(target, range)) problems.push(`does not accept Node ${target}`);
  const lowest = lowestOnLine(range);
  if (lowest === null) problems.push(`accepts no Node ${line} release`);
  else if (semver.gt(lowest, needed)) {
    needed = lowest;
    neededBy = where;
  }
  if (problems.length > 0) failures.push(`${where}: engines.node "${range}" ${problems.join(' and ')}`);
}

for (const oddity of oddities) console.warn(`check-engines: warning: ${oddity}`);
if (failures.length > 0) {
  console.error(`check-engines: ${failures.length} installed package(s) do not run on the supported Node:`);
  for (const failure of failures) console.error(`  ${failure}`);
  console.error(
    'Pin a version that supports it (the parent package, or `overrides` in package.json); `npm ls <name>` shows who pulls it.',
  );
  process.exit(1);
}
console.log(
  `check-engines: ${checked} installed packages accept Node ${target} and Node ${line}` +
    (neededBy ? ` from ${needed.version} on (the highest floor: ${neededBy})` : ''),
);
