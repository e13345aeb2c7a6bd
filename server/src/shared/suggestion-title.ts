// The title rule of a suggestion, for the server's schema and check and the web form alike.

/**
 * 《关于……的建议》: starts with 关于 and ends with 的建议 (or 的意见, 的批评), the book-title marks
 * optional. The same rule as checkTitle in suggestion.workflow.ts; six characters at least follow.
 */
export const suggestionTitlePattern = /^(《)?关于.+的(建议|意见|批评)(》)?$/u;

export const suggestionTitleMessage = '标题应写作「关于……的建议」';
export const suggestionTitleTooShort = '标题过短';
