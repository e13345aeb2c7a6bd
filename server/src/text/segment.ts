import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

// Chinese has no spaces: words come from jieba's search-mode cut, stored as a `simple`
// tsvector so the same index works on PGlite and PostgreSQL.
/** The one jieba of the process (its dictionary is large): search words and key terms alike. */
export const jieba = Jieba.withDict(dict);

const meaningful = /[\p{Script=Han}A-Za-z0-9]/u;
// Words too common to narrow a search. They are still indexed, and a query made only of them
// searches for them: "加强" alone finds every suggestion that says 加强.
const stopWords = new Set([
  '的',
  '了',
  '和',
  '与',
  '及',
  '在',
  '是',
  '对',
  '为',
  '关于',
  '建议',
  '进一步',
  '加强',
  '推进',
  '有关',
]);

export function segmentWords(text: string): string[] {
  return jieba
    .cutForSearch(text, true)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w.length > 0 && meaningful.test(w));
}

/** Space-joined words for `to_tsvector('simple', …)`. */
export function searchDocument(...parts: string[]): string {
  return segmentWords(parts.join('\n')).join(' ');
}

/**
 * A tsquery that requires every word of the user's query. Stop words are left out while other
 * words remain, so they never empty a query; a query of stop words alone searches for them.
 */
export function searchQuery(q: string): string | null {
  const all = [...new Set(segmentWords(q))].map((w) => w.replace(/[&|!():*<>'\\]/g, '')).filter(Boolean);
  const narrowing = all.filter((w) => !stopWords.has(w));
  const words = narrowing.length > 0 ? narrowing : all;
  if (words.length === 0) return null;
  return words.map((w) => `'${w}'`).join(' & ');
}
