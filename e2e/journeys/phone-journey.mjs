// (c) The deputy on a phone (375 × 812): write, submit, follow, read the reply, rate.
import assert from 'node:assert/strict';
import { camera, phone } from '../support/browser.mjs';
import { horizontalOverflow, openAs } from '../support/ui.mjs';
import { assign, replyThroughChain } from './setup.mjs';
import { rate, writeAndSubmit } from './steps.mjs';

const TITLE = '关于在乡镇卫生院增设夜间门诊的建议';

export async function phoneJourney(browser, baseURL, log) {
  const shoot = camera('phone');
  log(`screenshots: ${shoot.dir}`);
  const deputy = await openAs(browser, phone, baseURL, 'deputy');
  const fits = async (where) =>
    assert.ok((await horizontalOverflow(deputy)) <= 0, `${where}: the page is wider than the phone`);
  await deputy.getByRole('heading', { name: '我的建议' }).waitFor();
  await shoot(deputy, 'my-suggestions');
  await fits('my suggestions');
  const id = await writeAndSubmit(deputy, shoot, {
    title: TITLE,
    category: '医疗卫生',
    body: '农村群众夜间就医需赶往县城，路远不便。建议在人口较多的乡镇卫生院增设夜间门诊，配齐值班医生和常用药品，并纳入绩效考核。',
  });
  await fits('after submit');
  await shoot(deputy, 'submitted');

  await deputy.getByRole('link', { name: '我的建议' }).first().click();
  await deputy.getByRole('link', { name: TITLE }).waitFor();
  await shoot(deputy, 'follows-in-list');

  await assign(baseURL, id, '湖南省交通运输厅');
  await deputy.reload();
  await deputy.getByRole('link', { name: TITLE }).click();
  await deputy.getByText('湖南省交通运输厅').first().waitFor();
  await shoot(deputy, 'assigned');
  await fits('assigned');

  await replyThroughChain(
    baseURL,
    id,
    '您的建议很有针对性。我们将在全省选择50个中心乡镇卫生院试点开设夜间门诊，配备值班医生，2026年底前完成。',
  );
  await deputy.reload();
  await deputy.getByRole('article').first().waitFor();
  await deputy.getByRole('article').first().scrollIntoViewIfNeeded();
  await shoot(deputy, 'reads-reply');
  await fits('reply');
  await rate(deputy, shoot, id, { attitude: '很满意', result: '满意', step: 'rates' });
  await deputy.getByText('已办结').first().waitFor();
  await shoot(deputy, 'closed');
  await fits('closed');
}
