import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from '../db/schema.js';

// Same SQL on both back ends through one driver: pg.Pool + Kysely. With no DATABASE_URL
// the pool talks to an embedded PGlite, so types and behaviour are those of a server.

// count(*) and bigint come back as strings by default; our counts fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
// `date` columns stay 'YYYY-MM-DD' strings: deadlines are calendar dates, not instants.
pg.types.setTypeParser(1082, (v) => v);

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
export type Executor = Db | Tx;

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export function databaseFromPool(
  pool: pg.Pool,
  kind: DatabaseHandle['kind'],
  onClose?: () => Promise<void>,
): DatabaseHandle {
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind,
    async close() {
      await db.destroy();
      await onClose?.();
    },
  };
}

export function connectPostgres(url: string, max = 20): DatabaseHandle {
  // No JIT: compiling a figure's two dozen counting expressions costs more than running them,
  // and no other statement is long enough to gain from it. No parallel workers: requests run
  // side by side (a dashboard counts this year and the year before at once), and a worker
  // would take the core another request is using.
  const pool = new pg.Pool({
    connectionString: url,
    max,
    options: '-c jit=off -c max_parallel_workers_per_gather=0 -c work_mem=32MB',
  });
  // An idle connection dropped by the server (restart, failover) must not end the process;
  // the pool replaces it on the next checkout.
  pool.on('error', (err) => console.error(`数据库空闲连接中断：${err.message}`));
  pool.on('connect', prepareStatements);
  return databaseFromPool(pool, 'postgres');
}

const MAX_PREPARED_PER_CONNECTION = 2_000;

/**
 * Starts a statement that is planned for its own parameters on every call: a prepared
 * statement switches to one generic plan after five calls, and for the figures' optional
 * filters (`$1 is null or unit_id = $1`) that plan reads every row of every cohort.
 */
export const plannedPerCall = '/* planned per call */';
const statementNames = new Map<string, string>();

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `lx_${createHash('sha1').update(text).digest('base64url')}`;
    if (statementNames.size < 10 * MAX_PREPARED_PER_CONNECTION) statementNames.set(text, name);
  }
  return name;
}

/**
 * Sends each parameterised statement as a named prepared statement, so PostgreSQL parses
 * and plans it once per connection rather than on every request. Statements without
 * parameters (BEGIN, COMMIT, migrations' scripts of several commands) go as they are, and a
 * connection stops preparing new ones past a bound, to keep the server's memory in check.
 */
function prepareStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const prepared = new Set<string>();
  client.query = ((text: unknown, values: unknown, callback: unknown) => {
    if (
      typeof text === 'string' &&
      Array.isArray(values) &&
      values.length > 0 &&
      callback === undefined &&
      !text.trimStart().startsWith(plannedPerCall)
    ) {
      const name = statementName(text);
      if (prepared.has(name) || prepared.size < MAX_PREPARED_PER_CONNECTION) {
        prepared.add(name);
        return query({ name, text, values });
      }
    }
    return query(text, values, callback);
  }) as typeof client.query;
}

export function pgliteHandle(pglite: PGlite, onClose?: () => Promise<void>): DatabaseHandle {
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 });
  return databaseFromPool(pool, 'pglite', async () => {
    await pglite.close();
    await onClose?.();
  });
}

export const pgliteExtensions = { pg_trgm };

/** Open the embedded database in dataDir, refusing to share it with another process. */
export async function openEmbedded(dataDir: string): Promise<DatabaseHandle> {
  fs.mkdirSync(dataDir, { recursive: true });
  const releaseLock = lockDataDir(dataDir);
  try {
    const pglite = await PGlite.create({ dataDir: path.join(dataDir, 'pgdata'), extensions: pgliteExtensions });
    return pgliteHandle(pglite, async () => releaseLock());
  } catch (err) {
    releaseLock();
    throw err;
  }
}

/** Whether a process of this machine is still running. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// PGlite does not lock its data directory itself; two processes on one directory corrupt it.
export function lockDataDir(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'lianxin.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lockFile, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(fs.readFileSync(lockFile, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new Error(
          `数据目录 ${dataDir} 正被另一个连心进程（PID ${holder}）使用。请先停止该进程，或用 DATA_DIR 指定其他目录。`,
          { cause: err },
        );
      }
      fs.rmSync(lockFile, { force: true }); // left behind by a process that died
    }
  }
  throw new Error(`无法锁定数据目录 ${dataDir}`);
}
