// A visitor's first page (nobody logged in, nothing cached): the portal and the login page
// load without a single failing request and without an error in the console.
import { camera, laptop, phone } from '../support/browser.mjs';

export const firstPages = [
  { path: '/', ready: '代表建议及办理情况公开' },
  { path: '/portal', ready: '代表建议及办理情况公开' },
  { path: '/login', ready: '人大代表建议办理系统' },
];

/** Opens each first page in a fresh browser (laptop and phone); returns every problem seen. */
export async function firstVisit(browser, baseURL, log) {
  const shoot = camera('first-visit');
  log(`screenshots: ${shoot.dir}`);
  const problems = [];
  for (const [screen, options] of [
    ['laptop', laptop],
    ['phone', phone],
  ]) {
    for (const { path, ready } of firstPages) {
      const context = await browser.newContext({ ...options, baseURL });
      const page = await context.newPage();
      const where = `${screen} ${path}`;
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`${where}: console error: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`${where}: page error: ${e.message}`));
      page.on('response', (r) => {
        if (r.status() >= 400) problems.push(`${where}: ${r.status()} ${r.request().method()} ${r.url()}`);
      });
      page.on('requestfailed', (r) =>
        problems.push(`${where}: failed ${r.method()} ${r.url()}: ${r.failure()?.errorText}`),
      );
      await page.goto(path);
      await page.getByText(ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      await shoot(page, `${screen}-${path === '/' ? 'root' : path.slice(1)}`);
      await context.close();
    }
  }
  return problems;
}
