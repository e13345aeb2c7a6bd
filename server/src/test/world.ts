import {
  createCategory,
  createCongress,
  createDeputy,
  createNamed,
  createSession,
  createUnit,
  createUnitStaff,
  createUnitSystem,
  createUser,
} from '../db/seeds/fixtures.js';
import type { Db } from '../platform/db.js';

/**
 * The smallest province in which every role of part A can act: a province congress with one
 * session, three government units and one party unit, three deputies, the office, the
 * government office, a committee, a leader — and a city congress next to it for tenancy.
 */
export async function buildWorld(db: Db) {
  const province = await createCongress(db, {
    name: '湖南省人民代表大会',
    shortName: '省',
    level: 'province',
    docPrefix: '湘',
  });
  const city = await createCongress(db, {
    name: '长沙市人民代表大会',
    shortName: '市',
    level: 'city',
    parentId: province.id,
  });
  const session = await createSession(db, {
    congressId: province.id,
    termOrdinal: 13,
    sessionOrdinal: 3,
    opensOn: '2026-01-10',
    closesOn: '2026-01-20',
    submissionClosesAt: new Date('2026-01-18T10:00:00Z'),
  });
  const citySession = await createSession(db, {
    congressId: city.id,
    termOrdinal: 16,
    sessionOrdinal: 4,
    opensOn: '2026-01-05',
    closesOn: '2026-01-09',
    submissionClosesAt: new Date('2026-01-08T10:00:00Z'),
  });
  const committee = await createNamed(db, 'committee', province.id, '教育科学文化卫生委员会');
  await createCategory(db, province.id, 'education', '教育', committee.id);
  await createCategory(db, province.id, 'transport', '交通运输');
  await createCategory(db, province.id, 'agriculture', '农业农村');
  await createCategory(db, city.id, 'urban', '城市建设');
  const delegation = await createNamed(db, 'delegation', province.id, '长沙代表团');
  const govSystem = await createUnitSystem(db, province.id, '政府系统');
  const partySystem = await createUnitSystem(db, province.id, '党群系统', false);
  const transport = await createUnit(db, {
    congressId: province.id,
    systemId: govSystem.id,
    name: '湖南省交通运输厅',
    shortName: '湘交',
    reviewChain: ['unit_reviewer', 'unit_signer'],
  });
  const development = await createUnit(db, {
    congressId: province.id,
    systemId: govSystem.id,
    name: '湖南省发展和改革委员会',
    shortName: '湘发改',
  });
  const education = await createUnit(db, {
    congressId: province.id,
    systemId: govSystem.id,
    name: '湖南省教育厅',
    shortName: '湘教',
    reviewChain: ['unit_signer'],
  });
  const federation = await createUnit(db, {
    congressId: province.id,
    systemId: partySystem.id,
    name: '湖南省总工会',
    shortName: '湘工会',
  });
  const cityUnit = await createUnit(db, {
    congressId: city.id,
    systemId: (await createUnitSystem(db, city.id, '政府系统')).id,
    name: '长沙市住房和城乡建设局',
    shortName: '长住建',
  });

  const zhang = await createDeputy(db, {
    congressId: province.id,
    termId: session.term_id,
    name: '张建国',
    username: 'zhang',
    delegationId: delegation.id,
  });
  const li = await createDeputy(db, {
    congressId: province.id,
    termId: session.term_id,
    name: '李秀英',
    username: 'li',
    delegationId: delegation.id,
  });
  const wang = await createDeputy(db, {
    congressId: province.id,
    termId: session.term_id,
    name: '王志强',
    username: 'wang',
    delegationId: delegation.id,
  });
  const cityDeputy = await createDeputy(db, {
    congressId: city.id,
    termId: citySession.term_id,
    name: '赵敏',
    username: 'zhao',
  });

  const office = await createUser(db, {
    username: 'office',
    displayName: '议案建议处',
    grants: [{ congressId: province.id, role: 'liaison_office' }],
  });
  const cityOffice = await createUser(db, {
    username: 'city_office',
    displayName: '市人大联工委',
    grants: [{ congressId: city.id, role: 'liaison_office' }],
  });
  const govOffice = await createUser(db, {
    username: 'gov',
    displayName: '省政府办公厅',
    grants: [{ congressId: province.id, role: 'government_office', unitSystemId: govSystem.id }],
  });
  const committeeUser = await createUser(db, {
    username: 'committee',
    displayName: '教科文卫委',
    grants: [{ congressId: province.id, role: 'committee', committeeId: committee.id }],
  });
  const leader = await createUser(db, {
    username: 'leader',
    displayName: '常委会副主任',
    grants: [{ congressId: province.id, role: 'leader' }],
  });

  return {
    province,
    city,
    session,
    citySession,
    committee,
    units: {
      transport: {
        unit: transport,
        staff: await createUnitStaff(db, province.id, transport.id, 'transport', '交通厅'),
      },
      development: {
        unit: development,
        staff: await createUnitStaff(db, province.id, development.id, 'development', '发改委'),
      },
      education: {
        unit: education,
        staff: await createUnitStaff(db, province.id, education.id, 'education', '教育厅'),
      },
      federation: {
        unit: federation,
        staff: await createUnitStaff(db, province.id, federation.id, 'federation', '总工会'),
      },
      city: { unit: cityUnit, staff: await createUnitStaff(db, city.id, cityUnit.id, 'cityunit', '住建局') },
    },
    deputies: { zhang, li, wang, cityDeputy },
    users: { office, cityOffice, govOffice, committeeUser, leader },
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
