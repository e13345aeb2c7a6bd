import type { Tx } from '../../../platform/db.js';
import { insertReturningIds, insertRows } from './bulk.js';
import {
  EDUCATION_COMMITTEE,
  TRANSPORT_UNIT,
  provinceCategories,
  provinceCommittees,
  provinceDelegations,
  provinceDeputyGroups,
  provinceUnits,
} from './catalog.js';
import { addDays, atChina, type IsoDate } from './dates.js';
import type { CongressSpec } from './directory.js';
import type { SessionCounts } from './plan-suggestions.js';
import type { CongressDirectory } from './types.js';

// 湖南省人民代表大会: 十三届三次会议, opened about a hundred days ago.

export function provinceSpec(today: IsoDate): CongressSpec {
  const opensOn = addDays(today, -100);
  return {
    name: '湖南省人民代表大会',
    shortName: '省',
    level: 'province',
    parentId: null,
    docPrefix: '湘',
    term: { ordinal: 13, startsOn: addDays(opensOn, -760) },
    session: {
      ordinal: 3,
      opensOn,
      closesOn: addDays(opensOn, 5),
      submissionClosesAt: atChina(addDays(opensOn, 3), 18),
    },
    committees: provinceCommittees,
    categories: provinceCategories,
    delegations: provinceDelegations,
    deputyGroups: provinceDeputyGroups,
    deputyCount: 300,
    namedDeputies: [
      { username: 'deputy', name: '刘建华', pinyin: 'liu jianhua', delegation: '长沙代表团' },
      { username: 'deputy2', name: '谭秀英', pinyin: 'tan xiuying', delegation: '株洲代表团' },
      { username: 'multi', name: '黄丽', pinyin: 'huang li', delegation: '长沙代表团' },
    ],
    usernamePrefix: 'hn',
    units: provinceUnits,
    staffUsername: (unit, role) => (unit.key === TRANSPORT_UNIT ? role : `${unit.key}_${role}`),
    namedStaff: { [TRANSPORT_UNIT]: { handler: '周敏', reviewer: '李志强', signer: '彭国栋' } },
    office: { username: 'office', name: '陈立新' },
    areaCode: '0731',
  };
}

export const provinceCounts: SessionCounts = {
  inSession: { returned: 8, declined: 14, registered: 3, assigned: 225, replied: 200, rehandling: 36, closed: 894 },
  betweenSessions: {
    submitted: 12,
    returned: 4,
    declined: 5,
    registered: 14,
    assigned: 35,
    replied: 10,
    rehandling: 2,
    closed: 18,
  },
  drafts: 20,
};

/** The province-wide accounts that are not deputies, unit staff or the office. */
export async function addProvinceAccounts(tx: Tx, dir: CongressDirectory, hash: string): Promise<void> {
  const accounts = [
    {
      username: 'gov',
      name: '王海涛',
      role: 'government_office' as const,
      unit_system_id: dir.systemIds.get('gov')!,
      committee_id: null,
    },
    {
      username: 'committee',
      name: '曾晓红',
      role: 'committee' as const,
      unit_system_id: null,
      committee_id: dir.committeeIds.get(EDUCATION_COMMITTEE)!,
    },
    { username: 'leader', name: '易德明', role: 'leader' as const, unit_system_id: null, committee_id: null },
  ];
  const ids = await insertReturningIds(
    tx,
    'app_user',
    accounts.map((a) => ({ username: a.username, display_name: a.name, password_hash: hash, phone: '0731-82218000' })),
  );
  await insertRows(
    tx,
    'role_grant',
    accounts.map((a, i) => ({
      user_id: ids[i]!,
      congress_id: dir.congressId,
      role: a.role,
      deputy_id: null,
      unit_id: null,
      unit_system_id: a.unit_system_id,
      committee_id: a.committee_id,
    })),
  );
  accounts.forEach((a, i) => dir.users.set(a.username, { id: ids[i]!, name: a.name, phone: '0731-82218000' }));
  // The province's office lets the government office keep the units of the government system.
  await insertRows(tx, 'administration_setting', [
    { congress_id: dir.congressId, government_office_administers_units: true, updated_by: null },
  ]);
}
