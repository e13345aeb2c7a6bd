import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateToLatest } from '../db/migrate.js';
import { connectPostgres, isAlive, pgliteExtensions, pgliteHandle } from '../platform/db.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string | null;
    postgresRunPrefix: string;
  }
}

// Databases of one run are named lianxin_test_<pid>_…, so two runs on one server (a
// developer's and CI's) leave each other alone; a dead run's leftovers are dropped.
const RUN_PREFIX = `lianxin_test_${process.pid}_`;
const POSTGRES_TEMPLATE = `${RUN_PREFIX}template`;

async function dropDatabases(admin: pg.Client, which: (name: string) => boolean): Promise<void> {
  const dbs = await admin.query<{ datname: string }>(
    `select datname from pg_database where datname like 'lianxin_test_%'`,
  );
  for (const { datname } of dbs.rows)
    if (which(datname)) await admin.query(`drop database if exists "${datname}" with (force)`);
}

const leftBehind = (name: string) => {
  const pid = Number(/^lianxin_test_(\d+)_/.exec(name)?.[1]);
  return !Number.isInteger(pid) || pid === 0 || !isAlive(pid);
};

// A fresh PGlite costs seconds; one migrated template per run, loaded by each test file.
async function buildPgliteTemplate(): Promise<string> {
  const pglite = await PGlite.create({ extensions: pgliteExtensions });
  const handle = pgliteHandle(pglite);
  await migrateToLatest(handle.db);
  const dump = await pglite.dumpDataDir('none');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-test-')), 'template.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  return file;
}

async function buildPostgresTemplate(url: string): Promise<string> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await dropDatabases(admin, leftBehind);
  await admin.query(`create database ${POSTGRES_TEMPLATE}`);
  await admin.end();
  const templateUrl = new URL(url);
  templateUrl.pathname = `/${POSTGRES_TEMPLATE}`;
  const handle = connectPostgres(templateUrl.toString(), 2);
  await migrateToLatest(handle.db);
  await handle.close();
  return POSTGRES_TEMPLATE;
}

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL || null;
  const [pgliteTemplate, postgresTemplate] = await Promise.all([
    buildPgliteTemplate(),
    url ? buildPostgresTemplate(url) : Promise.resolve(null),
  ]);
  project.provide('pgliteTemplate', pgliteTemplate);
  project.provide('postgresTemplate', postgresTemplate);
  project.provide('postgresRunPrefix', RUN_PREFIX);
  return async () => {
    fs.rmSync(path.dirname(pgliteTemplate), { recursive: true, force: true });
    if (url) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await dropDatabases(admin, (name) => name.startsWith(RUN_PREFIX));
      await admin.end();
    }
  };
}
