// (issue 8) A county congress set up from nothing, every step in the browser: the system
// administrator creates 长沙县人民代表大会 and its liaison office's first account; the office
// signs in, sets its own password, imports its 200 deputies and 30 handling units from Excel,
// adds a category and opens a session; a deputy of the file signs in with the import's initial
// password, sets a new one, writes and submits a suggestion, and the office registers it 第1号.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { camera, laptop } from '../support/browser.mjs';
import { chinaDay, confirm, dialog, login, setDate, toast } from '../support/ui.mjs';
import { writeAndSubmit } from './steps.mjs';

const CONGRESS = '长沙县人民代表大会';
const PARENT = '长沙市人民代表大会';
const OFFICE = { username: 'csx_office', initial: 'Chushi2026a', own: 'Xingsha2026b' };
/** The initial password the office gives every account its deputies file creates. */
const DEPUTY_INITIAL = 'Daibiao2026c';
const DEPUTY = { username: 'csx_d001', name: '王秋实', own: 'Qiushi2026d' };
const TITLE = '关于加密星沙至黄花镇公交班次的建议';
const DELEGATIONS = ['星沙代表团', '榔梨代表团', '黄花代表团', '安沙代表团', '春华代表团'];

const surnames = [...'王李张刘陈杨黄赵周吴徐孙马朱胡郭何高林罗'];
const givenNames = ['秋实', '建国', '红梅', '志强', '丽娟', '海波', '春燕', '卫东', '晓明', '桂兰'];

/** An 18-digit resident ID number of 长沙县 with its check digit (GB 11643). */
function idNumber(i) {
  const body = `430121${1960 + (i % 30)}${String((i % 12) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')}${String(i).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, k) => s + Number(d) * weights[k], 0);
  return body + '10X98765432'[sum % 11];
}

/** A workbook with these sheets, each a header row (as the template writes it) and rows. */
async function workbook(file, sheets) {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  await wb.xlsx.writeFile(file);
  return file;
}

function deputiesFile(dir) {
  const rows = [];
  for (let i = 1; i <= 200; i++) {
    const name = i === 1 ? DEPUTY.name : `${surnames[(i - 1) % 20]}${givenNames[Math.floor((i - 1) / 20)]}`;
    rows.push([
      name,
      18,
      DELEGATIONS[(i - 1) % DELEGATIONS.length],
      '',
      i % 3 === 0 ? '村党支部书记' : i % 3 === 1 ? '企业负责人' : '教师',
      i % 2 ? '男' : '女',
      '汉族',
      `1397310${String(i).padStart(4, '0')}`,
      idNumber(i),
      `csx_d${String(i).padStart(3, '0')}`,
    ]);
  }
  return workbook(path.join(dir, '长沙县代表名单.xlsx'), {
    代表: [['姓名*', '届次*', '代表团', '代表小组', '职业', '性别', '民族', '手机', '身份证号', '登录名'], ...rows],
    代表团: [['类型*', '名称*'], ...DELEGATIONS.map((d) => ['代表团', d])],
    届次: [
      ['届次*', '开始日期*', '结束日期'],
      [18, '2021-12-28', ''],
    ],
  });
}

const bureaus = [
  '发展和改革局',
  '教育局',
  '科学技术局',
  '工业和信息化局',
  '公安局',
  '民政局',
  '司法局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源局',
  '住房和城乡建设局',
  '交通运输局',
  '水利局',
  '农业农村局',
  '商务局',
  '文化旅游广电体育局',
  '卫生健康局',
  '退役军人事务局',
  '应急管理局',
  '审计局',
  '市场监督管理局',
  '统计局',
  '医疗保障局',
  '城市管理和综合执法局',
  '林业局',
];
const partyBodies = [
  ['长沙县总工会', '县总工会'],
  ['共青团长沙县委员会', '团县委'],
  ['长沙县妇女联合会', '县妇联'],
  ['长沙县残疾人联合会', '县残联'],
  ['长沙县科学技术协会', '县科协'],
];

function unitsFile(dir) {
  const units = [
    ...bureaus.map((b) => [`长沙县${b}`, `县${b}`, '政府系统', '', '处长审核后领导签发']),
    ...partyBodies.map(([name, short]) => [name, short, '党群系统', '', '领导签发']),
  ];
  return workbook(path.join(dir, '长沙县承办单位.xlsx'), {
    单位: [['单位名称*', '简称*', '所属系统*', '文号前缀', '答复审核流程'], ...units],
    系统: [
      ['名称*', '政府系统'],
      ['政府系统', '是'],
      ['党群系统', '否'],
    ],
  });
}

/** A fresh browser context signed in with this password; its first page. */
async function signIn(browser, baseURL, username, password) {
  const context = await browser.newContext({ ...laptop, baseURL });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  page.on('response', async (r) => {
    if (r.url().includes('/api/') && r.status() >= 400 && r.status() !== 401)
      console.log(
        `# ${username}: ${r.status()} ${r.request().method()} ${new URL(r.url()).pathname} ${await r.text().catch(() => '')}`,
      );
  });
  page.on('pageerror', (e) => console.log(`# ${username}: page error ${e.message}`));
  await login(page, baseURL, username, password);
  return page;
}

/** The change-password page a password someone else set leads to; the new one is set there. */
async function changePassword(page, shoot, step, current, next) {
  await page.waitForURL(/\/password$/);
  await page.getByRole('heading', { name: '修改密码' }).waitFor();
  await page.getByText('您的密码由管理员设置').waitFor();
  await page.getByLabel('原密码（管理员告知的密码）').fill(current);
  await page.getByLabel('新密码', { exact: true }).fill(next);
  await page.getByLabel('确认新密码').fill(next);
  await shoot(page, step);
  await page.getByRole('button', { name: '确认修改' }).click();
  await toast(page, '密码已修改');
  await page.waitForURL((url) => !url.pathname.startsWith('/password'));
}

/** One file through the import page: chosen, checked (a dry run), then published. */
async function importFile(page, shoot, { kind, file, password, step }) {
  await page.locator('.ant-radio-button-wrapper', { hasText: new RegExp(`^${kind}$`) }).click();
  assert.ok(await page.getByRole('radio', { name: kind }).isChecked(), `${kind} chosen`);
  if (password) await page.getByLabel(/新账号的初始密码/).fill(password);
  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByText(path.basename(file)).waitFor();
  await page.getByRole('button', { name: '上传并检查' }).click();
  await page.getByText(/检查通过：共\d+行，没有发现问题/).waitFor({ timeout: 120_000 });
  await shoot(page, `${step}-checked`);
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByText('导入完成').waitFor({ timeout: 120_000 });
  await shoot(page, `${step}-done`);
}

export async function setupJourney(browser, baseURL, log) {
  const shoot = camera('setup');
  log(`screenshots: ${shoot.dir}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-setup-'));
  try {
    const [deputies, units] = await Promise.all([deputiesFile(dir), unitsFile(dir)]);

    // The administrator: a county congress under 长沙市, and its office's first account.
    const admin = await signIn(browser, baseURL, 'admin', 'Lianxin2026');
    await admin.waitForURL(/\/admin$/);
    await admin.getByRole('heading', { level: 1, name: '人大机构' }).waitFor();
    await shoot(admin, 'admin-tree');
    await admin.getByRole('button', { name: `在${PARENT}下新建人大机构` }).click();
    const create = dialog(admin, `在「${PARENT}」下新建人大机构`);
    await create.getByLabel('名称', { exact: true }).fill(CONGRESS);
    await create.getByLabel('简称').fill('长沙县');
    await create.getByLabel('行政区划代码').fill('430121');
    await create.getByLabel('文号前缀').fill('长县人');
    await shoot(admin, 'admin-creates-congress', { fullPage: false });
    await create.getByRole('button', { name: '新建', exact: true }).click();
    await create.waitFor({ state: 'hidden' });
    await admin.getByText(`${CONGRESS}（长沙县）`).waitFor();
    await admin.getByRole('button', { name: `为${CONGRESS}新建联工委账号` }).click();
    const account = dialog(admin, `为「${CONGRESS}」新建联工委账号`);
    await account.getByLabel('用户名').fill(OFFICE.username);
    await account.getByLabel('姓名或部门').fill('长沙县人大常委会联工委');
    await account.getByLabel('初始密码').fill(OFFICE.initial);
    await shoot(admin, 'admin-creates-office-account', { fullPage: false });
    await account.getByRole('button', { name: '新建', exact: true }).click();
    const created = dialog(admin, '联工委账号已创建');
    await created.getByText('使用您填写的初始密码登录').waitFor();
    await shoot(admin, 'admin-office-account-created', { fullPage: false });
    await created.getByRole('button', { name: '我已记下' }).click();
    await admin.getByText(`长沙县人大常委会联工委（${OFFICE.username}） · 待改初始密码`).waitFor();
    await shoot(admin, 'admin-tree-with-county');

    // The office: its own password first, then its lists from Excel.
    const office = await signIn(browser, baseURL, OFFICE.username, OFFICE.initial);
    await changePassword(office, shoot, 'office-changes-password', OFFICE.initial, OFFICE.own);
    await office.getByRole('heading', { level: 1 }).first().waitFor();
    await shoot(office, 'office-home');
    // At laptop width the menu keeps its last entries under 「…」, once the home has loaded
    // (the menu measures itself again when the figures arrive).
    await office.getByText('办理情况统计').first().waitFor();
    const importEntry = office.getByRole('menuitem', { name: '导入导出' });
    for (let tries = 0; tries < 5 && !(await importEntry.isVisible()); tries++) {
      await office.locator('.ant-menu-overflow-item-rest').hover();
      await importEntry.waitFor({ timeout: 2_000 }).catch(() => {});
    }
    await importEntry.click();
    await office.getByRole('heading', { level: 1, name: '导入导出' }).waitFor();
    await shoot(office, 'office-import-page');
    await importFile(office, shoot, {
      kind: '代表名单',
      file: deputies,
      password: DEPUTY_INITIAL,
      step: 'import-deputies',
    });
    await importFile(office, shoot, { kind: '承办单位及人员', file: units, step: 'import-units' });

    await office.goto('/office/admin/deputies');
    await office.getByText('共200名').waitFor();
    await shoot(office, 'office-deputies', { fullPage: false });
    await office.getByLabel('按姓名或拼音查找').fill(DEPUTY.name);
    await office.getByLabel('按姓名或拼音查找').press('Enter');
    await office.getByText('共1名').waitFor();
    await office.getByRole('cell', { name: DEPUTY.username, exact: true }).waitFor();
    await shoot(office, 'office-finds-deputy', { fullPage: false });
    await office.goto('/office/admin/units');
    await office.getByText('共30个单位').waitFor();
    await shoot(office, 'office-units', { fullPage: false });

    // A category for the deputies to file under, and the session they submit in.
    await office.goto('/office/admin/committees');
    await office.getByRole('button', { name: '新增分类' }).click();
    const category = dialog(office, '新增建议分类');
    await category.getByLabel(/分类代码/).fill('transport');
    await category.getByLabel('分类名称').fill('交通运输');
    await category.getByRole('button', { name: '确定' }).click();
    await toast(office, '已新增分类');
    await office.getByRole('cell', { name: '交通运输', exact: true }).waitFor();
    await shoot(office, 'office-categories');

    await office.goto('/office/admin/sessions');
    const term = office.getByRole('region', { name: '第18届' });
    await term.waitFor();
    await term.getByRole('button', { name: '新建会议' }).click();
    const session = dialog(office, '第18届新建会议');
    await session.getByLabel('第几次会议').fill('6');
    await setDate(session, '开幕日期', chinaDay(0));
    await setDate(session, '闭幕日期', chinaDay(3));
    const closes = session.getByLabel('大会期间建议截止提交时间');
    await closes.click();
    await closes.fill(`${chinaDay(2)} 18:00`);
    await closes.press('Enter');
    // A picker with a time may wait for its own 确定 after the typed value.
    await office
      .locator('.ant-picker-dropdown:visible')
      .getByRole('button', { name: '确定' })
      .click({ timeout: 1500 })
      .catch(() => undefined);
    await shoot(office, 'office-new-session', { fullPage: false });
    await session.getByRole('button', { name: '确定' }).click();
    await toast(office, '已新建会议');
    await term.getByRole('button', { name: '设为当前会议' }).click();
    await toast(office, '已设为当前会议');
    await term.getByText('当前会议', { exact: true }).waitFor();
    await shoot(office, 'office-session-open');

    // A deputy of the file: the initial password the office gave at the import, then their own.
    const deputy = await signIn(browser, baseURL, DEPUTY.username, DEPUTY_INITIAL);
    await changePassword(deputy, shoot, 'deputy-changes-password', DEPUTY_INITIAL, DEPUTY.own);
    await deputy.getByRole('heading', { level: 1 }).first().waitFor();
    await shoot(deputy, 'deputy-home');
    const id = await writeAndSubmit(deputy, shoot, {
      title: TITLE,
      category: '交通运输',
      body: '星沙城区至黄花镇的公交线路班次少、间隔长，早晚高峰群众候车时间超过半小时。建议县交通运输局加密该线路班次，增设早晚高峰区间车，并公布实时到站信息。',
    });
    await shoot(deputy, 'deputy-submitted');

    // The office registers it: the first of the session.
    await office.getByRole('menuitem', { name: '审核立案' }).click();
    await office.getByRole('link', { name: TITLE }).waitFor();
    await shoot(office, 'office-review-queue', { fullPage: false });
    await office.goto(`/office/suggestions/${id}`);
    await office.getByRole('button', { name: '立案', exact: true }).click();
    await confirm(office, '立案');
    await toast(office, '已立案并编号');
    await office.getByText('已立案待交办').first().waitFor();
    await office.getByText('第1号').first().waitFor();
    await shoot(office, 'office-registered');

    await deputy.goto(`/deputy/suggestions/${id}`);
    await deputy.getByText('第1号').first().waitFor();
    await shoot(deputy, 'deputy-sees-number');
    assert.equal(new URL(deputy.url()).pathname, `/deputy/suggestions/${id}`);
    for (const p of [admin, office, deputy]) await p.context().close();
    return id;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
