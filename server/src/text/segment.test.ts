import { describe, expect, it } from 'vitest';
import { searchDocument, searchQuery, segmentWords } from './segment.js';

describe('Chinese segmentation for search', () => {
  it('cuts a suggestion title into words, not characters', () => {
    const words = segmentWords('关于加强农村饮水安全工程建设的建议');
    expect(words).toContain('农村');
    expect(words).toContain('饮水');
    expect(words).not.toContain('的');
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
