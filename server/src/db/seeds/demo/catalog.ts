// The demonstration province: who is who. Modelled on Hunan's provincial congress, its
// committees, delegations and the departments that handle deputies' suggestions.

export type SystemKey = 'gov' | 'party' | 'judicial';

export interface UnitSpec {
  /** Username prefix of the unit's staff; `null` for the demo unit whose staff are handler/reviewer/signer. */
  key: string;
  name: string;
  shortName: string;
  system: SystemKey;
  /** Review chain: handler → reviewer → signer, or straight to the signer. */
  chain: 'full' | 'signer';
}

export interface CategorySpec {
  code: string;
  name: string;
  committee: string | null;
  /** Share of the session's suggestions, in percent. */
  weight: number;
  /** Unit keys that lead (first ones most often) and that co-handle. */
  leads: readonly string[];
  cos: readonly string[];
}

export const systemNames: Record<SystemKey, { name: string; isGovernment: boolean }> = {
  gov: { name: '政府系统', isGovernment: true },
  party: { name: '党群系统', isGovernment: false },
  judicial: { name: '法院检察院系统', isGovernment: false },
};

export const TRANSPORT_UNIT = 'jtt';

const unit = (
  key: string,
  name: string,
  shortName: string,
  system: SystemKey = 'gov',
  chain: UnitSpec['chain'] = 'full',
): UnitSpec => ({
  key,
  name,
  shortName,
  system,
  chain,
});

export const provinceUnits: readonly UnitSpec[] = [
  unit('fgw', '湖南省发展和改革委员会', '湘发改'),
  unit('jyt', '湖南省教育厅', '湘教'),
  unit('kjt', '湖南省科学技术厅', '湘科'),
  unit('gxt', '湖南省工业和信息化厅', '湘工信'),
  unit('gat', '湖南省公安厅', '湘公'),
  unit('mzt', '湖南省民政厅', '湘民'),
  unit('sft', '湖南省司法厅', '湘司', 'gov', 'signer'),
  unit('czt', '湖南省财政厅', '湘财'),
  unit('rst', '湖南省人力资源和社会保障厅', '湘人社'),
  unit('zrt', '湖南省自然资源厅', '湘自然资'),
  unit('hbt', '湖南省生态环境厅', '湘环'),
  unit('zjt', '湖南省住房和城乡建设厅', '湘建'),
  unit(TRANSPORT_UNIT, '湖南省交通运输厅', '湘交'),
  unit('slt', '湖南省水利厅', '湘水'),
  unit('nyt', '湖南省农业农村厅', '湘农'),
  unit('swt', '湖南省商务厅', '湘商'),
  unit('wlt', '湖南省文化和旅游厅', '湘文旅'),
  unit('wjw', '湖南省卫生健康委员会', '湘卫'),
  unit('tyjr', '湖南省退役军人事务厅', '湘退役', 'gov', 'signer'),
  unit('yjt', '湖南省应急管理厅', '湘应急'),
  unit('scj', '湖南省市场监督管理局', '湘市监'),
  unit('ybj', '湖南省医疗保障局', '湘医保'),
  unit('lyj', '湖南省林业局', '湘林'),
  unit('tyj', '湖南省体育局', '湘体', 'gov', 'signer'),
  unit('xcj', '湖南省乡村振兴局', '湘乡振'),
  unit('lcj', '湖南省粮食和物资储备局', '湘粮储', 'gov', 'signer'),
  unit('jrj', '湖南省地方金融监督管理局', '湘金融'),
  unit('gdj', '湖南省广播电视局', '湘广电', 'gov', 'signer'),
  unit('swj', '国家税务总局湖南省税务局', '湘税'),
  unit('txj', '湖南省通信管理局', '湘通信', 'gov', 'signer'),
  unit('dl', '国网湖南省电力有限公司', '湘电'),
  unit('xcb', '中共湖南省委宣传部', '湘宣', 'party'),
  unit('zfw', '中共湖南省委政法委员会', '湘政法', 'party'),
  unit('bb', '中共湖南省委机构编制委员会办公室', '湘编办', 'party', 'signer'),
  unit('zgh', '湖南省总工会', '湘工会', 'party', 'signer'),
  unit('tsw', '共青团湖南省委员会', '湘团', 'party', 'signer'),
  unit('fl', '湖南省妇女联合会', '湘妇', 'party', 'signer'),
  unit('kx', '湖南省科学技术协会', '湘科协', 'party', 'signer'),
  unit('cl', '湖南省残疾人联合会', '湘残联', 'party', 'signer'),
  unit('gy', '湖南省高级人民法院', '湘高法', 'judicial'),
  unit('jcy', '湖南省人民检察院', '湘检', 'judicial'),
];

export const EDUCATION_COMMITTEE = '教育科学文化卫生委员会';

export const provinceCommittees = [
  EDUCATION_COMMITTEE,
  '农业与农村委员会',
  '财政经济委员会',
  '环境与资源保护委员会',
  '社会建设委员会',
  '监察和司法委员会',
] as const;

export const provinceCategories: readonly CategorySpec[] = [
  {
    code: 'agriculture',
    name: '农业农村',
    committee: '农业与农村委员会',
    weight: 14,
    leads: ['nyt', 'xcj', 'slt', 'lyj', 'lcj'],
    cos: ['czt', 'zrt', 'fgw', TRANSPORT_UNIT],
  },
  {
    code: 'transport',
    name: '交通运输',
    committee: '财政经济委员会',
    weight: 11,
    leads: [TRANSPORT_UNIT, TRANSPORT_UNIT, TRANSPORT_UNIT, 'fgw'],
    cos: ['czt', 'zrt', 'gat', 'fgw'],
  },
  {
    code: 'education',
    name: '教育',
    committee: EDUCATION_COMMITTEE,
    weight: 12,
    leads: ['jyt', 'jyt', 'rst', 'tsw'],
    cos: ['czt', 'bb', 'rst'],
  },
  {
    code: 'health',
    name: '医疗卫生',
    committee: EDUCATION_COMMITTEE,
    weight: 10,
    leads: ['wjw', 'wjw', 'ybj', 'scj'],
    cos: ['czt', 'rst', 'ybj'],
  },
  {
    code: 'ecology',
    name: '生态环境',
    committee: '环境与资源保护委员会',
    weight: 8,
    leads: ['hbt', 'hbt', 'lyj', 'slt'],
    cos: ['fgw', 'zrt', 'nyt'],
  },
  {
    code: 'urban_rural',
    name: '城乡建设',
    committee: '环境与资源保护委员会',
    weight: 9,
    leads: ['zjt', 'zjt', 'zrt'],
    cos: ['czt', 'fgw', TRANSPORT_UNIT],
  },
  {
    code: 'social_security',
    name: '社会保障',
    committee: '社会建设委员会',
    weight: 10,
    leads: ['rst', 'mzt', 'ybj', 'tyjr', 'cl', 'fl', 'zgh'],
    cos: ['czt', 'wjw'],
  },
  {
    code: 'economy',
    name: '经济发展',
    committee: '财政经济委员会',
    weight: 10,
    leads: ['fgw', 'gxt', 'swt', 'jrj', 'swj', 'dl'],
    cos: ['czt', 'zrt', TRANSPORT_UNIT],
  },
  {
    code: 'science',
    name: '科技',
    committee: EDUCATION_COMMITTEE,
    weight: 5,
    leads: ['kjt', 'kjt', 'kx', 'txj', 'gxt'],
    cos: ['czt', 'jyt'],
  },
  {
    code: 'culture_tourism',
    name: '文化旅游',
    committee: EDUCATION_COMMITTEE,
    weight: 6,
    leads: ['wlt', 'wlt', 'tyj', 'gdj', 'xcb'],
    cos: [TRANSPORT_UNIT, 'czt', 'zrt'],
  },
  {
    code: 'rule_of_law',
    name: '政法司法',
    committee: '监察和司法委员会',
    weight: 5,
    leads: ['gy', 'jcy', 'sft', 'gat', 'zfw', 'yjt'],
    cos: ['zfw', 'sft'],
  },
];

/** [delegation, city name used in the texts, share of deputies]. */
export const provinceDelegations: readonly (readonly [string, string, number])[] = [
  ['长沙代表团', '长沙市', 46],
  ['株洲代表团', '株洲市', 22],
  ['湘潭代表团', '湘潭市', 18],
  ['衡阳代表团', '衡阳市', 28],
  ['邵阳代表团', '邵阳市', 26],
  ['岳阳代表团', '岳阳市', 24],
  ['常德代表团', '常德市', 24],
  ['张家界代表团', '张家界市', 10],
  ['益阳代表团', '益阳市', 18],
  ['郴州代表团', '郴州市', 20],
  ['永州代表团', '永州市', 22],
  ['怀化代表团', '怀化市', 20],
  ['娄底代表团', '娄底市', 16],
  ['湘西土家族苗族自治州代表团', '湘西州', 14],
  ['解放军代表团', '驻湘部队', 8],
];

export const provinceDeputyGroups = [
  '长沙市芙蓉区省人大代表小组',
  '长沙市岳麓区省人大代表小组',
  '株洲市荷塘区省人大代表小组',
  '衡阳市雁峰区省人大代表小组',
  '岳阳市岳阳楼区省人大代表小组',
  '常德市武陵区省人大代表小组',
  '郴州市北湖区省人大代表小组',
  '怀化市鹤城区省人大代表小组',
];

const places = ['东湖', '金霞', '白沙', '石门', '柳林', '桃源', '青山', '杨林', '龙泉', '新塘', '枫林', '长岭'];

/** A deputy's work, as printed in the deputy list. */
export function occupationOf(city: string, pick: <T>(items: readonly T[]) => T): string {
  const place = pick(places);
  const jobs = [
    `${city}${place}村党支部书记`,
    `${city}${place}社区党委书记`,
    `${city}人民医院主任医师`,
    `${city}第一中学校长`,
    `${city}${place}农民专业合作社理事长`,
    `${city}高新技术产业开发区企业董事长`,
    `湖南${place}农业科技有限公司总经理`,
    `${city}职业技术学院教师`,
    `${city}律师事务所主任`,
    `${city}市场监督管理局副局长`,
    `${city}环卫工人`,
    `${city}${place}镇人民政府镇长`,
    `${city}中心小学教师`,
    `湖南${place}建设集团有限公司项目经理`,
  ];
  return pick(jobs);
}
