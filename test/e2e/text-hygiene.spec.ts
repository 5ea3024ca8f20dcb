/**
 * Clean text at the boundary, as the clerk sees it: a bidi override or a character no font can print is
 * refused with a Chinese message under the field it is in (单位名称, 专家姓名), and nothing is saved.
 */
import type { Page } from '@playwright/test';
import { test, expect, type DeskHost } from './fixtures/host.js';
import { openDesk, screenshot } from './fixtures/desk-page.js';

async function createOpenBatch(page: Page, host: DeskHost): Promise<void> {
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
  const res = await page.request.post(`${host.origin}/rpc/batches.create`, {
    data: { year, title: `${year}年第一批产业知识产权协同保护与运营中心申报`, opensOn: `${year}-01-01`, closesOn: `${year}-12-31` },
  });
  expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
}

test('a bidi override in 单位名称 and 𠈌 in 专家姓名 are named under their fields', async ({ page, host }) => {
  test.setTimeout(90_000);
  await openDesk(page, host, '#/applications');
  await createOpenBatch(page, host);
  await page.reload();

  await page.getByRole('button', { name: '新增申报' }).click();
  const drawer = page.locator('.ant-drawer');
  await drawer.getByLabel('单位名称').fill('福州闽江\u202e司公限有技科');
  await drawer.getByLabel('统一社会信用代码').fill('91350100M000100Y43');
  await page.keyboard.press('Enter');
  const nameItem = drawer.locator('.ant-form-item').filter({ has: page.getByLabel('单位名称') });
  await expect(nameItem.locator('.ant-form-item-explain-error')).toHaveText('单位名称含有不可见的控制字符（U+202E），请删除后重新输入。');
  await screenshot(page, 'text-hygiene-application');
  await expect(drawer.getByTestId('application-status')).toHaveCount(0);

  await page.evaluate(() => (window.location.hash = '#/review/experts'));
  await page.getByRole('button', { name: '新增专家' }).click();
  const dialog = page.getByRole('dialog', { name: '新增专家' });
  await dialog.getByLabel('姓名').fill('林𠈌');
  await dialog.getByLabel('工作单位').fill('福州大学');
  await dialog.getByLabel('工作单位').press('Enter');
  const expertName = dialog.locator('.ant-form-item').filter({ has: page.getByLabel('姓名') });
  await expect(expertName.locator('.ant-form-item-explain-error')).toHaveText('专家姓名中的“𠈌”（U+2020C）无法打印：本机字体不含此字。');
  await screenshot(page, 'text-hygiene-expert');
  const list = (await (await page.request.post(`${host.origin}/rpc/experts.list`, { data: {} })).json()) as { value: unknown[] };
  expect(list.value).toEqual([]);
});
