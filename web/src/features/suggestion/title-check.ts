import {
  suggestionTitleMessage,
  suggestionTitlePattern,
  suggestionTitleTooShort,
} from '../../../../server/src/shared/suggestion-title';

/**
 * Titles are written 《关于……的建议》 — the server's rule (server/src/shared/suggestion-title.ts,
 * checked by the request schema and by checkTitle), so the form says it before the request is sent.
 */
export function titleProblem(title: string): string | null {
  const t = title.trim();
  if (t.length < 6) return suggestionTitleTooShort;
  if (!suggestionTitlePattern.test(t)) return suggestionTitleMessage;
  return null;
}
