import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { buildApp } from '../app.js';
import type { Database } from '../db/schema.js';
import { systemClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';

/**
 * The document GET /api/openapi.json serves, built without a database: the routes' schemas
 * are all it needs, so the app gets a Kysely that compiles queries and runs none.
 */
export async function buildOpenApiDocument(): Promise<object> {
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  const config = loadConfig({ SEED_DEMO: 'false', RUN_JOBS: 'false', DATA_DIR: '/nonexistent' });
  const app = await buildApp({ db, databaseKind: 'pglite', config, clock: systemClock });
  try {
    await app.ready();
    return app.swagger();
  } finally {
    await app.close();
  }
}

export interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer: string }[];
}

export interface LintReport {
  totals: { errors: number; warnings: number; ignored: number };
  problems: LintProblem[];
}

const redoclyCli = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')),
  'bin',
  'cli.js',
);
/** No telemetry, no update check: the linter runs offline, in tests and CI alike. */
const quiet = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };

/** Redocly's `recommended` rules on a document written to `file`; `format` as `redocly lint --format`. */
export function runRedocly(file: string, format: 'json' | 'stylish' | 'summary') {
  return spawnSync(
    process.execPath,
    [redoclyCli, 'lint', file, '--extends', 'recommended', '--format', format, '--max-problems', '1000'],
    {
      encoding: 'utf8',
      env: quiet,
    },
  );
}

/** Writes the document to a temporary file and lints it. */
export function lintOpenApi(document: object): LintReport {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-openapi-'));
  try {
    const file = path.join(dir, 'openapi.json');
    fs.writeFileSync(file, JSON.stringify(document, null, 2));
    const run = runRedocly(file, 'json');
    if (!run.stdout.trim().startsWith('{')) throw new Error(`redocly lint gave no report: ${run.stderr}`);
    return JSON.parse(run.stdout) as LintReport;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
