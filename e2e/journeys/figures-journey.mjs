// (d) The office's figures: the dashboard narrowed by a unit, and the number behind a tile opens
// the list of exactly that many suggestions. Works on the demo data as the office sees it.
import { camera, laptop } from '../support/browser.mjs';
import { openAs, pick } from '../support/ui.mjs';

const UNIT = '湖南省交通运输厅';

/** The count a tile shows, read from its link's name (「已答复12件，查看清单」). */
async function tileCount(page, title) {
  const link = page.getByRole('link', { name: new RegExp(`^${title}\\d+件，查看清单$`) });
  await link.waitFor();
  return { link, count: Number((await link.getAttribute('aria-label')).match(/(\d+)件/)[1]) };
}

export async function figuresJourney(browser, baseURL, log) {
  const shoot = camera('figures');
  log(`screenshots: ${shoot.dir}`);
  const office = await openAs(browser, laptop, baseURL, 'office');
  await office.getByText('办理情况统计').first().waitFor();
  const all = await tileCount(office, '已答复');
  await shoot(office, 'dashboard-all', { fullPage: false });

  await pick(office, office, '全部承办单位', UNIT);
  await office.waitForLoadState('networkidle');
  const narrowed = await tileCount(office, '已答复');
  if (narrowed.count > all.count)
    throw new Error(`一个承办单位的已答复（${narrowed.count}件）多于全部（${all.count}件）`);
  await narrowed.link.scrollIntoViewIfNeeded();
  await shoot(office, 'dashboard-one-unit', { fullPage: false });

  await narrowed.link.click();
  await office
    .getByText(new RegExp(`：${narrowed.count}件$`))
    .first()
    .waitFor();
  await shoot(office, 'list-behind-the-number', { fullPage: false });
  log(`已答复：全部${all.count}件，${UNIT}${narrowed.count}件，清单${narrowed.count}件`);
}
