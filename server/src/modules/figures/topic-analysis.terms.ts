import { TfIdf } from '@node-rs/jieba';
import { idf } from '@node-rs/jieba/dict.js';
import { jieba } from '../../text/segment.js';

// The issues a category's suggestions raise most: jieba's TF-IDF keywords over the titles and
// bodies of the category taken together, weighed against jieba's own IDF table (general Chinese
// text). That table knows nothing of the genre: 建议, 加强, 工作 stand in every suggestion many
// times, so their term frequency lifts them to the top of every list — hence the words dropped
// after extraction. No I/O: the dictionaries are read once, when the module loads.

const tfidf = TfIdf.withDict(idf);

/**
 * Words of the genre rather than of the issue (关于……的建议，进一步加强……工作): they would top
 * every category's list. Dropped here rather than through `TfIdf.setConfig({ stopWords })`,
 * which @node-rs/jieba 2.0.3 cannot take (it fails to convert the Set).
 */
const genericWords = new Set([
  '建议',
  '关于',
  '加强',
  '推进',
  '推动',
  '加快',
  '进一步',
  '问题',
  '工作',
  '有关',
  '相关',
  '部门',
  '政府',
  '我省',
  '全省',
  '我市',
  '全市',
  '我县',
  '全县',
  '目前',
  '当前',
  '存在',
  '提出',
  '实施',
  '开展',
  '完善',
  '提高',
  '提升',
  '支持',
  '落实',
  '解决',
  '情况',
  '方面',
  '措施',
  '切实',
  '积极',
  '有效',
  '做好',
  '进行',
  '通过',
  '需要',
  '一是',
  '二是',
  '三是',
  '代表',
  '建设',
  '发展',
  '内容',
]);

/** A digit of any script or a Chinese numeral alone says nothing of an issue (2025、十四五 stays). */
const numeric = /^[\p{N}〇零一二三四五六七八九十百千万亿.,%％]+$/u;
const meaningful = /[\p{Script=Han}A-Za-z]/u;

export interface KeyTerm {
  term: string;
  /** jieba's TF-IDF weight over the category's text, rounded to three decimals. */
  weight: number;
  /** Suggestions whose title or body holds the term, as a reader searching for it would find them. */
  suggestions: number;
}

function isIssueWord(term: string): boolean {
  return [...term].length >= 2 && meaningful.test(term) && !numeric.test(term) && !genericWords.has(term);
}

/**
 * The `limit` terms of the highest weight over `texts` (one text a suggestion), each with the
 * number of suggestions holding it. Ties keep jieba's order; empty texts give no terms.
 */
export function keyTermsOf(texts: readonly string[], limit = 8): KeyTerm[] {
  const whole = texts.join('\n');
  if (whole.trim() === '') return [];
  // Enough candidates that dropping the generic ones still leaves `limit`.
  const candidates = tfidf.extractKeywords(jieba, whole, limit + genericWords.size);
  return candidates
    .filter((k) => isIssueWord(k.keyword))
    .slice(0, limit)
    .map((k) => ({
      term: k.keyword,
      weight: Math.round(k.weight * 1000) / 1000,
      suggestions: texts.filter((t) => t.includes(k.keyword)).length,
    }));
}
