import { sql, type Kysely } from 'kysely';

// An import's suggestions get their search words after the publish, in chunks (the import's
// event, jobs/event-worker.ts). Search words show in no unit's list, so writing them in a bulk
// write (`lianxin.bulk_publish`) renews no list stamp.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
drop trigger suggestion_unit_list_stamp on suggestion;
create trigger suggestion_unit_list_stamp after update on suggestion
  for each row when (new.status not in ('draft','submitted','returned','declined')
    and current_setting('lianxin.bulk_publish', true) is distinct from 'on')
  execute function suggestion_touches_units();
`,
    )
    .execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
