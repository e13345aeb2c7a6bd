// (a) The whole life of one suggestion, every step in the browser by the role that does it.
import assert from 'node:assert/strict';
import { camera, laptop } from '../support/browser.mjs';
import { confirm, openAs, toast } from '../support/ui.mjs';
import {
  acknowledge,
  approveReply,
  draftAndSubmitReply,
  rate,
  recordContact,
  registerAndAssign,
  writeAndSubmit,
} from './steps.mjs';

const TITLE = '关于加快农村公路提质改造的建议';
const UNIT = '湖南省交通运输厅';

export async function mainJourney(browser, baseURL, log) {
  const shoot = camera('main');
  log(`screenshots: ${shoot.dir}`);
  const deputy = await openAs(browser, laptop, baseURL, 'deputy');
  await shoot(deputy, 'deputy-home');
  const id = await writeAndSubmit(deputy, shoot, {
    title: TITLE,
    category: '交通运输',
    body: '我省部分农村公路建设标准低、路面窄、安全设施不足，雨季易损毁。建议省交通运输厅加大农村公路提质改造投入，完善安保设施，建立养护长效机制。',
  });
  await shoot(deputy, 'deputy-submitted');

  const office = await openAs(browser, laptop, baseURL, 'office');
  await shoot(office, 'office-home');
  await office.getByRole('menuitem', { name: '审核立案' }).click();
  await office.getByRole('link', { name: TITLE }).waitFor();
  await shoot(office, 'office-review-queue', { fullPage: false });
  await registerAndAssign(office, shoot, id, UNIT);
  await shoot(office, 'office-assigned');

  const handler = await openAs(browser, laptop, baseURL, 'handler');
  await handler.getByRole('link', { name: TITLE }).waitFor();
  await shoot(handler, 'unit-inbox', { fullPage: false });
  await acknowledge(handler, id);
  await recordContact(handler, '电话联系刘建华代表，听取对农村公路提质改造的具体意见。');
  await draftAndSubmitReply(
    handler,
    shoot,
    {
      classCode: 'B1',
      body: '我厅高度重视您的建议。2026年全省安排农村公路提质改造5000公里，重点实施窄路加宽和安全生命防护工程，并建立县乡村三级路长制，确保建一条、管一条。',
      planned: '2026年底前完成农村公路提质改造5000公里，2027年建立养护考核机制。',
    },
    'unit-drafts-reply',
  );
  await shoot(handler, 'unit-reply-in-review');

  const reviewer = await openAs(browser, laptop, baseURL, 'reviewer');
  await approveReply(reviewer, shoot, id, TITLE, { menu: '待审核', done: '已审核通过', step: 'reviewer' });
  const signer = await openAs(browser, laptop, baseURL, 'signer');
  await approveReply(signer, shoot, id, TITLE, { menu: '待签发', done: '已签发', step: 'signer' });

  await deputy.goto(`/deputy/suggestions/${id}`);
  await deputy
    .getByRole('article', { name: `${UNIT}答复函` })
    .first()
    .waitFor();
  await deputy.getByText('电话联系刘建华代表').waitFor();
  await shoot(deputy, 'deputy-reads-reply');
  await rate(deputy, shoot, id, {
    attitude: '满意',
    result: '不满意',
    comment: '答复未说明本县路段何时改造，请明确时间表。',
    step: 'deputy-rates-unsatisfied',
  });
  await deputy.getByText('重新办理中').first().waitFor();
  await shoot(deputy, 'deputy-rehandling');

  await handler.goto(`/unit/suggestions/${id}`);
  await handler.getByText('重新办理答复').waitFor();
  await handler.getByText('答复未说明本县路段何时改造').first().waitFor();
  await recordContact(handler, '上门走访刘建华代表，说明本县路段改造计划。');
  await draftAndSubmitReply(
    handler,
    shoot,
    {
      classCode: 'A1',
      body: '经再次研究并当面听取您的意见，您所提路段已列入2026年第一批改造计划，将于年底前完工，我厅将全程跟踪并向您通报进度。',
    },
    'unit-rehandles',
  );
  await approveReply(reviewer, shoot, id, TITLE, { menu: '待审核', done: '已审核通过', step: 'reviewer-again' });
  await approveReply(signer, shoot, id, TITLE, { menu: '待签发', done: '已签发', step: 'signer-again' });

  await rate(deputy, shoot, id, { attitude: '满意', result: '满意', step: 'deputy-rates-satisfied' });
  await deputy.getByText('已办结').first().waitFor();
  await shoot(deputy, 'deputy-closed');

  await office.goto(`/office/suggestions/${id}`);
  await office.getByRole('button', { name: '公开', exact: true }).click();
  await confirm(office, '公开');
  await toast(office, '已公开');
  await shoot(office, 'office-published');
  // The office's rules page carries the holiday calendar that working-day windows count by.
  await office.getByRole('menuitem', { name: '办理规则' }).click();
  await office.getByText('节假日安排').waitFor();
  await office.getByRole('button', { name: /^保存\d{4}年安排$/ }).waitFor();
  await shoot(office, 'office-rules-calendar');

  const publicContext = await browser.newContext({ ...laptop, baseURL });
  const visitor = await publicContext.newPage();
  await visitor.goto('/portal');
  await visitor.getByRole('searchbox').fill('农村公路提质改造');
  await visitor.getByRole('button', { name: '搜索' }).click();
  await visitor.getByRole('link', { name: TITLE }).waitFor();
  await shoot(visitor, 'portal-search');
  await visitor.getByRole('link', { name: TITLE }).click();
  await visitor.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await visitor.getByRole('heading', { name: '办理答复' }).waitFor();
  const letters = visitor.getByRole('article');
  assert.equal(await letters.count(), 2, 'both reply letters are public');
  await visitor.getByText('办理结果：满意').waitFor();
  await shoot(visitor, 'portal-detail');
  for (const p of [deputy, office, handler, reviewer, signer, visitor]) await p.context().close();
  return id;
}
