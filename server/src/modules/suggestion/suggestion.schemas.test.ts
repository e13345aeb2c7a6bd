import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { suggestionTitle } from './suggestion.schemas.js';
import { checkTitle } from './suggestion.workflow.js';

describe('the title rule in the request schema', () => {
  const titles = [
    '关于加快农村公路建设的建议',
    '《关于加快农村公路建设的建议》',
    '关于中小学课后服务的意见',
    '关于办事效率的批评',
    '  关于加快农村公路建设的建议  ',
    '关于X的建议',
    '关于的建议',
    '修路',
    '加快农村公路建设',
    '建议加快农村公路建设',
    '关于加快农村公路建设',
    '《关于加快农村公路建设的建议',
    '关于加快农村公路建设的建议。',
    '',
  ];

  it.each(titles)('accepts %j exactly when checkTitle does', (title) => {
    const parsed = suggestionTitle.safeParse(title);
    const problem = title.trim() === '' ? '请填写标题' : checkTitle(title);
    expect(parsed.success).toBe(problem === null);
    if (!parsed.success) expect(parsed.error.issues[0]?.message).toBe(problem);
  });

  it('states the rule in the OpenAPI document: a description and the same pattern', () => {
    const json = z.toJSONSchema(suggestionTitle, { io: 'input' }) as { pattern?: string; description?: string };
    expect(json.pattern).toBe('^(《)?关于.+的(建议|意见|批评)(》)?$');
    expect(json.description).toContain('《关于……的建议》');
  });
});
