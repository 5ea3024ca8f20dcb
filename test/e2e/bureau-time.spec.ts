/**
 * A browser on a computer in New York (UTC−5/−4) still sees bureau time (UTC+8): the times the desk shows and
 * the "today" / "this year" defaults of its forms.
 */
import { test, expect } from './fixtures/host.js';
import { openDesk } from './fixtures/desk-page.js';
import { bureauDateTimeTextOf } from '../../electron/core/domain/bureau-time.js';

test.use({ timezoneId: 'America/New_York' });

test('操作日志的时间按北京时间显示', async ({ page, host }) => {
  await openDesk(page, host, '#/settings');
  const form = page.getByRole('form', { name: '基本设置' });
  await form.getByLabel('操作人').fill('林晓明');
  await form.getByLabel('操作人').press('Enter');
  await expect(page.getByText('设置已保存。')).toBeVisible();

  const res = await page.request.post(`${host.origin}/rpc/audit.list`, { data: { limit: 1 } });
  const [entry] = ((await res.json()) as { value: { at: string }[] }).value;
  const bureauText = bureauDateTimeTextOf(entry!.at); // e.g. 2026年12月3日 17:41; New York's wall clock is 12–13 hours behind
  await page.evaluate(() => (window.location.hash = '#/settings/audit'));
  await expect(page.locator('.ant-table-tbody tr.ant-table-row').first()).toContainText(bureauText);
});

test('“今年”按北京时间：纽约仍是12月31日时，新建批次默认下一年', async ({ page, host }) => {
  // 2026-12-31 12:00 in New York is 2027-01-01 01:00 in the bureau.
  await page.clock.setFixedTime(new Date('2026-12-31T17:00:00.000Z'));
  await openDesk(page, host, '#/batches');
  await page.getByRole('button', { name: '新建批次' }).click();
  await expect(page.getByRole('dialog', { name: '新建申报批次' })).toBeVisible();
  await expect(page.locator('#year')).toHaveValue('2027');
});
