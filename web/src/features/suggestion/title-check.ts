/**
 * Titles are written 《关于……的建议》 — the same rule as the server's checkTitle
 * (suggestion.workflow.ts), so the form says it before the request is sent.
 */
export function titleProblem(title: string): string | null {
  const t = title.trim();
  if (t.length < 6) return '标题过短';
  if (!/^(《)?关于.+的(建议|意见|批评)(》)?$/u.test(t)) return '标题应写作「关于……的建议」';
  return null;
}
