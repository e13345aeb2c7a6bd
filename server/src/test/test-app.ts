import { afterAll, beforeAll } from 'vitest';
import { buildApp, type App } from '../app.js';
import { AdjustableClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';
import type { Db } from '../platform/db.js';
import { freshDatabase, type Backend } from './test-database.js';
import { buildWorld, type World } from './world.js';

export interface TestContext {
  app: App;
  db: Db;
  clock: AdjustableClock;
  world: World;
  backend: Backend;
}

/** 10:00 on 12 January 2026 in Beijing: during the session, before submissions close. */
export const SESSION_MORNING = new Date('2026-01-12T02:00:00Z');

/** One server on its own database for a describe block; the clock starts during the session. */
export function useTestApp(backend: Backend): TestContext {
  const ctx = {} as TestContext;
  let close: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const handle = await freshDatabase(backend);
    const clock = new AdjustableClock();
    clock.set(SESSION_MORNING);
    const config = loadConfig({
      SEED_DEMO: 'false',
      RUN_JOBS: 'false',
      LOGIN_RATE_LIMIT: '10000',
      DATA_DIR: '/nonexistent',
      // The tests move the clock by months with the same signed-in clients; the session limits have
      // their own tests (account-safety.test.ts), with their own settings.
      SESSION_IDLE_MINUTES: String(400 * 24 * 60),
      SESSION_MAX_DAYS: '400',
    });
    const app = await buildApp({ db: handle.db, databaseKind: handle.kind, config, clock });
    Object.assign(ctx, { app, db: handle.db, clock, backend, world: await buildWorld(handle.db) });
    close = async () => {
      await app.close();
      await handle.close();
    };
  });
  afterAll(() => close());
  return ctx;
}

/** Tests read answers as loosely as a browser's JavaScript would; each assertion says what it expects. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test client's default body type
type ResponseJson = any;

export interface Response<T> {
  status: number;
  body: T;
}

/** A logged-in browser, as far as the API can tell: session cookie plus CSRF header. */
export class Client {
  constructor(
    private readonly app: App,
    readonly cookie: string,
    readonly csrfToken: string,
    readonly me: { activeGrantId: number; grants: { id: number; role: string; congressId: number }[] },
  ) {}

  private async send<T>(method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown): Promise<Response<T>> {
    const res = await this.app.inject({
      method,
      url,
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrfToken },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    // A 204 has no body to read.
    return { status: res.statusCode, body: (res.body === '' ? undefined : res.json()) as T };
  }

  get<T = ResponseJson>(url: string) {
    return this.send<T>('GET', url);
  }
  post<T = ResponseJson>(url: string, payload: unknown = {}) {
    return this.send<T>('POST', url, payload);
  }
  put<T = ResponseJson>(url: string, payload: unknown) {
    return this.send<T>('PUT', url, payload);
  }
  raw(method: 'POST' | 'PUT', url: string, payload: string, contentType = 'application/json') {
    return this.app.inject({
      method,
      url,
      payload,
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrfToken, 'content-type': contentType },
    });
  }
}

export async function login(app: App, username: string, password = 'Lianxin2026'): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const body = res.json() as {
    csrfToken: string;
    activeGrantId: number;
    grants: { id: number; role: string; congressId: number }[];
  };
  return new Client(app, cookie, body.csrfToken, body);
}
