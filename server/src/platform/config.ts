import path from 'node:path';

export interface AppConfig {
  port: number;
  host: string;
  /** Folder of the embedded PGlite database, used when no DATABASE_URL is given. */
  dataDir: string;
  databaseUrl: string | null;
  /** Load the demonstration province into an empty database at start-up. */
  seedDemo: boolean;
  /** Failed and successful logins allowed per client address per minute. */
  loginRateLimit: number;
  /** Secure cookies need HTTPS; off for plain-HTTP local use. */
  secureCookies: boolean;
  /** Run the deadline scanner and outbox sender in this process. */
  runJobs: boolean;
  smtpUrl: string | null;
  mailFrom: string;
  webDist: string | null;
  /** Memory for units' list pages served again while unchanged, in MB; 0 turns it off. */
  listCacheMb: number;
  /** Expose the two reference routes the load benchmark compares against. */
  benchRoutes: boolean;
  /**
   * Which proxies' X-Forwarded-For names the client (Fastify's trustProxy): none by default, so
   * a client cannot pick its own address and slip the per-address login limit.
   */
  trustProxy: boolean | string;
  /** Account safety: failed logins, locks and idle sessions (README, 账号安全). */
  accountSafety: AccountSafety;
}

export interface AccountSafety {
  /** Failed logins of one account within the window that lock it. */
  accountFailures: number;
  /** Failed logins from one client address within the window that lock the address; below accountFailures, so that one address alone never locks an account. */
  addressFailures: number;
  /** How far back failures count, in minutes. */
  failureWindowMinutes: number;
  /** How long a lock lasts, in minutes. */
  lockMinutes: number;
  /** A session unused this long ends, in minutes. */
  sessionIdleMinutes: number;
  /** A session ends this many days after sign-in however busy it is. */
  sessionMaxDays: number;
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`配置项 ${name} 应为非负整数，实际为「${value}」`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    port: intFrom(env.PORT, 3000, 'PORT'),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || null,
    seedDemo: env.SEED_DEMO !== 'false',
    loginRateLimit: intFrom(env.LOGIN_RATE_LIMIT, 10, 'LOGIN_RATE_LIMIT'),
    secureCookies: env.SECURE_COOKIES === 'true',
    runJobs: env.RUN_JOBS !== 'false',
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.MAIL_FROM ?? 'lianxin@localhost',
    webDist: env.WEB_DIST ?? null,
    listCacheMb: intFrom(env.LIST_CACHE_MB, 32, 'LIST_CACHE_MB'),
    benchRoutes: env.BENCH_ROUTES === 'true',
    trustProxy: trustProxyFrom(env.TRUST_PROXY),
    accountSafety: accountSafetyFrom(env),
  };
}

/** `true`, or the proxies' addresses and CIDR ranges, comma-separated. */
function trustProxyFrom(value: string | undefined): boolean | string {
  if (value === undefined || value === '' || value === 'false') return false;
  return value === 'true' ? true : value;
}

function accountSafetyFrom(env: NodeJS.ProcessEnv): AccountSafety {
  const safety = {
    accountFailures: intFrom(env.LOGIN_ACCOUNT_FAILURES, 10, 'LOGIN_ACCOUNT_FAILURES'),
    addressFailures: intFrom(env.LOGIN_ADDRESS_FAILURES, 8, 'LOGIN_ADDRESS_FAILURES'),
    failureWindowMinutes: intFrom(env.LOGIN_FAILURE_WINDOW_MINUTES, 15, 'LOGIN_FAILURE_WINDOW_MINUTES'),
    lockMinutes: intFrom(env.LOGIN_LOCK_MINUTES, 15, 'LOGIN_LOCK_MINUTES'),
    sessionIdleMinutes: intFrom(env.SESSION_IDLE_MINUTES, 120, 'SESSION_IDLE_MINUTES'),
    sessionMaxDays: intFrom(env.SESSION_MAX_DAYS, 7, 'SESSION_MAX_DAYS'),
  };
  if (safety.addressFailures < 1 || safety.addressFailures >= safety.accountFailures) {
    throw new Error(
      '配置项 LOGIN_ADDRESS_FAILURES 应至少为1且小于 LOGIN_ACCOUNT_FAILURES：同一地址先被限制，才不会替他人锁定账号',
    );
  }
  if (
    safety.lockMinutes < 1 ||
    safety.failureWindowMinutes < 1 ||
    safety.sessionIdleMinutes < 1 ||
    safety.sessionMaxDays < 1
  ) {
    throw new Error('配置项 LOGIN_LOCK_MINUTES、LOGIN_FAILURE_WINDOW_MINUTES、SESSION_IDLE_MINUTES 应至少为1');
  }
  return safety;
}
