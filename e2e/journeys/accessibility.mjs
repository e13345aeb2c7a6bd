// The main page of each role, checked with axe-core at laptop and at phone width: no serious
// or critical violations.
import { AxeBuilder } from '@axe-core/playwright';
import { laptop, phone } from '../support/browser.mjs';
import { openAs } from '../support/ui.mjs';

export const rolePages = [
  { role: '公众门户', user: null, path: '/portal', ready: '代表建议及办理情况公开' },
  { role: '公众门户 办理情况与排名', id: 'portal-figures', user: null, path: '/portal/figures', ready: '承办单位排名' },
  { role: '登录', user: null, path: '/login', ready: '人大代表建议办理系统' },
  // tap: a link left hovered, as a finger leaves it on a phone (its hover colour is checked too).
  { role: '代表', user: 'deputy', path: '/deputy', ready: '我的建议', tap: '.ant-card a' },
  { role: '联工委', user: 'office', path: '/office', ready: '各承办单位办理情况' },
  // The list behind a number of the office's dashboard (here: 已答复).
  {
    role: '联工委 统计清单',
    id: 'office-figures-list',
    user: 'office',
    path: '/office/figures/list?key=replied',
    ready: '领衔代表',
  },
  { role: '承办单位经办人', user: 'handler', path: '/unit', ready: '待签收' },
  { role: '政府办公厅', user: 'gov', path: '/supervision', ready: '办理情况主要数字' },
  // The government office keeps its system's units (the demo office allows it).
  { role: '政府办公厅 本系统承办单位', id: 'gov-units', user: 'gov', path: '/supervision/units', ready: '审核流程' },
  { role: '专门委员会', user: 'committee', path: '/supervision', ready: '办理情况主要数字' },
  { role: '常委会领导', user: 'leader', path: '/supervision', ready: '办理情况主要数字' },
  // The promise ledger (台账) of each role that acts on it; id: the pages share their users.
  { role: '代表 承诺事项', id: 'deputy-ledger', user: 'deputy', path: '/deputy/ledger', ready: '承诺期限' },
  { role: '承办单位经办人 承诺台账', id: 'handler-ledger', user: 'handler', path: '/unit/ledger', ready: '承诺期限' },
  { role: '联工委 承诺台账', id: 'office-ledger', user: 'office', path: '/office/ledger', ready: '承诺期限' },
  {
    role: '联工委 回头看（重点督办）',
    id: 'office-ledger-focused',
    user: 'office',
    path: '/office/ledger?focused=true',
    ready: '回头看重点督办',
  },
  // The office's audit log; the installation's administrator; the change-password page.
  { role: '联工委 审计日志', id: 'office-audit', user: 'office', path: '/office/audit', ready: '所涉建议' },
  { role: '系统管理员 人大机构', id: 'admin-tree', user: 'admin', path: '/admin', ready: '行政区划代码' },
  { role: '修改密码', id: 'change-password', user: 'deputy', path: '/password', ready: '确认新密码' },
  // Excel import and export: kinds, templates, upload and the lists out.
  { role: '联工委 导入导出', id: 'office-import', user: 'office', path: '/office/import', ready: '下载代表名单模板' },
  // 本级管理: the office administers its congress; ready is a column that shows once the list is in.
  ...[
    ['sessions', '届次与会议', '建议截止提交'],
    ['delegations', '代表团与代表小组', '名称'],
    ['deputies', '代表', '身份证号码'],
    ['units', '承办单位', '审核流程'],
    ['committees', '专门委员会与分类', '对口专门委员会'],
    ['accounts', '账号与权限', '角色（本级人大）'],
    ['dictionary', '词典', '操作'],
  ].map(([page, title, ready]) => ({
    role: `联工委 本级管理 ${title}`,
    id: `office-admin-${page}`,
    user: 'office',
    path: `/office/admin/${page}`,
    ready,
  })),
];

/** The widths every page is checked at. */
export const screens = [
  { id: 'laptop', name: '笔记本', size: '1366×860', options: laptop },
  { id: 'phone', name: '手机', size: '375×812', options: phone },
];

/**
 * Returns the serious and critical violations of one role's main page on one screen; with a
 * camera (support/browser.mjs), also a picture of the page as axe saw it.
 */
export async function checkPage(
  browser,
  baseURL,
  { user, path, ready, tap },
  options = laptop,
  shoot = null,
  step = '',
) {
  const page = user
    ? await openAs(browser, options, baseURL, user)
    : await (await browser.newContext({ ...options, baseURL })).newPage();
  await page.goto(path);
  await page.getByText(ready).first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  if (tap) {
    await page.locator(tap).first().hover();
    await page.waitForTimeout(300);
  }
  if (shoot) await shoot(page, step);
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  await page.context().close();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  return {
    all: result.violations.length,
    bad: bad.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    })),
    minor: result.violations.filter((v) => !bad.includes(v)).map((v) => `${v.id}(${v.impact})`),
  };
}
