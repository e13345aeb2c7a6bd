import { Migrator, type Migration } from 'kysely';
import type { Db } from '../platform/db.js';
import * as core from './migrations/20261122_0001_core.js';
import * as remindersMail from './migrations/20261122_0002_reminders_mail.js';
import * as unitListStamp from './migrations/20261123_0003_unit_list_stamp.js';
import * as partARules from './migrations/20261203_0004_part_a_rules.js';
import * as accounts from './migrations/20261203_0005_accounts.js';
import * as administration from './migrations/20261203_0006_administration.js';
import * as excelImport from './migrations/20261203_0007_import.js';
import * as documents from './migrations/20261203_0008_documents.js';
import * as importSearchWords from './migrations/20261204_0009_import_search_words.js';
import * as figureFacts from './migrations/20261204_0010_figure_facts.js';

// Migrations are listed here in order; a landed file is never edited, only followed.
const migrations: Record<string, Migration> = {
  '20261122_0001_core': core,
  '20261122_0002_reminders_mail': remindersMail,
  '20261123_0003_unit_list_stamp': unitListStamp,
  '20261203_0004_part_a_rules': partARules,
  '20261203_0005_accounts': accounts,
  '20261203_0006_administration': administration,
  '20261203_0007_import': excelImport,
  '20261203_0008_documents': documents,
  '20261204_0009_import_search_words': importSearchWords,
  '20261204_0010_figure_facts': figureFacts,
};

export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'schema_migration',
    migrationLockTableName: 'schema_migration_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`数据库迁移失败：${failed?.migrationName ?? ''} ${String(error)}`);
  }
}
