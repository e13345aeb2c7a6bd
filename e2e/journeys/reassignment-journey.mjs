// (b) A unit asks within the window to move a suggestion; the office accepts; the new unit
// sees it in its inbox and the old unit no longer sees it at all.
import { camera, laptop } from '../support/browser.mjs';
import { dialog, openAs, pick, toast } from '../support/ui.mjs';
import { assignedSuggestion } from './setup.mjs';

const TITLE = '关于改善城区老旧小区停车条件的建议';
const NEW_UNIT = '湖南省住房和城乡建设厅';

export async function reassignmentJourney(browser, baseURL, log) {
  const shoot = camera('reassignment');
  log(`screenshots: ${shoot.dir}`);
  const id = await assignedSuggestion(baseURL, {
    title: TITLE,
    body: '城区老旧小区停车位严重不足，车辆占用消防通道现象普遍。建议统筹利用小区周边空地建设停车设施，推进老旧小区改造同步配建停车位。',
    unitName: '湖南省交通运输厅',
  });

  const handler = await openAs(browser, laptop, baseURL, 'handler');
  await handler.getByRole('link', { name: TITLE }).click();
  await handler.waitForURL(new RegExp(`/unit/suggestions/${id}$`));
  await handler.getByRole('button', { name: '申请调整承办单位' }).click();
  const ask = dialog(handler, '申请调整承办单位');
  await ask
    .getByLabel('调整理由')
    .fill('老旧小区停车设施建设属住房和城乡建设部门职责，建议改由省住房和城乡建设厅办理。');
  await pick(ask, handler, '建议改由哪个单位办理（可选）', NEW_UNIT);
  await shoot(handler, 'unit-asks', { fullPage: false });
  await ask.getByRole('button', { name: '提交申请' }).click();
  await toast(handler, '调整申请已提交');
  await shoot(handler, 'unit-asked');

  const office = await openAs(browser, laptop, baseURL, 'office');
  await office.getByRole('menuitem', { name: '调整与延期' }).click();
  const row = office.getByRole('row', { name: new RegExp(TITLE) });
  await row.getByText(NEW_UNIT).waitFor();
  await shoot(office, 'office-queue', { fullPage: false });
  await row.getByRole('button', { name: '作出决定' }).click();
  const rule = dialog(office, '对调整申请作出决定');
  await rule.getByText(NEW_UNIT).waitFor();
  await shoot(office, 'office-rules', { fullPage: false });
  await rule.getByRole('button', { name: '确定' }).click();
  await toast(office, '已同意调整');

  const newUnit = await openAs(browser, laptop, baseURL, 'zjt_handler');
  await newUnit.getByRole('link', { name: TITLE }).waitFor();
  await shoot(newUnit, 'new-unit-inbox', { fullPage: false });
  await newUnit.getByRole('link', { name: TITLE }).click();
  await newUnit.getByRole('button', { name: '签收', exact: true }).waitFor();
  await shoot(newUnit, 'new-unit-detail');

  await handler.goto('/unit/handling?partState=all');
  await handler.getByRole('heading', { name: '本单位建议' }).waitFor();
  await handler
    .getByText(/共\d+件/)
    .first()
    .waitFor();
  if (await handler.getByRole('link', { name: TITLE }).count())
    throw new Error('the old unit still lists the suggestion');
  await handler.goto(`/unit/suggestions/${id}`);
  await handler.getByText(/不存在或无权查看/).waitFor();
  await shoot(handler, 'old-unit-no-longer');
}
