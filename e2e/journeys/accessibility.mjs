// The main page of each role, checked with axe-core: no serious or critical violations.
import { AxeBuilder } from '@axe-core/playwright';
import { laptop } from '../support/browser.mjs';
import { openAs } from '../support/ui.mjs';

export const rolePages = [
  { role: '公众门户', user: null, path: '/portal', ready: '代表建议及办理情况公开' },
  { role: '登录', user: null, path: '/login', ready: '人大代表建议办理系统' },
  { role: '代表', user: 'deputy', path: '/deputy', ready: '我的建议' },
  { role: '联工委', user: 'office', path: '/office', ready: '办理情况主要数字' },
  { role: '承办单位经办人', user: 'handler', path: '/unit', ready: '待签收' },
  { role: '政府办公厅', user: 'gov', path: '/supervision', ready: '办理情况主要数字' },
  { role: '专门委员会', user: 'committee', path: '/supervision', ready: '办理情况主要数字' },
  { role: '常委会领导', user: 'leader', path: '/supervision', ready: '办理情况主要数字' },
];

/** Returns the serious and critical violations of one role's main page. */
export async function checkPage(browser, baseURL, { user, path, ready }) {
  const page = user ? await openAs(browser, laptop, baseURL, user) : await (await browser.newContext({ ...laptop, baseURL })).newPage();
  await page.goto(path);
  await page.getByText(ready).first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  await page.context().close();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  return {
    all: result.violations.length,
    bad: bad.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })),
    minor: result.violations.filter((v) => !bad.includes(v)).map((v) => `${v.id}(${v.impact})`),
  };
}
