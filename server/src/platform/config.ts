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
  };
}
