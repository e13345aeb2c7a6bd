import { sql } from 'kysely';
import type { Executor } from '../../platform/db.js';
import { loadDeadlineContext } from '../handling-rules/handling-rules.repository.js';
import type { StagedFile } from './import.check.js';
import type { DeputyRefs, UnitRefs } from './lists.check.js';
import type { SuggestionRefs } from './suggestions.plan.js';

// What a check compares the file with: the congress's names and numbers, read once per check.

/** The login names a file asks for (column 登录名 of its sheets), lower-cased. */
function usernamesOf(file: StagedFile, sheet: string): string[] {
  const rows = file.get(sheet) ?? [];
  const header = rows[0]?.cells ?? {};
  const letter = Object.entries(header).find(([, text]) => text.replace(/[*＊\s]/g, '') === '登录名')?.[0];
  if (!letter) return [];
  return [...new Set(rows.slice(1).map((r) => (r.cells[letter] ?? '').toLowerCase()))].filter((u) => u !== '');
}

async function takenUsernames(db: Executor, names: string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let at = 0; at < names.length; at += 5000) {
    const rows = await sql<{
      u: string;
    }>`select lower(username) as u from app_user where lower(username) = any(${names.slice(at, at + 5000)}::text[])`.execute(
      db,
    );
    for (const r of rows.rows) taken.add(r.u);
  }
  return taken;
}

export async function deputyRefs(
  db: Executor,
  congressId: number,
  file: StagedFile,
  hasInitialPassword: boolean,
): Promise<DeputyRefs> {
  const [terms, delegations, groups, deputies] = await Promise.all([
    db.selectFrom('term').select(['id', 'ordinal']).where('congress_id', '=', congressId).execute(),
    db.selectFrom('delegation').select(['id', 'name']).where('congress_id', '=', congressId).execute(),
    db.selectFrom('deputy_group').select(['id', 'name']).where('congress_id', '=', congressId).execute(),
    db
      .selectFrom('deputy')
      .select(['name', 'term_id as termId', 'delegation_id as delegationId', 'id_number as idNumber'])
      .where('congress_id', '=', congressId)
      .execute(),
  ]);
  return {
    terms,
    delegations,
    groups,
    deputies,
    takenUsernames: await takenUsernames(db, usernamesOf(file, '代表')),
    hasInitialPassword,
  };
}

export async function unitRefs(
  db: Executor,
  congressId: number,
  file: StagedFile,
  hasInitialPassword: boolean,
): Promise<UnitRefs> {
  const [systems, units] = await Promise.all([
    db.selectFrom('unit_system').select(['id', 'name']).where('congress_id', '=', congressId).execute(),
    db.selectFrom('handling_unit').select(['id', 'name']).where('congress_id', '=', congressId).execute(),
  ]);
  return {
    systems,
    units,
    takenUsernames: await takenUsernames(db, usernamesOf(file, '人员')),
    hasInitialPassword,
  };
}

export async function suggestionRefs(db: Executor, congressId: number, today: string): Promise<SuggestionRefs> {
  const [deadlines, terms, sessions, deputies, delegations, units, categories, taken] = await Promise.all([
    loadDeadlineContext(db, congressId),
    db.selectFrom('term').select(['id', 'ordinal']).where('congress_id', '=', congressId).execute(),
    db
      .selectFrom('congress_session as cs')
      .innerJoin('term as t', 't.id', 'cs.term_id')
      .select(['cs.id', 't.id as termId', 't.ordinal as termOrdinal', 'cs.ordinal'])
      .where('cs.congress_id', '=', congressId)
      .execute(),
    db
      .selectFrom('deputy')
      .select(['id', 'name', 'term_id as termId', 'delegation_id as delegationId', 'deputy_group_id as deputyGroupId'])
      .where('congress_id', '=', congressId)
      .execute(),
    db.selectFrom('delegation').select(['id', 'name']).where('congress_id', '=', congressId).execute(),
    db
      .selectFrom('handling_unit')
      .select(['id', 'name', 'short_name as shortName'])
      .where('congress_id', '=', congressId)
      .execute(),
    db.selectFrom('suggestion_category').select(['code', 'name']).where('congress_id', '=', congressId).execute(),
    db
      .selectFrom('suggestion')
      .select(['session_id', 'period', 'number'])
      .where('congress_id', '=', congressId)
      .where('number', 'is not', null)
      .execute(),
  ]);
  return {
    today,
    deadlines,
    terms,
    sessions,
    deputies,
    delegations,
    units,
    categories,
    takenNumbers: new Set(taken.map((t) => `${t.session_id}:${t.period}:${t.number}`)),
  };
}
