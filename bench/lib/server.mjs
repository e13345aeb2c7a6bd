// The server process the benchmarks measure: its build, start-up and stop, the sessions they
// log in, and the errors it logged.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** The newest modification time of the server's sources (tests excluded) under dir. */
export function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
      newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

export function freePort() {
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

/** Starts distDir/main.js (cwd root) on a free loopback port and waits until /api/health answers. */
export async function startServer({ root, distDir }, env, logFile, cpuProfDir) {
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

/** Stops the server: SIGTERM, then SIGKILL after killAfterMs. Resolves with its exit. */
export async function stopServer(server, killAfterMs = 15_000) {
  if (!server.isRunning()) return server.exit;
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), killAfterMs);
  const result = await server.exit;
  clearTimeout(timer);
  return result;
}

export async function login(base, username, password) {
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

export async function loginAll(base, accounts, password, concurrency = 16) {
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

/**
 * After a run autocannon drops its sockets, but the server still works through what it had
 * queued (PGlite queues every query on its one connection): wait until one indexed read
 * answers promptly again, so a phase never pays for the previous one.
 */
export async function drain(base) {
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

/** Errors and fatal entries in the server's log, counted by message. */
export function countServerErrors(logFile) {
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
