import { describe, expect, it } from 'vitest';
import { searchDocument, searchQuery, segmentWords } from './segment.js';

describe('Chinese segmentation for search', () => {
  it('cuts a suggestion title into words, not characters', () => {
    const words = segmentWords('关于加强农村饮水安全工程建设的建议');
    expect(words).toContain('农村');
    expect(words).toContain('饮水');
  });

  it('indexes common words too, so that they can still be searched', () => {
    expect(searchDocument('关于加强农村饮水安全工程建设的建议').split(' ')).toEqual(
      expect.arrayContaining(['加强', '农村', '饮水']),
    );
  });

  it('leaves stop words out of a query while other words remain', () => {
    expect(searchQuery('加强农村饮水')).toBe("'农村' & '饮水'");
  });

  it.each(['加强', '推进', '关于加强'])('never empties a query of stop words alone: %s', (q) => {
    expect(searchQuery(q)).toBe(q === '关于加强' ? "'关于' & '加强'" : `'${q}'`);
  });

  it('builds a query that requires every word', () => {
    expect(searchQuery('农村饮水')).toBe("'农村' & '饮水'");
  });

  it('gives no query for punctuation only', () => {
    expect(searchQuery('，。！')).toBeNull();
  });

  it('keeps latin words and numbers', () => {
    expect(searchDocument('5G基站建设')).toContain('5g');
  });
});
