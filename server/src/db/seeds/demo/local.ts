import type { CategorySpec, UnitSpec } from './catalog.js';
import { addDays, atChina, type IsoDate } from './dates.js';
import type { CongressSpec } from './directory.js';
import type { SessionCounts } from './plan-suggestions.js';

// The province's tree below it: two cities, a county-level city under each, and a township
// under each county — each a tenant with its own office, deputies, units and suggestions.

export interface LocalCongress {
  key: string;
  parentKey: string;
  spec: (today: IsoDate, parentId: number) => CongressSpec;
  counts: SessionCounts | null;
}

const cityCounts: SessionCounts = {
  inSession: { returned: 1, declined: 1, registered: 1, assigned: 5, replied: 4, rehandling: 1, closed: 8 },
  betweenSessions: { submitted: 1, assigned: 2 },
  drafts: 1,
};
const countyCounts: SessionCounts = {
  inSession: { declined: 1, assigned: 3, replied: 2, rehandling: 1, closed: 6 },
  betweenSessions: { submitted: 1 },
  drafts: 1,
};

function localUnits(place: string, abbr: string, level: 'city' | 'county'): UnitSpec[] {
  const dev = level === 'city' ? '发展和改革委员会' : '发展和改革局';
  const health = level === 'city' ? '卫生健康委员会' : '卫生健康局';
  const u = (key: string, name: string, short: string, chain: UnitSpec['chain'] = 'full'): UnitSpec => ({
    key,
    name: `${place}${name}`,
    shortName: `${abbr}${short}`,
    system: 'gov',
    chain,
  });
  return [
    u('fg', dev, '发改'),
    u('jy', '教育局', '教'),
    u('zj', '住房和城乡建设局', '住建'),
    u('jt', '交通运输局', '交'),
    u('ny', '农业农村局', '农', 'signer'),
    u('wj', health, '卫', 'signer'),
  ];
}

const localCategories: readonly CategorySpec[] = [
  { code: 'urban_rural', name: '城乡建设', committee: null, weight: 25, leads: ['zj'], cos: ['fg', 'jt'] },
  { code: 'transport', name: '交通运输', committee: null, weight: 20, leads: ['jt'], cos: ['fg', 'zj'] },
  { code: 'education', name: '教育', committee: null, weight: 20, leads: ['jy'], cos: ['fg'] },
  { code: 'health', name: '医疗卫生', committee: null, weight: 15, leads: ['wj'], cos: ['fg'] },
  { code: 'agriculture', name: '农业农村', committee: null, weight: 20, leads: ['ny'], cos: ['fg', 'jt'] },
];

function session(today: IsoDate, daysAgo: number, length: number) {
  const opensOn = addDays(today, -daysAgo);
  return {
    opensOn,
    closesOn: addDays(opensOn, length - 1),
    submissionClosesAt: atChina(addDays(opensOn, length - 2), 18),
  };
}

function local(
  key: string,
  x: {
    name: string;
    shortName: string;
    docPrefix: string;
    level: 'city' | 'county';
    term: number;
    session: number;
    daysAgo: number;
    office: string;
    areaCode: string;
  },
  delegations: readonly (readonly [string, string, number])[],
  deputyCount: number,
): (today: IsoDate, parentId: number) => CongressSpec {
  return (today, parentId) => {
    const s = session(today, x.daysAgo, 5);
    return {
      name: x.name,
      shortName: x.shortName,
      level: x.level,
      parentId,
      docPrefix: x.docPrefix,
      term: { ordinal: x.term, startsOn: addDays(s.opensOn, -760) },
      session: { ordinal: 4, ...s },
      committees: [],
      categories: localCategories,
      delegations,
      deputyGroups: [],
      deputyCount,
      namedDeputies: [],
      usernamePrefix: key,
      units: localUnits(x.shortName, x.docPrefix, x.level),
      staffUsername: (unit, role) => `${key}_${unit.key}_${role}`,
      office: { username: `${key}_office`, name: x.office },
      areaCode: x.areaCode,
    };
  };
}

function township(
  key: string,
  name: string,
  shortName: string,
  office: string,
  daysAgo: number,
): (today: IsoDate, parentId: number) => CongressSpec {
  return (today, parentId) => {
    const s = session(today, daysAgo, 2);
    return {
      name,
      shortName,
      level: 'township',
      parentId,
      docPrefix: '',
      term: { ordinal: 19, startsOn: addDays(s.opensOn, -760) },
      session: { ordinal: 4, ...s },
      committees: [],
      categories: [],
      delegations: [[`${shortName}代表团`, shortName, 1]],
      deputyGroups: [],
      deputyCount: 15,
      namedDeputies: [],
      usernamePrefix: key,
      units: [],
      staffUsername: (unit, role) => `${key}_${unit.key}_${role}`,
      office: { username: `${key}_office`, name: office },
      areaCode: '0731',
    };
  };
}

export const localCongresses: readonly LocalCongress[] = [
  {
    key: 'cs',
    parentKey: 'province',
    counts: cityCounts,
    spec: local(
      'cs',
      {
        name: '长沙市人民代表大会',
        shortName: '长沙市',
        docPrefix: '长',
        level: 'city',
        term: 16,
        session: 4,
        daysAgo: 108,
        office: '罗文',
        areaCode: '0731',
      },
      [
        ['芙蓉区代表团', '芙蓉区', 5],
        ['天心区代表团', '天心区', 5],
        ['岳麓区代表团', '岳麓区', 6],
        ['开福区代表团', '开福区', 5],
        ['雨花区代表团', '雨花区', 6],
        ['望城区代表团', '望城区', 4],
        ['长沙县代表团', '长沙县', 5],
        ['浏阳市代表团', '浏阳市', 5],
        ['宁乡市代表团', '宁乡市', 5],
      ],
      40,
    ),
  },
  {
    key: 'zz',
    parentKey: 'province',
    counts: cityCounts,
    spec: local(
      'zz',
      {
        name: '株洲市人民代表大会',
        shortName: '株洲市',
        docPrefix: '株',
        level: 'city',
        term: 16,
        session: 4,
        daysAgo: 110,
        office: '肖永红',
        areaCode: '0733',
      },
      [
        ['荷塘区代表团', '荷塘区', 4],
        ['芦淞区代表团', '芦淞区', 4],
        ['石峰区代表团', '石峰区', 4],
        ['天元区代表团', '天元区', 5],
        ['渌口区代表团', '渌口区', 3],
        ['醴陵市代表团', '醴陵市', 5],
        ['攸县代表团', '攸县', 4],
        ['茶陵县代表团', '茶陵县', 3],
        ['炎陵县代表团', '炎陵县', 2],
      ],
      36,
    ),
  },
  {
    key: 'ly',
    parentKey: 'cs',
    counts: countyCounts,
    spec: local(
      'ly',
      {
        name: '浏阳市人民代表大会',
        shortName: '浏阳市',
        docPrefix: '浏',
        level: 'county',
        term: 18,
        session: 4,
        daysAgo: 115,
        office: '汤志刚',
        areaCode: '0731',
      },
      [
        ['大瑶镇代表团', '大瑶镇', 3],
        ['官渡镇代表团', '官渡镇', 2],
        ['沙市镇代表团', '沙市镇', 2],
        ['淳口镇代表团', '淳口镇', 2],
        ['关口街道代表团', '关口街道', 3],
      ],
      30,
    ),
  },
  {
    key: 'll',
    parentKey: 'zz',
    counts: countyCounts,
    spec: local(
      'll',
      {
        name: '醴陵市人民代表大会',
        shortName: '醴陵市',
        docPrefix: '醴',
        level: 'county',
        term: 18,
        session: 4,
        daysAgo: 116,
        office: '邓春燕',
        areaCode: '0733',
      },
      [
        ['白兔潭镇代表团', '白兔潭镇', 2],
        ['浦口镇代表团', '浦口镇', 2],
        ['王仙镇代表团', '王仙镇', 2],
        ['阳三石街道代表团', '阳三石街道', 3],
      ],
      28,
    ),
  },
  {
    key: 'dy',
    parentKey: 'ly',
    counts: null,
    spec: township('dy', '浏阳市大瑶镇人民代表大会', '大瑶镇', '钟德华', 120),
  },
  {
    key: 'btt',
    parentKey: 'll',
    counts: null,
    spec: township('btt', '醴陵市白兔潭镇人民代表大会', '白兔潭镇', '易小燕', 121),
  },
];
