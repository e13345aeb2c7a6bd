import { bulkRows, takeIds, type Statement } from './import.bulk.js';
import { idOf, termRows, type PreparedPublish, type PublishScope } from './import.publish.js';
import type { DeputyPlan, UnitPlan } from './lists.check.js';

// The deputies' and the units' lists, published: a few hundred rows at most, each table one
// statement or a few, ids taken beforehand.

async function named(
  s: PublishScope,
  table: 'delegation' | 'deputy_group',
  names: string[],
  statements: Statement[],
): Promise<number[]> {
  const ids = await takeIds(s.db, table, names.length);
  statements.push(
    ...(await bulkRows(
      table,
      [
        ['id', 'int'],
        ['congress_id', 'int'],
        ['name', 'text'],
      ],
      names.map((name, i) => ({ id: ids[i], congress_id: s.congressId, name })),
    )),
  );
  return ids;
}

async function accounts(
  s: PublishScope,
  list: { username: string; displayName: string; phone: string }[],
  statements: Statement[],
): Promise<number[]> {
  const ids = await takeIds(s.db, 'app_user', list.length);
  statements.push(
    ...(await bulkRows(
      'app_user',
      [
        ['id', 'int'],
        ['username', 'text'],
        ['display_name', 'text'],
        ['phone', 'text'],
        ['password_hash', 'text'],
        ['must_change_password', 'boolean'],
      ],
      list.map((a, i) => ({
        id: ids[i],
        username: a.username,
        display_name: a.displayName,
        phone: a.phone,
        password_hash: s.passwordHash,
        must_change_password: true,
      })),
    )),
  );
  return ids;
}

export async function prepareDeputies(s: PublishScope, plan: DeputyPlan): Promise<PreparedPublish> {
  const statements: Statement[] = [];
  const termIds = await takeIds(s.db, 'term', plan.terms.length);
  statements.push(
    ...(await termRows(
      s,
      plan.terms.map((t, i) => ({ ...t, id: termIds[i]! })),
    )),
  );
  const delegationIds = await named(s, 'delegation', plan.delegations, statements);
  const groupIds = await named(s, 'deputy_group', plan.groups, statements);
  const withAccount = plan.deputies.filter((d) => d.username);
  const userIds = await accounts(
    s,
    withAccount.map((d) => ({ username: d.username!, displayName: d.name, phone: '' })),
    statements,
  );
  const userOf = new Map(withAccount.map((d, i) => [d, userIds[i]!]));
  const deputyIds = await takeIds(s.db, 'deputy', plan.deputies.length);
  statements.push(
    ...(await bulkRows(
      'deputy',
      [
        ['id', 'int'],
        ['congress_id', 'int'],
        ['term_id', 'int'],
        ['user_id', 'int'],
        ['name', 'text'],
        ['delegation_id', 'int'],
        ['deputy_group_id', 'int'],
        ['occupation', 'text'],
        ['gender', 'text'],
        ['ethnicity', 'text'],
        ['phone', 'text'],
        ['id_number', 'text'],
        ['import_job_id', 'int'],
      ],
      plan.deputies.map((d, i) => ({
        id: deputyIds[i],
        congress_id: s.congressId,
        term_id: idOf(d.term, termIds),
        user_id: userOf.get(d) ?? null,
        name: d.name,
        delegation_id: d.delegation ? idOf(d.delegation, delegationIds) : null,
        deputy_group_id: d.group ? idOf(d.group, groupIds) : null,
        occupation: d.occupation,
        gender: d.gender,
        ethnicity: d.ethnicity,
        phone: d.phone,
        id_number: d.idNumber,
        import_job_id: s.jobId,
      })),
    )),
    ...(await bulkRows(
      'role_grant',
      [
        ['user_id', 'int'],
        ['congress_id', 'int'],
        ['role', 'text'],
        ['deputy_id', 'int'],
      ],
      plan.deputies.flatMap((d, i) =>
        userOf.has(d)
          ? [{ user_id: userOf.get(d), congress_id: s.congressId, role: 'deputy', deputy_id: deputyIds[i] }]
          : [],
      ),
    )),
  );
  return {
    statements,
    referencesChecked: false,
    counts: {
      terms: plan.terms.length,
      delegations: plan.delegations.length,
      groups: plan.groups.length,
      deputies: plan.deputies.length,
      accounts: withAccount.length,
    },
  };
}

export async function prepareUnits(s: PublishScope, plan: UnitPlan): Promise<PreparedPublish> {
  const statements: Statement[] = [];
  const systemIds = await takeIds(s.db, 'unit_system', plan.systems.length);
  const unitIds = await takeIds(s.db, 'handling_unit', plan.units.length);
  statements.push(
    ...(await bulkRows(
      'unit_system',
      [
        ['id', 'int'],
        ['congress_id', 'int'],
        ['name', 'text'],
        ['is_government', 'boolean'],
      ],
      plan.systems.map((sys, i) => ({
        id: systemIds[i],
        congress_id: s.congressId,
        name: sys.name,
        is_government: sys.isGovernment,
      })),
    )),
    ...(await bulkRows(
      'handling_unit',
      [
        ['id', 'int'],
        ['congress_id', 'int'],
        ['unit_system_id', 'int'],
        ['name', 'text'],
        ['short_name', 'text'],
        ['doc_prefix', 'text'],
        ['review_chain', 'text[]'],
        ['import_job_id', 'int'],
      ],
      plan.units.map((u, i) => ({
        id: unitIds[i],
        congress_id: s.congressId,
        unit_system_id: idOf(u.system, systemIds),
        name: u.name,
        short_name: u.shortName,
        doc_prefix: u.docPrefix,
        review_chain: u.reviewChain,
        import_job_id: s.jobId,
      })),
    )),
  );
  const userIds = await accounts(
    s,
    plan.staff.map((p) => ({ username: p.username, displayName: p.name, phone: p.phone })),
    statements,
  );
  statements.push(
    ...(await bulkRows(
      'role_grant',
      [
        ['user_id', 'int'],
        ['congress_id', 'int'],
        ['role', 'text'],
        ['unit_id', 'int'],
      ],
      plan.staff.map((p, i) => ({
        user_id: userIds[i],
        congress_id: s.congressId,
        role: p.role,
        unit_id: idOf(p.unit, unitIds),
      })),
    )),
  );
  return {
    statements,
    // A new unit's insert trigger gives it its list stamp: the triggers must run.
    referencesChecked: false,
    counts: { systems: plan.systems.length, units: plan.units.length, accounts: plan.staff.length },
  };
}
