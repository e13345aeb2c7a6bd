// Small helpers for the Ant Design widgets the journeys use, found the way a person finds
// them: by their label, their button text, the dialog's title.

export async function login(page, baseURL, username, password = 'Lianxin2026') {
  await page.goto(new URL('/login', baseURL).href);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** A context logged in as one demo account, and its first page. */
export async function openAs(browser, options, baseURL, username) {
  const context = await browser.newContext({ ...options, baseURL });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  // What went wrong shows in the test's output: failed API answers and page errors.
  page.on('response', async (r) => {
    if (r.url().includes('/api/') && r.status() >= 400 && r.status() !== 401)
      console.log(
        `# ${username}: ${r.status()} ${r.request().method()} ${new URL(r.url()).pathname} ${await r.text().catch(() => '')}`,
      );
  });
  page.on('pageerror', (e) => console.log(`# ${username}: page error ${e.message}`));
  await login(page, baseURL, username);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  return page;
}

/** The dialog with this title. */
export const dialog = (page, title) => page.getByRole('dialog', { name: title });

/** Picks an option of a Select found by its label (inside `scope`, e.g. a dialog). */
export async function pick(scope, page, label, option) {
  const box = scope.getByLabel(label, { exact: true });
  const select = box.locator(
    'xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  // Chosen: the select itself shows the option's text (typed search text is an input value, not text).
  const chosen = select.filter({ hasText: option });
  // A click on an option while the list is still loading or moving can miss: look, and try again.
  for (let attempt = 0; attempt < 3 && !(await chosen.count()); attempt++) {
    await box.click();
    if (await box.isEditable()) await box.fill(option);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
    await chosen
      .first()
      .waitFor({ timeout: 2000 })
      .catch(() => undefined);
  }
  await chosen.first().waitFor({ timeout: 1000 });
  // A multiple select stays open over the dialog's buttons: move on, as a person would.
  if (await page.locator('.ant-select-dropdown:visible').count()) {
    await box.evaluate((el) => el.blur());
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
  }
}

/** Types a date into a DatePicker found by its label. */
export async function setDate(scope, label, isoDate) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(isoDate);
  await input.press('Enter');
}

/** Presses the OK button of the open Popconfirm. */
export async function confirm(page, name) {
  await page.locator('.ant-popover:visible').getByRole('button', { name, exact: true }).click();
}

/** Waits for the success message that says what changed. */
export async function toast(page, text) {
  await page.locator('.ant-message').getByText(text).first().waitFor();
}

/** YYYY-MM-DD, n days from today in China. */
export function chinaDay(n = 0) {
  const d = new Date(Date.now() + 8 * 3600_000 + n * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** The page is as wide as the screen: nothing sticks out to the side. */
export async function horizontalOverflow(page) {
  /* global document -- the callback runs in the page */
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
