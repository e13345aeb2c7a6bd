// CPU accounting: where each phase's CPU went (server process, PostgreSQL processes, this
// load generator), read from /proc on Linux; absent elsewhere.

import fs from 'node:fs';

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

/** Waits (up to --quiet-wait seconds) until the machine is idle but for us: shared machines make noisy figures. */
export async function waitForQuiet(limit, log) {
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
export function cpuSnapshot(serverPid, databaseName) {
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
export function cpuBetween(a, b, requests) {
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
