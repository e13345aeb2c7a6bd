// (c) The promise ledger (台账): a B1 reply puts a promise on the unit's ledger; the unit reports
// progress and asks for 销号; the lead deputy finds the deadline, is satisfied with the report
// and accepts; the office, on the deputy's word, marks it done. Also the 回头看 filters and the
// class table's 本年度内 rule. The suggestion and its reply are set up through the API.
import { camera, laptop } from '../support/browser.mjs';
import { confirm, dialog, openAs, pick, toast } from '../support/ui.mjs';
import { assignedSuggestion, replyThroughChain } from './setup.mjs';

const TITLE = '关于加快国省干线公路危桥改造的建议';
const UNIT = '湖南省交通运输厅';

/** The card of our promise, paging on through the ledger as a person would. */
async function findPromise(page) {
  const card = page.locator('.ant-card', { has: page.getByRole('link', { name: TITLE }) });
  await page
    .getByText(/共\d+项/)
    .first()
    .waitFor();
  for (let i = 0; i < 30 && !(await card.count()); i++) {
    const next = page.locator('.ant-pagination-next');
    if ((await next.getAttribute('aria-disabled')) === 'true') break;
    await next.click();
    await page.waitForLoadState('networkidle');
  }
  await card.first().waitFor();
  await card.first().scrollIntoViewIfNeeded();
  return card.first();
}

export async function ledgerJourney(browser, baseURL, log) {
  const shoot = camera('ledger');
  log(`screenshots: ${shoot.dir}`);
  const id = await assignedSuggestion(baseURL, {
    title: TITLE,
    body: '我省国省干线公路上仍有一批四、五类危桥，汛期通行安全隐患突出。建议加大危桥改造资金投入，三年内完成改造，并建立桥梁定期检测制度。',
    unitName: UNIT,
  });
  await replyThroughChain(
    baseURL,
    id,
    '我厅高度重视您的建议，已将国省干线危桥改造列入近期工作计划，自交办之日起三年内分批完成改造，并同步建立桥梁定期检测和养护制度。',
    {
      classCode: 'B1',
      promise: {
        doneText: '已完成全省国省干线桥梁排查，建立危桥清单。',
        plannedText: '2027年完成首批30座危桥改造，2029年前全部完成。',
        notDoneReason: '',
      },
    },
  );

  // The office's class table: B1 counts from the assignment, A2 runs to 31 December of the reply's year.
  const office = await openAs(browser, laptop, baseURL, 'office');
  await office.getByRole('menuitem', { name: '办理规则' }).click();
  await office.getByText('本年度内（答复当年12月31日）').first().waitFor();
  await office.getByText('交办之日起（期限）').first().waitFor();
  await office.getByText('答复分类').first().scrollIntoViewIfNeeded();
  await shoot(office, 'office-class-table', { fullPage: false });

  // The unit reports progress on its promise and asks for 销号.
  const handler = await openAs(browser, laptop, baseURL, 'handler');
  await handler.getByRole('menuitem', { name: '承诺台账' }).click();
  let card = await findPromise(handler);
  await card.getByText('承办单位尚未申请销号').waitFor();
  await shoot(handler, 'unit-ledger', { fullPage: false });
  await card.getByRole('button', { name: '报告进展' }).click();
  const progress = dialog(handler, '报告承诺事项进展');
  await progress.getByLabel('进展情况').fill('首批30座危桥改造已全部完工并通过交工验收，桥梁定期检测制度已印发实施。');
  await progress.getByRole('button', { name: '确定' }).click();
  await toast(handler, '进展已报告');
  card = await findPromise(handler);
  await card.getByRole('button', { name: '申请销号' }).click();
  const ask = dialog(handler, '申请销号');
  await ask.getByLabel('完成情况').fill('承诺的首批危桥改造已完成，检测制度已建立，申请销号。');
  await shoot(handler, 'unit-asks', { fullPage: false });
  await ask.getByRole('button', { name: '提交申请' }).click();
  await toast(handler, '已申请销号');
  card = await findPromise(handler);
  await card.getByText(/待领衔代表于\d{4}年\d{1,2}月\d{1,2}日前确认/).waitFor();
  if (await card.getByRole('button', { name: '申请销号' }).count())
    throw new Error('the unit is offered 申请销号 again while the deputy has not answered');
  await shoot(handler, 'unit-asked', { fullPage: false });

  // The deputy reads the letter with its feedback deadline, then answers on the ledger.
  const deputy = await openAs(browser, laptop, baseURL, 'deputy');
  await deputy.goto(`/deputy/suggestions/${id}`);
  await deputy.getByText(/反馈期限（请于\d{4}年\d{1,2}月\d{1,2}日前测评）/).waitFor();
  await deputy.getByRole('article', { name: `${UNIT}答复函` }).scrollIntoViewIfNeeded();
  await shoot(deputy, 'deputy-letter', { fullPage: false });
  await deputy.getByRole('menuitem', { name: '承诺事项' }).click();
  card = await findPromise(deputy);
  await card.getByText(/请于\d{4}年\d{1,2}月\d{1,2}日前确认是否同意销号/).waitFor();
  await shoot(deputy, 'deputy-ledger', { fullPage: false });
  await card.getByRole('button', { name: '满意', exact: true }).click();
  await toast(deputy, '对这次进展满意');
  card = await findPromise(deputy);
  await card.getByText('代表满意').waitFor();
  await card.getByRole('button', { name: '同意销号', exact: true }).click();
  await shoot(deputy, 'deputy-accepts', { fullPage: false });
  await confirm(deputy, '同意');
  await toast(deputy, '您已同意销号');
  card = await findPromise(deputy);
  await card.getByText(/同意销号，待联工委销号/).waitFor();
  await shoot(deputy, 'deputy-accepted', { fullPage: false });

  // The office: 回头看 filters, then 销号 on the deputy's acceptance.
  await office.getByRole('menuitem', { name: '承诺台账' }).click();
  await pick(office, office, '是否重点督办', '重点督办');
  await office.locator('.ant-card', { hasText: '回头看重点督办' }).first().waitFor();
  await shoot(office, 'office-focused', { fullPage: false });
  await office.goto('/office/ledger');
  await pick(office, office, '承办单位', UNIT);
  card = await findPromise(office);
  await card.getByText(/同意销号，待联工委销号/).waitFor();
  await shoot(office, 'office-finds', { fullPage: false });
  await card.getByRole('button', { name: '销号', exact: true }).click();
  const done = dialog(office, '承诺事项销号');
  await done.getByLabel('销号说明（可不填）').fill('代表同意，予以销号。');
  await shoot(office, 'office-fulfils', { fullPage: false });
  await done.getByRole('button', { name: '确认销号' }).click();
  await toast(office, '已销号');
  await office.getByText('已销号', { exact: true }).first().click();
  card = await findPromise(office);
  await card.getByText(/代表同意后销号/).waitFor();
  await shoot(office, 'office-fulfilled', { fullPage: false });

  for (const p of [office, handler, deputy]) await p.context().close();
  return id;
}
