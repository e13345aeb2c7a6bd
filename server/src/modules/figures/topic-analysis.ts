import { suggestionNumberLabel } from '../../shared/labels.js';
import { keyTermsOf, type KeyTerm } from './topic-analysis.terms.js';
import {
  tallyCategories,
  tallyCommittees,
  tallyDelegations,
  type CategoryTally,
  type Tallied,
  type TopicCategory,
  type TopicCommittee,
  type TopicSuggestion,
  withoutDelegation,
} from './topic-analysis.tally.js';

// The post-session topic analysis (会后建议内容分析) as text: what the deputies of one session
// raised, by category and by delegation, the issues each category raises most, and the list of
// suggestions for each special committee — in the words an office writes it, from the counts.
// No I/O; the Word document is topic-analysis.docx.ts.

export type { TopicCategory, TopicCommittee, TopicSuggestion } from './topic-analysis.tally.js';

export interface TopicAnalysisInput {
  /** 省十三届人大三次会议 */
  sessionLabel: string;
  /** The session's registered in-session suggestions (大会期间立案). */
  suggestions: readonly TopicSuggestion[];
  /** The congress's categories in catalogue order, retired ones too. */
  categories: readonly TopicCategory[];
  /** The committees the categories are mapped to, in their order. */
  committees: readonly TopicCommittee[];
}

export type TopicBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'table'; columns: string[]; rows: string[][] };

export interface TopicAnalysisText {
  title: string;
  opening: string;
  sections: { heading: string; blocks: TopicBlock[] }[];
  /** The key terms of each category, by the category's code, as the third section writes them. */
  keyTerms: Record<string, KeyTerm[]>;
}

const pct = (share: number) => `${share.toFixed(1)}%`;
const ordinals = '一二三四五六七八九十';
/** （一）…（十）, then （11）: an office seldom has more than ten committees or categories. */
const subOrdinal = (i: number) => `（${i < ordinals.length ? ordinals[i] : String(i + 1)}）`;
const categoryName = (name: string) => (name.endsWith('类') ? name : `${name}类`);
const paragraph = (text: string): TopicBlock => ({ kind: 'paragraph', text });

/** a、b和c */
function joined(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('、')}和${items.at(-1)}`;
}

/** 交通运输类最多，5件，占41.7% — or, tied, 交通运输类和教育类最多，各4件，各占33.3%. */
function most(tallies: readonly Tallied[], verb: string): string {
  const top = tallies.filter((t) => t.count === tallies[0]?.count);
  const [first] = top;
  if (!first) return '';
  const each = top.length > 1 ? '各' : '';
  return `${joined(top.map((t) => t.name))}${verb}最多，${each}${first.count}件，${each}占${pct(first.share)}`;
}

/** The first three by count in a sentence: 交通运输类（5件，占41.7%）、教育类（4件，占33.3%）. */
const leading = (tallies: readonly Tallied[]) =>
  joined(tallies.slice(0, 3).map((t) => `${t.name}（${t.count}件，占${pct(t.share)}）`));

function countTable(first: string, tallies: readonly Tallied[], total: number): TopicBlock {
  return {
    kind: 'table',
    columns: [first, '件数', '占比'],
    rows: [...tallies.map((t) => [t.name, String(t.count), pct(t.share)]), ['合计', String(total), '100.0%']],
  };
}

function categorySection(categories: readonly CategoryTally[], total: number) {
  const named = categories.map((c) => ({ ...c, name: categoryName(c.name) }));
  return {
    heading: '一、建议类别分布情况',
    blocks: [
      paragraph(`从类别看，建议较多的是${leading(named)}，各类别件数见下表。`),
      countTable('类别', named, total),
    ],
  };
}

function delegationSection(delegations: readonly Tallied[], total: number) {
  // A deputy without a delegation is no delegation that 提出较多; the table still counts them.
  const named = delegations.filter((d) => d.name !== withoutDelegation);
  const lead = named.length > 0 ? `提出建议较多的是${leading(named)}，` : '';
  return {
    heading: '二、各代表团提出建议情况',
    blocks: [
      paragraph(`按领衔代表所在代表团统计，${lead}各代表团件数见下表。`),
      countTable('代表团', delegations, total),
    ],
  };
}

function termsSection(categories: readonly CategoryTally[], keyTerms: Record<string, KeyTerm[]>) {
  const blocks = categories.map((c, i) => {
    const terms = keyTerms[c.code] ?? [];
    const head = `${subOrdinal(i)}${categoryName(c.name)}，共${c.count}件。`;
    if (terms.length === 0) return paragraph(`${head}建议内容较为分散，未提取到共同关注的关键词。`);
    const words = terms.map((t) => `“${t.term}”（${t.suggestions}件）`);
    return paragraph(`${head}代表关注较多的是${words.join('、')}等方面。`);
  });
  return {
    heading: '三、代表关注的主要问题',
    blocks: [
      paragraph('对各类建议的标题和正文分词后按TF-IDF方法提取关键词，括号内为提及该关键词的建议件数。'),
      ...blocks,
    ],
  };
}

function committeeSection(input: TopicAnalysisInput) {
  const { committees, unmapped } = tallyCommittees(input.suggestions, input.categories, input.committees);
  const blocks: TopicBlock[] = [paragraph('按建议类别与专门委员会的对口关系，各专门委员会对口联系的建议如下。')];
  committees.forEach((m, i) => {
    const fields = `对口${joined(m.categoryNames.map(categoryName))}`;
    if (m.suggestions.length === 0) {
      blocks.push({ kind: 'subheading', text: `${subOrdinal(i)}${m.name}（${fields}），本次会议无对口建议。` });
      return;
    }
    blocks.push({ kind: 'subheading', text: `${subOrdinal(i)}${m.name}（${fields}，共${m.suggestions.length}件）` });
    blocks.push({
      kind: 'table',
      columns: ['编号', '建议标题', '领衔代表', '代表团'],
      rows: m.suggestions.map((s) => [
        suggestionNumberLabel('in_session', s.number),
        s.title,
        s.leadDeputyName,
        s.delegationName ?? '',
      ]),
    });
  });
  if (committees.length === 0) blocks.push(paragraph('建议类别尚未设定对口专门委员会。'));
  const rest = unmapped.reduce((n, c) => n + c.count, 0);
  if (rest > 0) {
    const which = unmapped.map((c) => `${categoryName(c.name)}${c.count}件`).join('、');
    blocks.push(paragraph(`另有${rest}件建议所属类别尚未设定对口专门委员会（${which}），未列入上述清单。`));
  }
  return { heading: '四、各专门委员会对口建议清单', blocks };
}

export function topicAnalysisText(input: TopicAnalysisInput): TopicAnalysisText {
  const title = `${input.sessionLabel}代表建议内容分析`;
  const total = input.suggestions.length;
  if (total === 0) {
    return { title, opening: '本次会议期间尚无经审查立案的代表建议。', sections: [], keyTerms: {} };
  }
  const categories = tallyCategories(input.suggestions, input.categories);
  const delegations = tallyDelegations(input.suggestions);
  const named = delegations.filter((d) => d.name !== withoutDelegation);
  const keyTerms = Object.fromEntries(
    categories.map((c) => [c.code, keyTermsOf(c.suggestions.map((s) => `${s.title}\n${s.body}`))]),
  );
  const byDelegation = named.length > 0 ? `，由${named.length}个代表团的代表领衔提出` : '';
  const mostByDelegation = named.length > 0 ? `；${most(named, '提出')}` : '';
  const mostByCategory = most(
    categories.map((c) => ({ ...c, name: categoryName(c.name) })),
    '',
  );
  const opening =
    `本次会议期间，经审查立案的代表建议共${total}件，涉及${categories.length}个类别${byDelegation}。` +
    `其中，${mostByCategory}${mostByDelegation}。现将建议内容分析如下。`;
  return {
    title,
    opening,
    sections: [
      categorySection(categories, total),
      delegationSection(delegations, total),
      termsSection(categories, keyTerms),
      committeeSection(input),
    ],
    keyTerms,
  };
}
