import type { Rng } from './random.js';

// Chinese personal names with a latin sort key (ICU pinyin collation does not work in PGlite).

// [surname, pinyin, weight] — common surnames, with those frequent in Hunan weighted up.
const surnames: readonly (readonly [string, string, number])[] = [
  ['王', 'wang', 9],
  ['李', 'li', 9],
  ['张', 'zhang', 8],
  ['刘', 'liu', 9],
  ['陈', 'chen', 8],
  ['杨', 'yang', 6],
  ['黄', 'huang', 6],
  ['赵', 'zhao', 4],
  ['吴', 'wu', 5],
  ['周', 'zhou', 6],
  ['徐', 'xu', 3],
  ['孙', 'sun', 2],
  ['胡', 'hu', 5],
  ['朱', 'zhu', 3],
  ['郭', 'guo', 2],
  ['何', 'he', 4],
  ['罗', 'luo', 5],
  ['高', 'gao', 2],
  ['林', 'lin', 2],
  ['谭', 'tan', 6],
  ['曾', 'zeng', 5],
  ['彭', 'peng', 5],
  ['邓', 'deng', 4],
  ['唐', 'tang', 5],
  ['贺', 'he', 3],
  ['龚', 'gong', 2],
  ['向', 'xiang', 2],
  ['易', 'yi', 3],
  ['肖', 'xiao', 4],
  ['蒋', 'jiang', 3],
  ['谢', 'xie', 3],
  ['邹', 'zou', 3],
  ['廖', 'liao', 3],
  ['文', 'wen', 3],
  ['欧阳', 'ouyang', 2],
  ['田', 'tian', 2],
  ['袁', 'yuan', 2],
  ['雷', 'lei', 2],
  ['汤', 'tang', 2],
  ['毛', 'mao', 2],
  ['丁', 'ding', 1],
  ['姚', 'yao', 1],
  ['夏', 'xia', 2],
  ['钟', 'zhong', 2],
  ['熊', 'xiong', 2],
  ['段', 'duan', 1],
  ['石', 'shi', 2],
  ['莫', 'mo', 1],
  ['覃', 'qin', 1],
  ['伍', 'wu', 1],
];

// [character, pinyin] for given names; two lists so names read naturally.
const firstChars: readonly (readonly [string, string])[] = [
  ['建', 'jian'],
  ['志', 'zhi'],
  ['国', 'guo'],
  ['立', 'li'],
  ['晓', 'xiao'],
  ['海', 'hai'],
  ['红', 'hong'],
  ['秀', 'xiu'],
  ['文', 'wen'],
  ['永', 'yong'],
  ['德', 'de'],
  ['新', 'xin'],
  ['春', 'chun'],
  ['明', 'ming'],
  ['雪', 'xue'],
  ['丽', 'li'],
  ['爱', 'ai'],
  ['卫', 'wei'],
  ['湘', 'xiang'],
  ['学', 'xue'],
  ['金', 'jin'],
  ['玉', 'yu'],
  ['振', 'zhen'],
  ['佳', 'jia'],
  ['俊', 'jun'],
  ['思', 'si'],
  ['小', 'xiao'],
  ['光', 'guang'],
  ['宏', 'hong'],
  ['美', 'mei'],
  ['正', 'zheng'],
  ['桂', 'gui'],
  ['世', 'shi'],
  ['继', 'ji'],
  ['少', 'shao'],
];
const secondChars: readonly (readonly [string, string])[] = [
  ['华', 'hua'],
  ['军', 'jun'],
  ['平', 'ping'],
  ['强', 'qiang'],
  ['明', 'ming'],
  ['英', 'ying'],
  ['芳', 'fang'],
  ['斌', 'bin'],
  ['峰', 'feng'],
  ['辉', 'hui'],
  ['勇', 'yong'],
  ['敏', 'min'],
  ['静', 'jing'],
  ['涛', 'tao'],
  ['霞', 'xia'],
  ['云', 'yun'],
  ['林', 'lin'],
  ['杰', 'jie'],
  ['波', 'bo'],
  ['琴', 'qin'],
  ['东', 'dong'],
  ['龙', 'long'],
  ['成', 'cheng'],
  ['荣', 'rong'],
  ['娟', 'juan'],
  ['燕', 'yan'],
  ['刚', 'gang'],
  ['萍', 'ping'],
  ['伟', 'wei'],
  ['亮', 'liang'],
  ['洁', 'jie'],
  ['鹏', 'peng'],
  ['彬', 'bin'],
  ['兰', 'lan'],
  ['民', 'min'],
  ['生', 'sheng'],
  ['良', 'liang'],
  ['瑶', 'yao'],
  ['宇', 'yu'],
  ['清', 'qing'],
];

export interface PersonName {
  name: string;
  pinyin: string;
}

/** Distinct names: every call returns a name not returned before by this generator. */
export class NameGenerator {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Rng) {}

  next(): PersonName {
    for (let attempt = 0; attempt < 200; attempt++) {
      const [surname, sp] = this.rng.weighted(surnames.map((s) => [[s[0], s[1]] as const, s[2]] as const));
      const [c2, p2] = this.rng.pick(secondChars);
      const single = this.rng.chance(0.22);
      const [c1, p1] = single ? ['', ''] : this.rng.pick(firstChars);
      const name = `${surname}${c1}${c2}`;
      if (this.used.has(name)) continue;
      this.used.add(name);
      return { name, pinyin: `${sp} ${p1}${p2}` };
    }
    throw new Error('name space exhausted');
  }

  /** Reserves a fixed name (the demo accounts) so it is not generated again. */
  reserve(name: string): void {
    this.used.add(name);
  }
}

/** A desk phone in the city (0731 Changsha, 0733 Zhuzhou) or a mobile number. */
export function phoneNumber(rng: Rng, areaCode = '0731'): string {
  return rng.chance(0.7)
    ? `${areaCode}-${rng.int(82000000, 89999999)}`
    : `1${rng.pick(['39', '58', '73', '86', '37'])}${rng.int(10000000, 99999999)}`;
}
