/**
 * OFD beside PDF, checked with a reader the project did not write: the 认定通知 and a certificate are exported
 * through the decision card's buttons (PDF and OFD), then the OFD is opened with the npm `ofd.js` viewer
 * (0.2.6, pure JavaScript: jszip + its own XML reading, drawn as positioned SVG text and paths) on a standalone
 * page in Chromium. Every word poppler finds in the PDF (pdftotext -bbox) must be drawn by ofd.js at the same
 * place within 1 mm. Screens: test-results/screens/ofd-*.png (the ofd.js render and, beside it, the PDF).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, screenPath, type DeskHost } from './fixtures/host.js';
import { openDesk, screenshot } from './fixtures/desk-page.js';
import { seedDesignatedCenters } from './fixtures/seed-centers.js';
import { expectSamePlaces, renderWithOfdJs } from './fixtures/ofd-reader.js';

/** Clicks an export button and returns the exported file (read through the download link). */
async function exported(page: Page, host: DeskHost, button: Locator, ext: string): Promise<{ name: string; data: Buffer }> {
  const result = page.getByRole('main').getByTestId('export-result');
  const before = (await result.count()) ? await result.textContent() : null;
  await button.click();
  await expect.poll(async () => ((await result.count()) ? await result.textContent() : null), { timeout: 60_000 }).not.toBe(before);
  const href = (await result.getByTestId('export-download').getAttribute('href'))!;
  const name = decodeURIComponent(href.split('/').pop()!.split('?')[0]!);
  expect(name.endsWith(ext), name).toBe(true);
  return { name, data: await (await page.request.get(`${host.origin}${href}`)).body() };
}

test('认定通知与证书的 OFD：独立阅读器 ofd.js 打开，文字位置与 PDF 相差不到 1 毫米', async ({ page, host, context }) => {
  test.setTimeout(180_000);
  mkdirSync(path.dirname(screenPath('x')), { recursive: true });
  await openDesk(page, host, '#/designation');
  await seedDesignatedCenters(page, host);
  await page.reload();
  const card = page.getByTestId('decision-card');
  await expect(card.getByRole('button', { name: '认定通知OFD' })).toBeVisible();

  const noticePdf = await exported(page, host, card.getByRole('button', { name: '认定通知PDF' }), '.pdf');
  const noticeOfd = await exported(page, host, card.getByRole('button', { name: '认定通知OFD' }), '.ofd');
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'ofd-decision-card');
  // The same issued document: the same 发文字号 in both names.
  expect(noticeOfd.name.replace(/\.ofd$/, '')).toBe(noticePdf.name.replace(/\.pdf$/, ''));
  const certOfdButton = card.getByRole('button', { name: /^证书OFD（/ }).first();
  const certPdf = await exported(page, host, card.getByTestId('decision-centers').getByRole('button', { name: '证书' }).first(), '.pdf');
  const certOfd = await exported(page, host, certOfdButton, '.ofd');
  expect(certOfd.name.replace(/\.ofd$/, '')).toBe(certPdf.name.replace(/\.pdf$/, ''));

  const reader = await context.newPage();
  const noticeDrawn = await renderWithOfdJs(reader, noticeOfd.data, 210, 'ofd-notice');
  expectSamePlaces(noticePdf.data, noticeDrawn, 'ofd-notice');
  const certDrawn = await renderWithOfdJs(reader, certOfd.data, 297, 'ofd-certificate');
  expectSamePlaces(certPdf.data, certDrawn, 'ofd-certificate');
});
