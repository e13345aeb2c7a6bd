// Fresh databases for the benchmarks: a temporary PGlite folder, or a fresh lianxin_bench_*
// database on the local PostgreSQL, migrated and seeded with the session-peak population
// (server/src/db/seeds/bench.ts). `dist` holds the server's built modules and its kysely and pg.

import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Creates an empty lianxin_bench_* database through adminUrl; cleanup drops it. */
export async function createPostgresDatabase(dist, adminUrl) {
  const name = `lianxin_bench_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new dist.pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const cleanup = async () => {
    const c = new dist.pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
  return { name, url: url.toString(), cleanup };
}

/** session-peak: a seeded database, with `open` to reach it again once the server has stopped. */
export async function prepareDatabase(kind, dist, { seedOptions, adminUrl }) {
  if (kind === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-bench-'));
    const cleanup = async () => fs.rmSync(dataDir, { recursive: true, force: true });
    try {
      const handle = await dist.db.openEmbedded(dataDir);
      try {
        await dist.migrate.migrateToLatest(handle.db);
        const accounts = await dist.seed.seedBench(handle.db, seedOptions);
        await dist.kysely.sql`analyze`.execute(handle.db);
        return { kind, env: { DATA_DIR: dataDir }, accounts, open: () => dist.db.openEmbedded(dataDir), cleanup };
      } finally {
        await handle.close();
      }
    } catch (err) {
      await cleanup();
      throw err;
    }
  }
  const { name, url, cleanup } = await createPostgresDatabase(dist, adminUrl);
  try {
    const handle = dist.db.connectPostgres(url, 4);
    try {
      await dist.migrate.migrateToLatest(handle.db);
      const accounts = await dist.seed.seedBench(handle.db, seedOptions);
      await dist.kysely.sql`analyze`.execute(handle.db);
      return {
        kind,
        name,
        env: { DATABASE_URL: url },
        accounts,
        open: async () => dist.db.connectPostgres(url, 4),
        cleanup,
      };
    } finally {
      await handle.close();
    }
  } catch (err) {
    await cleanup();
    throw err;
  }
}

/** import: a fresh database with the session-peak population; the names the generated file refers to. */
export async function prepareImportDatabase(kind, dist, adminUrl) {
  const seedOptions = { deputies: 300, units: 40, assignedSuggestions: 4000 };
  const fill = async (handle) => {
    await dist.migrate.migrateToLatest(handle.db);
    const accounts = await dist.seed.seedBench(handle.db, seedOptions);
    const q = (text) => dist.kysely.sql.raw(text).execute(handle.db);
    const names = {
      deputies: (await q(`select name from deputy where congress_id = ${accounts.congressId} order by id`)).rows.map(
        (r) => r.name,
      ),
      units: (
        await q(`select name from handling_unit where congress_id = ${accounts.congressId} order by id`)
      ).rows.map((r) => r.name),
      categories: (await q(`select name from suggestion_category where congress_id = ${accounts.congressId}`)).rows.map(
        (r) => r.name,
      ),
    };
    await dist.kysely.sql`analyze`.execute(handle.db);
    return { accounts, names };
  };
  if (kind === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-bench-import-'));
    const cleanup = async () => fs.rmSync(dataDir, { recursive: true, force: true });
    const handle = await dist.db.openEmbedded(dataDir);
    try {
      return { env: { DATA_DIR: dataDir }, cleanup, ...(await fill(handle)) };
    } finally {
      await handle.close();
    }
  }
  const { url, cleanup } = await createPostgresDatabase(dist, adminUrl);
  const handle = dist.db.connectPostgres(url, 4);
  try {
    return { env: { DATABASE_URL: url }, cleanup, ...(await fill(handle)) };
  } finally {
    await handle.close();
  }
}
