/**
 * Ways back (issue 13 item 2) in Chromium at 1366×768, keyboard-driven: withdraw a running publicity with a
 * reason (Esc on a typed reason asks first) and find it in 设置 › 操作日志; void a numbered 受理通知书 in
 * 年度档案 › 发文登记 and find the void in the audit log, in the register and on the application's record.
 * Screens: test-results/screens/back-*.png.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures/host.js';
import { openDesk, screenshot } from './fixtures/desk-page.js';
import { rpc, seedDesignatedCenters, seedScoredBatch, shanghaiDate } from './fixtures/seed-centers.js';

const APPS = [
  { name: '福建长乐纺织化纤集团有限公司', industry: '纺织化纤', district: '长乐区', share: 0.8 },
  { name: '福州数科信息技术有限公司', industry: '软件信息', district: '鼓楼区', share: 0.9 },
];

/** Tab forward until `target` has the focus (at most `max` presses). */
async function tabTo(page: Page, target: Locator, max = 8): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** In a reason dialog: type, try Esc (it asks; Enter keeps editing), then Tab to the OK button and press Enter. */
async function giveReason(page: Page, dialog: Locator, reason: string, ok: string): Promise<void> {
  await expect(dialog.getByRole('textbox')).toBeFocused();
  await page.keyboard.type(reason);
  await page.keyboard.press('Escape');
  const ask = page.getByRole('dialog').filter({ hasText: '有未保存的修改' });
  await expect(ask).toBeVisible();
  await expect(ask.getByRole('button', { name: '继续编辑' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ask).toBeHidden();
  await expect(dialog.getByRole('textbox')).toHaveValue(reason);
  await dialog.getByRole('textbox').focus();
  await tabTo(page, dialog.getByRole('button', { name: ok }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
}

async function auditRow(page: Page, text: string): Promise<Locator> {
  await page.getByRole('navigation', { name: '主导航' }).getByText('操作日志', { exact: true }).click();
  const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: text });
  await expect(row.first()).toBeVisible();
  return row.first();
}

test('撤回公示：填写理由，Esc先询问，撤回后可重新公示，操作日志记录理由', async ({ page, host }) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await openDesk(page, host, '#/designation');
  await rpc(page, host, 'settings.update', { operatorName: '王秘书' });
  const batchId = await seedScoredBatch(page, host, APPS);
  await rpc(page, host, 'publicity.create', {
    batchId,
    startsOn: shanghaiDate(-2),
    workingDays: 5,
    backdateReason: '公示已于该日在局网站发布，现补登记录',
  });
  await page.reload();
  const card = page.getByTestId('publicity-card');
  await expect(page.getByTestId('publicity-period')).toBeVisible();

  const button = card.getByRole('button', { name: '撤回公示' });
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: '撤回公示' });
  await expect(dialog).toContainText('批次回到“评审中”');
  const reason = '公示名单漏列一家单位，需重新公示';
  await page.keyboard.type(reason.slice(0, 4));
  await screenshot(page, 'back-withdraw-dialog');
  await dialog.getByRole('textbox').fill('');
  await giveReason(page, dialog, reason, '撤回公示');

  await expect(page.getByText('已撤回公示，批次回到“评审中”。')).toBeVisible();
  const history = page.getByTestId('withdrawn-publicities');
  await expect(history).toContainText(`由王秘书撤回，理由：${reason}`);
  await expect(card.getByRole('button', { name: /发起公示（2家）/ })).toBeVisible();
  expect((await rpc<{ status: string }>(page, host, 'batches.get', { id: batchId })).status).toBe('reviewing');
  await screenshot(page, 'back-withdrawn');

  const row = await auditRow(page, `理由：${reason}`);
  await expect(row).toContainText('撤回公示');
  await expect(row).toContainText('王秘书');
  await screenshot(page, 'back-audit-withdraw');
  expect(problems).toEqual([]);
});

test('作废已编号文书：发文登记中填写理由作废，记录、申报和操作日志显示作废', async ({ page, host }) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await openDesk(page, host, '#/archive');
  await rpc(page, host, 'settings.update', { operatorName: '王秘书' });
  const { batchId } = await seedDesignatedCenters(page, host);
  const appId = `${batchId}-0001`;
  await rpc(page, host, 'formalReview.notice', { applicationId: appId });
  const detail = await rpc<{ application: { applicant: { name: string }; formalReviews: { docNumber?: string }[] } }>(
    page,
    host,
    'applications.get',
    { id: appId },
  );
  const docNumber = detail.application.formalReviews.at(-1)!.docNumber!;
  await page.reload();

  const register = page.getByTestId('issued-documents');
  const voidButton = register.getByRole('button', { name: `作废 ${docNumber}` });
  await voidButton.scrollIntoViewIfNeeded();
  await voidButton.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `作废 ${docNumber}` });
  await expect(dialog).toContainText('不再使用');
  await expect(dialog).toContainText('不改变形式审查结论');
  const reason = '单位名称打印有误';
  await page.keyboard.type(reason);
  await screenshot(page, 'back-void-dialog');
  await dialog.getByRole('textbox').fill('');
  await giveReason(page, dialog, reason, '作废');

  const state = register.getByTestId(`void-state-${docNumber}`);
  await expect(state).toContainText('已作废');
  await expect(state).toContainText(`王秘书：${reason}`);
  await state.scrollIntoViewIfNeeded();
  await screenshot(page, 'back-void-register');

  // The record: the application's formal-review round shows the void; the act stands (已受理).
  await page.getByRole('navigation', { name: '主导航' }).getByText('申报登记', { exact: true }).click();
  await page.locator('.ant-table-tbody .ant-table-row').filter({ hasText: detail.application.applicant.name }).click();
  const drawer = page.locator('.ant-drawer');
  await drawer.getByRole('tab', { name: '形式审查' }).click();
  await expect(drawer.getByTestId('review-round-1')).toContainText('通知书已作废');
  await expect(drawer.getByTestId('application-status')).toHaveText('已受理');
  await screenshot(page, 'back-void-record');
  await page.keyboard.press('Escape');

  const row = await auditRow(page, `理由：${reason}`);
  await expect(row).toContainText('作废文书');
  await expect(row).toContainText(docNumber);
  await screenshot(page, 'back-audit-void');
  expect(problems).toEqual([]);
});
