import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The real server as a child process (node + the tsx loader on src/main.ts, no build needed),
// for tests that must kill it the hard way.

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface ServerProcess {
  base: string;
  pid: number;
  /** The last lines the server wrote, for failure messages. */
  output(): string;
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  exited(): boolean;
}

/** Starts the server on a free loopback port and waits until /api/health answers. */
export async function startServer(env: Record<string, string>, timeoutMs = 45_000): Promise<ServerProcess> {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    RUN_JOBS: 'false',
    LOGIN_RATE_LIMIT: '100000',
    ...env,
  };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let listening: ((base: string) => void) | null = null;
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line) continue;
      lines.push(line);
      if (lines.length > 60) lines.shift();
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (m && listening) listening(m[1]!);
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exitPromise = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve((exit = { code, signal }))),
  );
  const output = () => lines.join('\n');

  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within ${timeoutMs} ms:\n${output()}`));
    }, timeoutMs);
    listening = (b) => {
      clearTimeout(timer);
      resolve(b);
    };
    void exitPromise.then((e) => {
      clearTimeout(timer);
      reject(new Error(`the server exited during start-up (${JSON.stringify(e)}):\n${output()}`));
    });
  });
  const health = await fetch(`${base}/api/health`);
  if (!health.ok) throw new Error(`/api/health answered ${health.status}`);

  return {
    base,
    pid: child.pid!,
    output,
    exited: () => exit !== null,
    async kill(signal) {
      if (exit) return exit;
      child.kill(signal);
      return exitPromise;
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
}

export async function login(base: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login of ${username}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('lx_session='));
  if (!cookie) throw new Error(`login of ${username} set no session cookie`);
  return { cookie, csrf: body.csrfToken };
}

export async function call<T = unknown>(
  base: string,
  session: Session,
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}
