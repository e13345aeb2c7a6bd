import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateToLatest } from '../db/migrate.js';
import { connectPostgres, pgliteExtensions, pgliteHandle } from '../platform/db.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string | null;
  }
}

export const POSTGRES_TEMPLATE = 'lianxin_test_template';

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
  const stale = await admin.query<{ datname: string }>(`select datname from pg_database where datname like 'lianxin_test_%'`);
  for (const row of stale.rows) await admin.query(`drop database if exists "${row.datname}" with (force)`);
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
  const [pgliteTemplate, postgresTemplate] = await Promise.all([buildPgliteTemplate(), url ? buildPostgresTemplate(url) : Promise.resolve(null)]);
  project.provide('pgliteTemplate', pgliteTemplate);
  project.provide('postgresTemplate', postgresTemplate);
  return async () => {
    fs.rmSync(path.dirname(pgliteTemplate), { recursive: true, force: true });
    if (url) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      const dbs = await admin.query<{ datname: string }>(`select datname from pg_database where datname like 'lianxin_test_%'`);
      for (const row of dbs.rows) await admin.query(`drop database if exists "${row.datname}" with (force)`);
      await admin.end();
    }
  };
}
