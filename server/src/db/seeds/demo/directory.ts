import type { Insertable } from 'kysely';
import type { RoleGrantTable, RoleName } from '../../schema.js';
import type { Tx } from '../../../platform/db.js';
import { createCongress, createSession } from '../fixtures.js';
import { insertReturningIds, insertRows } from './bulk.js';
import { occupationOf, systemNames, type CategorySpec, type SystemKey, type UnitSpec } from './catalog.js';
import type { IsoDate } from './dates.js';
import { NameGenerator, phoneNumber } from './names.js';
import type { Rng } from './random.js';
import type { CategoryRef, CongressDirectory, DeputyRef, Person, UnitRef } from './types.js';

// One congress of the demo tree with its people: term and current session, committees and
// categories, delegations and groups, deputies with logins, units with their three staff.

export interface NamedAccount {
  username: string;
  name: string;
}

export interface CongressSpec {
  name: string;
  shortName: string;
  level: 'province' | 'city' | 'county' | 'township';
  parentId: number | null;
  docPrefix: string;
  term: { ordinal: number; startsOn: IsoDate };
  session: { ordinal: number; opensOn: IsoDate; closesOn: IsoDate; submissionClosesAt: Date };
  committees: readonly string[];
  categories: readonly CategorySpec[];
  delegations: readonly (readonly [string, string, number])[];
  deputyGroups: readonly string[];
  deputyCount: number;
  /** Named deputies first (the demo accounts), then generated ones `${usernamePrefix}_d0001` … */
  namedDeputies: readonly (NamedAccount & { delegation: string; pinyin: string })[];
  usernamePrefix: string;
  units: readonly UnitSpec[];
  staffUsername: (unit: UnitSpec, role: 'handler' | 'reviewer' | 'signer') => string;
  /** Named staff of some units (the demo accounts), by unit key. */
  namedStaff?: Record<string, { handler: string; reviewer: string; signer: string }>;
  office: NamedAccount;
  areaCode: string;
}

interface UserRow {
  username: string;
  name: string;
  phone: string;
}

export async function seedCongress(
  tx: Tx,
  rng: Rng,
  names: NameGenerator,
  hash: string,
  spec: CongressSpec,
): Promise<CongressDirectory> {
  const congress = await createCongress(tx, {
    name: spec.name,
    shortName: spec.shortName,
    level: spec.level,
    parentId: spec.parentId,
    docPrefix: spec.docPrefix,
  });
  const congressId = congress.id;
  await tx
    .insertInto('term')
    .values({ congress_id: congressId, ordinal: spec.term.ordinal, starts_on: spec.term.startsOn })
    .execute();
  const session = await createSession(tx, {
    congressId,
    termOrdinal: spec.term.ordinal,
    sessionOrdinal: spec.session.ordinal,
    opensOn: spec.session.opensOn,
    closesOn: spec.session.closesOn,
    submissionClosesAt: spec.session.submissionClosesAt,
  });

  const byName = async (table: 'committee' | 'delegation' | 'deputy_group', list: readonly string[]) => {
    const ids = await insertReturningIds(
      tx,
      table,
      list.map((name) => ({ congress_id: congressId, name })),
    );
    return new Map(list.map((name, i) => [name, ids[i]!]));
  };
  const committeeIds = await byName('committee', spec.committees);
  const delegationIds = await byName(
    'delegation',
    spec.delegations.map(([d]) => d),
  );
  const groupIds = await byName('deputy_group', spec.deputyGroups);
  await insertRows(
    tx,
    'suggestion_category',
    spec.categories.map((c) => ({
      congress_id: congressId,
      code: c.code,
      name: c.name,
      committee_id: c.committee ? (committeeIds.get(c.committee) ?? null) : null,
    })),
  );
  const systemKeys = [...new Set(spec.units.map((u) => u.system))];
  const systemIdList = await insertReturningIds(
    tx,
    'unit_system',
    systemKeys.map((k) => ({
      congress_id: congressId,
      name: systemNames[k].name,
      is_government: systemNames[k].isGovernment,
    })),
  );
  const systemIds = new Map<string, number>(systemKeys.map((k, i) => [k, systemIdList[i]!]));
  const unitIds = await insertReturningIds(
    tx,
    'handling_unit',
    spec.units.map((u) => ({
      congress_id: congressId,
      unit_system_id: systemIds.get(u.system as SystemKey)!,
      name: u.name,
      short_name: u.shortName,
      doc_prefix: u.shortName,
      review_chain: u.chain === 'full' ? ['unit_reviewer', 'unit_signer'] : ['unit_signer'],
    })),
  );

  // Every login of this congress in one statement: office, deputies, unit staff.
  const deputySeats = seatDeputies(rng, names, spec);
  const deputyUsers: UserRow[] = deputySeats.map((d) => ({
    username: d.username,
    name: d.name,
    phone: phoneNumber(rng, spec.areaCode),
  }));
  const staffUsers: UserRow[] = spec.units.flatMap((u) =>
    (['handler', 'reviewer', 'signer'] as const).map((role) => {
      const named = spec.namedStaff?.[u.key]?.[role];
      if (named) names.reserve(named);
      return {
        username: spec.staffUsername(u, role),
        name: named ?? names.next().name,
        phone: phoneNumber(rng, spec.areaCode),
      };
    }),
  );
  const allUsers = [
    { username: spec.office.username, name: spec.office.name, phone: phoneNumber(rng, spec.areaCode) },
    ...deputyUsers,
    ...staffUsers,
  ];
  const userIds = await insertReturningIds(
    tx,
    'app_user',
    allUsers.map((u) => ({ username: u.username, display_name: u.name, password_hash: hash, phone: u.phone })),
  );
  const people = allUsers.map((u, i): Person => ({ id: userIds[i]!, name: u.name, phone: u.phone }));
  const users = new Map(allUsers.map((u, i) => [u.username, people[i]!]));

  const deputyIds = await insertReturningIds(
    tx,
    'deputy',
    deputySeats.map((d, i) => ({
      congress_id: congressId,
      term_id: session.term_id,
      user_id: people[1 + i]!.id,
      name: d.name,
      name_pinyin: d.pinyin,
      delegation_id: delegationIds.get(d.delegation) ?? null,
      deputy_group_id: d.group ? (groupIds.get(d.group) ?? null) : null,
      occupation: d.occupation,
    })),
  );
  const deputies = deputySeats.map((d, i): DeputyRef => ({
    ...people[1 + i]!,
    deputyId: deputyIds[i]!,
    delegationId: delegationIds.get(d.delegation) ?? null,
    groupId: d.group ? (groupIds.get(d.group) ?? null) : null,
    city: d.city,
  }));

  const units = new Map<string, UnitRef>();
  spec.units.forEach((u, i) => {
    const staff = people.slice(1 + deputySeats.length + i * 3, 1 + deputySeats.length + i * 3 + 3);
    units.set(u.key, {
      id: unitIds[i]!,
      key: u.key,
      name: u.name,
      docPrefix: u.shortName,
      systemId: systemIds.get(u.system)!,
      chain: u.chain === 'full' ? ['unit_reviewer', 'unit_signer'] : ['unit_signer'],
      handler: staff[0]!,
      reviewer: staff[1]!,
      signer: staff[2]!,
    });
  });

  const grant = (
    userId: number,
    role: RoleName,
    extra: Partial<Insertable<RoleGrantTable>> = {},
  ): Insertable<RoleGrantTable> => ({
    user_id: userId,
    congress_id: congressId,
    role,
    deputy_id: null,
    unit_id: null,
    unit_system_id: null,
    committee_id: null,
    ...extra,
  });
  await insertRows(tx, 'role_grant', [
    grant(people[0]!.id, 'liaison_office'),
    ...deputies.map((d) => grant(d.id, 'deputy', { deputy_id: d.deputyId })),
    ...[...units.values()].flatMap((u) => [
      grant(u.handler.id, 'unit_handler', { unit_id: u.id }),
      grant(u.reviewer.id, 'unit_reviewer', { unit_id: u.id }),
      grant(u.signer.id, 'unit_signer', { unit_id: u.id }),
    ]),
  ]);

  const categories = spec.categories.map((c): CategoryRef => ({
    code: c.code,
    weight: c.weight,
    leads: c.leads.map((k) => units.get(k)).filter((u): u is UnitRef => u !== undefined),
    cos: c.cos.map((k) => units.get(k)).filter((u): u is UnitRef => u !== undefined),
  }));
  return {
    congressId,
    session: {
      id: session.id,
      opensOn: spec.session.opensOn,
      closesOn: spec.session.closesOn,
      submissionClosesAt: spec.session.submissionClosesAt,
    },
    office: people[0]!,
    deputies,
    units,
    categories,
    systemIds,
    committeeIds,
    users,
  };
}

interface Seat {
  username: string;
  name: string;
  pinyin: string;
  delegation: string;
  city: string;
  group: string | null;
  occupation: string;
}

/** Deputies spread over the delegations by their weights; every other one in a deputy group. */
function seatDeputies(rng: Rng, names: NameGenerator, spec: CongressSpec): Seat[] {
  for (const n of spec.namedDeputies) names.reserve(n.name);
  names.reserve(spec.office.name);
  const groupOf = (city: string) => {
    const own = spec.deputyGroups.filter((g) => city !== '' && g.startsWith(city));
    return own.length > 0 ? rng.pick(own) : null;
  };
  const cityOf = new Map(spec.delegations.map(([d, city]) => [d, city]));
  const seats: Seat[] = spec.namedDeputies.map((n) => ({
    username: n.username,
    name: n.name,
    pinyin: n.pinyin,
    delegation: n.delegation,
    city: cityOf.get(n.delegation) ?? '',
    group: groupOf(cityOf.get(n.delegation) ?? ''),
    occupation: occupationOf(cityOf.get(n.delegation) ?? '', (xs) => rng.pick(xs)),
  }));
  for (let i = seats.length; i < spec.deputyCount; i++) {
    const [delegation, city] = rng.weighted(spec.delegations.map(([d, c, w]) => [[d, c] as const, w] as const));
    const person = names.next();
    const isArmy = delegation.startsWith('解放军');
    seats.push({
      username: `${spec.usernamePrefix}_d${String(i + 1).padStart(4, '0')}`,
      name: person.name,
      pinyin: person.pinyin,
      delegation,
      city,
      group: !isArmy && rng.chance(0.6) ? groupOf(city) : null,
      occupation: isArmy
        ? rng.pick(['驻湘某部政治委员', '驻湘某部参谋长', '武警湖南省总队某支队支队长'])
        : occupationOf(city, (xs) => rng.pick(xs)),
    });
  }
  return seats;
}
