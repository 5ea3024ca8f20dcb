/**
 * 另存为 OFD from the preview pane (issue 14, item 3), web host in Debian Chromium at 1366×768, keyboard
 * first: the clerk prints a 受理通知书 (the first print takes its 发文字号), opens it in the preview, Tabs from
 * 下载 to 另存为 OFD and presses Enter. The pane says where the OFD went; it is the same document (the same
 * number in its name and text, the counters untouched), and the independent reader ofd.js draws its text
 * where poppler finds it in the PDF (fixtures/ofd-reader.ts). Screens: test-results/screens/ofd-preview-*.png.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { test, expect, type DeskHost } from './fixtures/host.js';
import { openDesk, screenshot } from './fixtures/desk-page.js';
import { rpc, shanghaiDate } from './fixtures/seed-centers.js';
import { expectSamePlaces, renderWithOfdJs } from './fixtures/ofd-reader.js';
import { fullApplicant } from '../helpers/applications.js';
import { readOfd } from '../helpers/ofd.js';

/** The file a download link points at, read through the web host. */
async function download(host: DeskHost, link: Locator): Promise<{ name: string; data: Buffer }> {
  const href = (await link.getAttribute('href'))!;
  const name = decodeURIComponent(href.split('/').pop()!.split('?')[0]!);
  const res = await link.page().request.get(`${host.origin}${href}`);
  expect(res.ok()).toBe(true);
  return { name, data: await res.body() };
}

const counters = (host: DeskHost): string => readFileSync(path.join(host.dataDir, 'store', 'counters.json'), 'utf8');

test('受理通知书的预览窗格：另存为 OFD（同一文号、不另取号），ofd.js 打开后文字位置与 PDF 相差不到 1 毫米', async ({
  page,
  host,
  context,
}) => {
  test.setTimeout(150_000);
  await openDesk(page, host, '#/applications');
  const year = Number(shanghaiDate().slice(0, 4));
  const batch = await rpc<{ id: string }>(page, host, 'batches.create', {
    year,
    title: `${year}年第一批产业知识产权协同保护与运营中心申报`,
    opensOn: `${year}-01-01`,
    closesOn: `${year}-12-31`,
  });
  const name = '福州闽江纺织科技有限公司';
  const app = await rpc<{ id: string }>(page, host, 'applications.create', {
    batchId: batch.id,
    applicant: fullApplicant(name, 7),
    proposedCenterName: '福州市纺织化纤产业知识产权协同保护与运营中心',
  });
  await rpc(page, host, 'applications.submit', { id: app.id, acknowledgeMissing: true });
  await rpc(page, host, 'formalReview.accept', { applicationId: app.id });
  await page.reload();

  await page.locator('.ant-table-tbody .ant-table-row').filter({ hasText: name }).click();
  const drawer = page.locator('.ant-drawer');
  await drawer.getByRole('tab', { name: '形式审查' }).click();
  await drawer.getByRole('button', { name: '生成受理通知书' }).click();
  await page.getByTestId('confirm-number-ok').click(); // the first print takes the number shown
  const banner = drawer.getByTestId('notice-banner');
  await expect(banner).toContainText('受理通知书');
  const docNumber = `榕市监知〔${year}〕1号`;
  const pdf = await download(host, banner.getByTestId('export-download'));
  expect(pdf.name).toContain(docNumber);
  // The export message offers it too, beside 预览 and 打印.
  await expect(banner.getByRole('button', { name: '另存为 OFD' })).toBeVisible();
  await screenshot(page, 'ofd-preview-banner');
  const numbered = counters(host);

  // Keyboard: 预览 (Enter), then from 下载 one Tab to 另存为 OFD, Enter.
  await banner.getByTestId('export-preview').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /^预览：受理通知书/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('[data-page="1"] [data-rendered="true"] canvas')).toHaveCount(1);
  await screenshot(page, 'ofd-preview-pane');
  await dialog.getByTestId('preview-download').focus();
  await page.keyboard.press('Tab');
  const save = dialog.getByRole('button', { name: '另存为 OFD' });
  await expect(save).toBeFocused();
  await expect(save).toHaveAttribute('title', /GB\/T 33190/);
  await page.keyboard.press('Enter');
  const result = dialog.getByTestId('ofd-result');
  await expect(result).toContainText(`已导出受理通知书（OFD）：受理通知书-${name}-${docNumber}`);
  await expect(result).toContainText('.ofd（');
  await expect(dialog.getByTestId('pdf-pages')).toBeVisible(); // the pages stay in view below the message
  await screenshot(page, 'ofd-preview-pane-saved');

  // The same document: the PDF's name with .ofd, the number in its text, no number taken.
  const ofd = await download(host, result.getByTestId('ofd-download'));
  expect(ofd.name).toBe(pdf.name.replace(/\.pdf$/, '.ofd'));
  expect(counters(host)).toBe(numbered);
  const read = await readOfd(ofd.data);
  const text = read
    .chars()
    .map((c) => c.char)
    .join('');
  expect(text).toContain(docNumber);
  expect(text).toContain('受理通知书');
  const again = await rpc<{ docNumber: string; reprint: boolean }>(page, host, 'formalReview.previewNotice', { applicationId: app.id });
  expect(again).toMatchObject({ docNumber, reprint: true });

  // Esc closes the pane; the independent reader draws the OFD where poppler finds the PDF's words.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  const reader = await context.newPage();
  const drawn = await renderWithOfdJs(reader, ofd.data, 210, 'ofd-preview-acceptance');
  expectSamePlaces(pdf.data, drawn, 'ofd-preview-acceptance');
});
