// The steps of a suggestion's life as each role does them in the browser.
import assert from 'node:assert/strict';
import { chinaDay, confirm, dialog, pick, setDate, toast } from '../support/ui.mjs';

/** The deputy writes a suggestion and submits it; returns its id. */
export async function writeAndSubmit(page, shoot, { title, category, body }) {
  await page.getByRole('link', { name: '写建议' }).first().click();
  await page.getByRole('heading', { name: '写建议' }).waitFor();
  await page.getByLabel('标题').fill(title);
  await pick(page, page, '类别', category);
  await page.getByLabel('正文').fill(body);
  await shoot(page, 'deputy-writes');
  await page.getByRole('button', { name: '保存并提交' }).click();
  await toast(page, '建议已提交');
  await page.waitForURL(/\/deputy\/suggestions\/\d+$/);
  await page.getByText('待审核').first().waitFor();
  return Number(new URL(page.url()).pathname.split('/').pop());
}

/** The office registers it (gives it its number) and assigns it to one unit. */
export async function registerAndAssign(page, shoot, id, unitName) {
  await page.goto(`/office/suggestions/${id}`);
  await page.getByRole('button', { name: '立案', exact: true }).click();
  await confirm(page, '立案');
  await toast(page, '已立案并编号');
  await page.getByText('已立案待交办').first().waitFor();
  await page.getByRole('button', { name: '交办', exact: true }).click();
  const d = dialog(page, '交办');
  await pick(d, page, '承办单位', unitName);
  await shoot(page, 'office-assigns', { fullPage: false });
  await d.getByRole('button', { name: '交办', exact: true }).click();
  await toast(page, '交办已处理');
  await page.getByText('办理中').first().waitFor();
}

/** The unit's handler signs for it (三定). */
export async function acknowledge(page, id) {
  await page.goto(`/unit/suggestions/${id}`);
  await page.getByRole('button', { name: '签收', exact: true }).click();
  const d = dialog(page, '签收并确定经办人、办理计划（三定）');
  await d.getByLabel('联系电话').fill('0731-88888888');
  await d.getByLabel('办理计划').fill('会同有关处室研究，走访代表，一个月内提出办理意见。');
  await setDate(d, '计划答复日期', chinaDay(30));
  await d.getByRole('button', { name: '签收', exact: true }).click();
  await toast(page, '已签收');
}

/** The handler logs a contact with the deputy. */
export async function recordContact(page, summary) {
  await page.getByRole('button', { name: '登记沟通' }).click();
  const d = dialog(page, '登记与代表的沟通联系');
  await d.getByLabel('沟通情况').fill(summary);
  await d.getByRole('button', { name: '确定' }).click();
  await toast(page, '沟通记录已登记');
}

/** The handler drafts the reply and sends it up the chain. */
export async function draftAndSubmitReply(page, shoot, { classCode, body, planned }, step) {
  await pick(page, page, '答复分类', classCode);
  await page.getByLabel('答复正文').fill(body);
  // B-class (and A2) replies carry the promise that goes on the ledger.
  if (planned) await page.getByLabel('计划做的（含时间）').fill(planned);
  await shoot(page, step);
  await page.getByRole('button', { name: '保存答复草稿' }).click();
  await toast(page, '答复草稿已保存');
  await page.getByRole('button', { name: '答复送审' }).click();
  await confirm(page, '送审');
  await toast(page, '答复已送审');
}

/** A reviewer or signer finds it in 待审核/待签发 and approves it. */
export async function approveReply(page, shoot, id, title, { menu, done, step }) {
  await page.goto('/unit');
  await page.getByRole('menuitem', { name: menu }).click();
  await page.getByRole('link', { name: title }).waitFor();
  await shoot(page, `${step}-list`, { fullPage: false });
  await page.getByRole('link', { name: title }).click();
  await page.waitForURL(new RegExp(`/unit/suggestions/${id}$`));
  // The page settles first: a click while the detail is still being fetched can be lost.
  await page.waitForLoadState('networkidle');
  await page.getByRole('button', { name: '审核答复' }).click();
  const box = dialog(page, '审核答复');
  await box.getByRole('button', { name: '确定' }).waitFor();
  await page.waitForLoadState('networkidle');
  // The answer of the review itself, so that a refusal is reported with its message rather than
  // as a missing toast; a click the still-settling dialog swallowed is given once more.
  const review = (r) => r.url().endsWith(`/api/suggestions/${id}/reply/review`) && r.request().method() === 'POST';
  let answer = page.waitForResponse(review, { timeout: 8_000 });
  await box.getByRole('button', { name: '确定' }).click();
  const first = await answer.catch(() => null);
  if (!first) {
    answer = page.waitForResponse(review, { timeout: 20_000 });
    await box.getByRole('button', { name: '确定' }).click();
  }
  const res = first ?? (await answer);
  assert.ok(res.ok(), `审核答复 answered ${res.status()}: ${await res.text()}`);
  await toast(page, done);
}

/** The deputy rates the reply (attitude and result). */
export async function rate(page, shoot, id, { attitude, result, comment, step }) {
  await page.goto(`/deputy/suggestions/${id}`);
  const form = page.locator('form', { has: page.getByText('办理态度') }).first();
  await form.waitFor();
  await form.locator('.ant-form-item', { hasText: '办理态度' }).getByText(attitude, { exact: true }).click();
  await form.locator('.ant-form-item', { hasText: '办理结果' }).getByText(result, { exact: true }).click();
  if (comment) await form.getByRole('textbox').fill(comment);
  await shoot(page, step);
  await form.getByRole('button', { name: '提交测评' }).click();
  await toast(page, '测评已提交');
}

export function assertUrl(page, re) {
  assert.match(new URL(page.url()).pathname, re);
}
