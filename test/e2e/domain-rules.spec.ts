/**
 * Submitting with missing materials asks first (the list from the core), and the 补正 dialog comes with the
 * missing items ticked and the deadline date shown before sending — keyboard-driven, 1366×768.
 * Screens go to test-results/screens/rules-*.png.
 */
import type { Page } from '@playwright/test';
import { test, expect, type DeskHost } from './fixtures/host.js';
import { openDesk, screenshot } from './fixtures/desk-page.js';

const NAME = '福州数科知识产权服务有限公司';
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const uscc = (first17: string) =>
  first17 + ALPHABET[(31 - ([...first17].reduce((s, c, i) => s + ALPHABET.indexOf(c) * WEIGHTS[i]!, 0) % 31)) % 31];
const pdf = (text: string) =>
  Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');

async function rpc<T>(page: Page, host: DeskHost, name: string, data: unknown): Promise<T> {
  const res = await page.request.post(`${host.origin}/rpc/${name}`, { data });
  const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  expect(body.ok, body.error?.message).toBe(true);
  return body.value;
}

/** Chinese date as the screens print it: 2026年3月17日. */
const cn = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

test('提交时列出缺少的材料并确认；补正对话框预先勾选缺项并显示截止日期', async ({ page, host }) => {
  test.setTimeout(120_000);
  await openDesk(page, host, '#/applications');
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
  await rpc(page, host, 'batches.create', { year, title: `${year}年第一批`, opensOn: `${year}-01-01`, closesOn: `${year}-12-31` });
  const app = await rpc<{ id: string }>(page, host, 'applications.create', {
    batchId: `${year}-1`,
    applicant: {
      name: NAME,
      uscc: uscc('91350100MA0000101'),
      unitType: 'enterprise',
      legalRepresentative: '林海',
      contact: '陈晓',
      phone: '0591-87654321',
      address: '福州市鼓楼区软件大道89号',
      district: '鼓楼区',
      industry: '软件信息',
    },
    proposedCenterName: '福州市软件信息产业知识产权协同保护与运营中心',
  });
  await page.reload();
  await page.locator('.ant-table-tbody .ant-table-row').filter({ hasText: NAME }).click();
  const drawer = page.locator('.ant-drawer');
  await expect(drawer.getByTestId('application-status')).toHaveText('草稿');

  // two of the seven items arrive; items 2, 3, 5 and 6 are still missing (7 is optional)
  await drawer.getByRole('tab', { name: /申报材料/ }).click();
  for (const no of [1, 4]) {
    await drawer
      .getByLabel(`上传第${no}项材料`)
      .setInputFiles({ name: `材料${no}.pdf`, mimeType: 'application/pdf', buffer: pdf(`item ${no}`) });
    await expect(drawer.getByTestId(`material-${no}`).getByTestId('material-file')).toHaveCount(1);
  }

  // 提交申报: the core lists the missing items and the clerk is asked; the focus starts on 返回补充材料
  await drawer.getByRole('button', { name: '提交申报' }).focus();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog').filter({ hasText: '申报材料尚缺4项，确认提交？' });
  await expect(confirm).toBeVisible();
  const list = confirm.getByTestId('submit-missing').locator('li');
  await expect(list).toHaveText([/^2\. 营业执照/, /^3\. 相关规章和管理制度/, /^5\. 中心办公场所证明/, /^6\. 产业知识产权工作情况/]);
  await expect(confirm.getByRole('button', { name: '返回补充材料' })).toBeFocused();
  await screenshot(page, 'rules-submit-missing');
  // Esc goes back to the materials: nothing submitted
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(drawer.getByTestId('application-status')).toHaveText('草稿');
  await expect(drawer.getByRole('tab', { name: /申报材料/, selected: true })).toBeVisible();

  // again, and this time Tab to 确认缺项并提交 and Enter
  await drawer.getByRole('button', { name: '提交申报' }).focus();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: '确认缺项并提交' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(drawer.getByTestId('application-status')).toHaveText('已提交');
  const audit = await rpc<{ method: string; summary: string }[]>(page, host, 'audit.list', { limit: 1, entity: `application:${app.id}` });
  expect(audit[0]).toMatchObject({ method: 'applications.submit' });
  expect(audit[0]!.summary).toContain('经确认尚缺材料提交：第2项');

  // 要求补正: the four missing items come ticked with a reason, item 1 does not; the deadline is shown before sending
  await drawer.getByRole('tab', { name: '形式审查' }).click();
  await drawer.getByRole('button', { name: '要求补正' }).click();
  const dialog = page.getByRole('dialog', { name: '要求补正' });
  for (const no of [2, 3, 5, 6]) {
    await expect(dialog.getByLabel(`补正第${no}项`)).toBeChecked();
    await expect(dialog.getByLabel(`第${no}项补正理由`)).toHaveValue('未提交该项材料');
  }
  for (const no of [1, 4, 7]) await expect(dialog.getByLabel(`补正第${no}项`)).not.toBeChecked();
  const five = await rpc<{ deadline: string }>(page, host, 'formalReview.supplementDeadline', { workingDays: 5 });
  const preview = dialog.getByTestId('supplement-deadline-preview');
  await expect(preview).toContainText(`今天发出，须于${cn(five.deadline)}前补正（5个工作日，自通知次日起算）`);
  await screenshot(page, 'rules-supplement-pretick');

  // keyboard: word item 5's reason, set 10 working days; the date follows, computed by the core
  await dialog.getByLabel('第5项补正理由').focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('租赁合同已过期，请提供有效的租赁合同');
  await dialog.getByLabel('补正期限（工作日）').focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('10');
  const ten = await rpc<{ deadline: string }>(page, host, 'formalReview.supplementDeadline', { workingDays: 10 });
  await expect(preview).toContainText(`须于${cn(ten.deadline)}前补正（10个工作日`);
  await screenshot(page, 'rules-supplement-ten-days');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(drawer.getByTestId('application-status')).toHaveText('待补正');
  await expect(drawer.getByTestId('supplement-deadline')).toHaveText(cn(ten.deadline));
  const round = drawer.getByTestId('review-round-1');
  for (const text of ['营业执照', '租赁合同已过期，请提供有效的租赁合同', '未提交该项材料']) await expect(round).toContainText(text);
  await screenshot(page, 'rules-supplement-sent');
});
