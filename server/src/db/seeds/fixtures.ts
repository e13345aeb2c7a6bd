import type { RoleName } from '../schema.js';
import { hashPassword } from '../../platform/auth/password.js';
import type { Executor } from '../../platform/db.js';
import { defaultCalendarEntries } from '../../modules/deadline/work-calendar.js';
import { defaultHandlingRules } from '../../modules/handling-rules/handling-rules.workflow.js';

// Seed functions with defaults and overrides, shared by the demo data and the tests.

const hashCache = new Map<string, Promise<string>>();
/** Hashing is deliberately slow; seeds reuse one hash per distinct password. */
export function cachedHash(password: string): Promise<string> {
  let h = hashCache.get(password);
  if (!h) {
    h = hashPassword(password);
    hashCache.set(password, h);
  }
  return h;
}

export async function createCongress(
  db: Executor,
  input: {
    name: string;
    shortName: string;
    level: 'national' | 'province' | 'city' | 'county' | 'township';
    parentId?: number | null;
    docPrefix?: string;
  },
) {
  const congress = await db
    .insertInto('congress')
    .values({
      name: input.name,
      short_name: input.shortName,
      level: input.level,
      parent_id: input.parentId ?? null,
      doc_prefix: input.docPrefix ?? '',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db
    .insertInto('congress_policy')
    .values({ congress_id: congress.id, settings: JSON.stringify(defaultHandlingRules) })
    .execute();
  const entries = defaultCalendarEntries(2019, 2026);
  if (entries.length > 0) {
    await db
      .insertInto('calendar_day')
      .values(entries.map((e) => ({ congress_id: congress.id, day: e.day, kind: e.kind, name: e.name })))
      .execute();
  }
  return congress;
}

export async function createSession(
  db: Executor,
  input: {
    congressId: number;
    termOrdinal: number;
    sessionOrdinal: number;
    opensOn: string;
    closesOn: string;
    submissionClosesAt: Date;
    isCurrent?: boolean;
  },
) {
  const term =
    (await db
      .selectFrom('term')
      .selectAll()
      .where('congress_id', '=', input.congressId)
      .where('ordinal', '=', input.termOrdinal)
      .executeTakeFirst()) ??
    (await db
      .insertInto('term')
      .values({ congress_id: input.congressId, ordinal: input.termOrdinal, starts_on: input.opensOn })
      .returningAll()
      .executeTakeFirstOrThrow());
  if (input.isCurrent ?? true) {
    await db
      .updateTable('congress_session')
      .set({ is_current: false })
      .where('congress_id', '=', input.congressId)
      .execute();
  }
  return db
    .insertInto('congress_session')
    .values({
      congress_id: input.congressId,
      term_id: term.id,
      ordinal: input.sessionOrdinal,
      opens_on: input.opensOn,
      closes_on: input.closesOn,
      submission_closes_at: input.submissionClosesAt,
      is_current: input.isCurrent ?? true,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createNamed(
  db: Executor,
  table: 'delegation' | 'deputy_group' | 'committee',
  congressId: number,
  name: string,
) {
  return db.insertInto(table).values({ congress_id: congressId, name }).returningAll().executeTakeFirstOrThrow();
}

export async function createCategory(
  db: Executor,
  congressId: number,
  code: string,
  name: string,
  committeeId: number | null = null,
) {
  await db
    .insertInto('suggestion_category')
    .values({ congress_id: congressId, code, name, committee_id: committeeId })
    .execute();
}

export async function createUnitSystem(db: Executor, congressId: number, name: string, isGovernment = true) {
  return db
    .insertInto('unit_system')
    .values({ congress_id: congressId, name, is_government: isGovernment })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createUnit(
  db: Executor,
  input: {
    congressId: number;
    systemId: number;
    name: string;
    shortName: string;
    docPrefix?: string;
    reviewChain?: string[];
  },
) {
  return db
    .insertInto('handling_unit')
    .values({
      congress_id: input.congressId,
      unit_system_id: input.systemId,
      name: input.name,
      short_name: input.shortName,
      doc_prefix: input.docPrefix ?? input.shortName,
      review_chain: input.reviewChain ?? ['unit_reviewer', 'unit_signer'],
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface GrantSpec {
  congressId: number;
  role: RoleName;
  deputyId?: number;
  unitId?: number;
  unitSystemId?: number;
  committeeId?: number;
}

export async function createUser(
  db: Executor,
  input: {
    username: string;
    displayName: string;
    password?: string;
    phone?: string;
    email?: string;
    grants?: GrantSpec[];
  },
) {
  const user = await db
    .insertInto('app_user')
    .values({
      username: input.username,
      display_name: input.displayName,
      password_hash: await cachedHash(input.password ?? 'Lianxin2026'),
      phone: input.phone ?? '',
      email: input.email ?? '',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const g of input.grants ?? []) await grantRole(db, user.id, g);
  return user;
}

export async function grantRole(db: Executor, userId: number, g: GrantSpec) {
  return db
    .insertInto('role_grant')
    .values({
      user_id: userId,
      congress_id: g.congressId,
      role: g.role,
      deputy_id: g.deputyId ?? null,
      unit_id: g.unitId ?? null,
      unit_system_id: g.unitSystemId ?? null,
      committee_id: g.committeeId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A deputy with a login of their own. */
export async function createDeputy(
  db: Executor,
  input: {
    congressId: number;
    termId: number;
    name: string;
    username: string;
    pinyin?: string;
    delegationId?: number | null;
    deputyGroupId?: number | null;
    password?: string;
  },
) {
  const user = await createUser(db, { username: input.username, displayName: input.name, password: input.password });
  const deputy = await db
    .insertInto('deputy')
    .values({
      congress_id: input.congressId,
      term_id: input.termId,
      user_id: user.id,
      name: input.name,
      name_pinyin: input.pinyin ?? input.username,
      delegation_id: input.delegationId ?? null,
      deputy_group_id: input.deputyGroupId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await grantRole(db, user.id, { congressId: input.congressId, role: 'deputy', deputyId: deputy.id });
  return { user, deputy };
}

/** Unit staff: a handler, a reviewer and a signer, as the default review chain needs. */
export async function createUnitStaff(
  db: Executor,
  congressId: number,
  unitId: number,
  usernamePrefix: string,
  unitShortName: string,
) {
  const roles: [RoleName, string][] = [
    ['unit_handler', '经办人'],
    ['unit_reviewer', '处长'],
    ['unit_signer', '领导'],
  ];
  const users = [];
  for (const [role, title] of roles) {
    users.push(
      await createUser(db, {
        username: `${usernamePrefix}_${role.replace('unit_', '')}`,
        displayName: `${unitShortName}${title}`,
        grants: [{ congressId, role, unitId }],
      }),
    );
  }
  return { handler: users[0]!, reviewer: users[1]!, signer: users[2]! };
}
