/**
 * In-app PDF preview (renderer/components/PdfPreview, pdf.js bundled with its worker) in Debian Chromium:
 * a real notice generated in the app is drawn on canvas, compared band by band with poppler's rendering of the
 * same file (so missing Chinese glyphs would show), within the CSP, nothing fetched from elsewhere; a
 * three-page batch of certificates is drawn lazily and paged with the keyboard.
 * Screens go to test-results/screens/pdf-preview-*.png for people to look at.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, type DeskHost } from './fixtures/host.js';
import { openDesk, screenshot } from './fixtures/desk-page.js';
import { rpc, seedDesignatedCenters, shanghaiDate } from './fixtures/seed-centers.js';
import { makeUscc } from '../helpers/applications.js';

const BANDS = 24;

/** Share of dark pixels in each horizontal band of the first canvas of the preview, and the canvas size. */
async function canvasInk(preview: Locator): Promise<{ width: number; height: number; bands: number[]; ink: number; red: number }> {
  return preview
    .locator('canvas')
    .first()
    .evaluate((el, bands) => {
      const canvas = el as HTMLCanvasElement;
      const { width, height } = canvas;
      const px = canvas.getContext('2d')!.getImageData(0, 0, width, height).data;
      const dark = new Array<number>(bands).fill(0);
      let red = 0;
      for (let y = 0; y < height; y++) {
        const band = Math.min(bands - 1, Math.floor((y * bands) / height));
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 4;
          const [r, g, b] = [px[i]!, px[i + 1]!, px[i + 2]!];
          if (0.299 * r + 0.587 * g + 0.114 * b < 160) dark[band]!++;
          if (r > 160 && g < 90 && b < 90) red++;
        }
      }
      const perBand = (width * height) / bands;
      return { width, height, bands: dark.map((d) => d / perBand), ink: dark.reduce((a, b) => a + b, 0) / (width * height), red };
    }, BANDS);
}

/** The same measure on poppler's grey rendering of the file at the canvas's pixel size. */
function popplerInk(pdf: string, width: number, height: number): { bands: number[]; ink: number } {
  const pgm = execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-gray', '-scale-to-x', String(width), '-scale-to-y', String(height), pdf], {
    maxBuffer: 64 * 1024 * 1024,
  });
  // P5 <w> <h> <max>\n then one byte per pixel
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const [w, h] = [Number(header[1]), Number(header[2])];
  const data = pgm.subarray(header[0].length);
  const dark = new Array<number>(BANDS).fill(0);
  for (let y = 0; y < h; y++) {
    const band = Math.min(BANDS - 1, Math.floor((y * BANDS) / h));
    for (let x = 0; x < w; x++) if (data[y * w + x]! < 160) dark[band]!++;
  }
  const perBand = (w * h) / BANDS;
  return { bands: dark.map((d) => d / perBand), ink: dark.reduce((a, b) => a + b, 0) / (w * h) };
}

function correlation(a: number[], b: number[]): number {
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const [ma, mb] = [mean(a), mean(b)];
  let [num, da, db] = [0, 0, 0];
  a.forEach((x, i) => {
    num += (x - ma) * (b[i]! - mb);
    da += (x - ma) ** 2;
    db += (b[i]! - mb) ** 2;
  });
  return num / Math.sqrt(da * db);
}

function pdfPages(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString('utf8'))?.[1]);
}

/** The exported file named in an ExportResult banner. */
async function exportedPath(host: DeskHost, result: Locator): Promise<string> {
  const text = (await result.textContent()) ?? '';
  const name = /已导出[^：]*：(.+\.pdf)（/.exec(text)?.[1];
  expect(name, text).toBeTruthy();
  return path.join(host.dataDir, 'exports', name!);
}

/** Script errors, CSP reports and any request that leaves the desk's own origin. */
function watch(page: Page, host: DeskHost): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy|Refused to/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(`${host.origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:')) problems.push(`request: ${u}`);
  });
  return problems;
}

test('受理通知书生成后在程序内预览：画布有内容、与 poppler 一致、页数正确、仍在 CSP 之内', async ({ page, host }) => {
  test.setTimeout(120_000);
  const problems = watch(page, host);
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
    applicant: {
      name,
      uscc: makeUscc(7),
      unitType: 'enterprise',
      legalRepresentative: '林某',
      contact: '陈某',
      phone: '13800000000',
      address: '福州市鼓楼区软件大道89号',
      district: '鼓楼区',
      industry: '纺织化纤',
    },
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
  const pdf = await exportedPath(host, banner.getByTestId('export-result'));

  await banner.getByTestId('export-preview').click();
  const dialog = page.getByRole('dialog', { name: /^预览：受理通知书/ });
  await expect(dialog).toBeVisible();
  const preview = dialog.getByTestId('pdf-preview');
  await expect(preview.locator('[data-page="1"] [data-rendered="true"] canvas')).toHaveCount(1);
  await expect(preview.getByTestId('pdf-loading')).toHaveCount(0);
  const pages = pdfPages(pdf);
  await expect(preview.getByTestId('pdf-page-count')).toHaveText(`共 ${pages} 页`);
  await expect(preview.getByTestId('pdf-current-page')).toHaveText(`第 1 / ${pages} 页`);
  await expect(dialog.getByTestId('pdf-pages')).toBeFocused();

  // Drawn: dark text on white, the red header in red; and it matches poppler's rendering of the same file
  // band by band (Chinese glyphs missing, or drawn in a fallback font, would change the bands).
  const shown = await canvasInk(preview);
  expect(shown.ink).toBeGreaterThan(0.005);
  expect(shown.red).toBeGreaterThan(500);
  const reference = popplerInk(pdf, shown.width, shown.height);
  expect(Math.abs(shown.ink - reference.ink) / reference.ink).toBeLessThan(0.35);
  expect(correlation(shown.bands, reference.bands)).toBeGreaterThan(0.9);
  test.info().annotations.push({
    type: 'ink',
    description: JSON.stringify({
      shown: shown.ink,
      poppler: reference.ink,
      red: shown.red,
      r: correlation(shown.bands, reference.bands),
    }),
  });
  await screenshot(page, 'pdf-preview-notice');

  // 100 %: an A4 page is 595.28 pt wide, 793.7 CSS px on screen.
  await preview.getByText('100%', { exact: true }).click();
  await expect
    .poll(async () => Math.round(await preview.locator('[data-page="1"]').evaluate((el) => el.getBoundingClientRect().width)))
    .toBe(794);
  await expect(preview.locator('[data-page="1"] [data-rendered="true"] canvas')).toHaveCount(1);
  await screenshot(page, 'pdf-preview-notice-100');
  // 整页: the whole page in view.
  await preview.getByText('整页', { exact: true }).click();
  await expect
    .poll(async () => {
      const pageBox = await preview.locator('[data-page="1"]').boundingBox();
      const viewBox = await dialog.getByTestId('pdf-pages').boundingBox();
      return pageBox && viewBox ? pageBox.y >= viewBox.y && pageBox.y + pageBox.height <= viewBox.y + viewBox.height : false;
    })
    .toBe(true);
  await expect(preview.locator('[data-page="1"] [data-rendered="true"] canvas')).toHaveCount(1);
  await screenshot(page, 'pdf-preview-notice-page');

  // The CSP still refuses remote content while the preview runs.
  const remote = await page.evaluate(() =>
    fetch('https://example.com/probe.pdf').then(
      () => 'loaded',
      () => 'blocked',
    ),
  );
  expect(remote).toBe('blocked');
  const remoteProblems = problems.filter((p) => p.includes('example.com'));
  expect(remoteProblems.length).toBeGreaterThan(0); // the CSP report (and the attempt) were seen
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(problems.filter((p) => !p.includes('example.com'))).toEqual([]);
});

test('三页的本批证书：只绘制可见附近的页，PageUp/PageDown/End 翻页', async ({ page, host }) => {
  test.setTimeout(180_000);
  const problems = watch(page, host);
  await openDesk(page, host, '#/designation');
  await seedDesignatedCenters(page, host);
  await page.reload();
  await page.getByRole('button', { name: '批量打印证书' }).click();
  const result = page.getByRole('main').getByTestId('export-result');
  await expect(result).toContainText('本批证书');
  const pdf = await exportedPath(host, result);
  expect(pdfPages(pdf)).toBe(3);

  await result.getByTestId('export-preview').click();
  const dialog = page.getByRole('dialog', { name: /^预览：/ });
  const preview = dialog.getByTestId('pdf-preview');
  await expect(preview.getByTestId('pdf-page-count')).toHaveText('共 3 页');
  await expect(preview.locator('[data-page="1"] [data-rendered="true"] canvas')).toHaveCount(1);
  // The third page is more than a screen below: not drawn yet.
  await expect(preview.locator('[data-page="3"] canvas')).toHaveCount(0);
  await screenshot(page, 'pdf-preview-certificates');

  const pagesBox = dialog.getByTestId('pdf-pages');
  await expect(pagesBox).toBeFocused();
  await page.keyboard.press('PageDown');
  await expect(preview.getByTestId('pdf-current-page')).toHaveText('第 2 / 3 页');
  await page.keyboard.press('End');
  await expect(preview.getByTestId('pdf-current-page')).toHaveText('第 3 / 3 页');
  await expect(preview.locator('[data-page="3"] [data-rendered="true"] canvas')).toHaveCount(1);
  const third = await preview.locator('[data-page="3"] canvas').evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i]! + d[i + 1]! + d[i + 2]! < 480) dark++;
    return dark;
  });
  expect(third).toBeGreaterThan(1000);
  await page.keyboard.press('PageUp');
  await expect(preview.getByTestId('pdf-current-page')).toHaveText('第 2 / 3 页');
  await page.keyboard.press('Home');
  await expect(preview.getByTestId('pdf-current-page')).toHaveText('第 1 / 3 页');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(problems).toEqual([]);
});

test('导出的文件已被删除：预览显示中文错误；数据文件夹外的路径被拒绝', async ({ page, host }) => {
  const problems = watch(page, host);
  await openDesk(page, host, '#/batches');
  const year = Number(shanghaiDate().slice(0, 4));
  await rpc(page, host, 'batches.create', { year, title: `${year}年第一批`, opensOn: `${year}-01-01`, closesOn: `${year}-12-31` });
  await page.reload();
  await page.getByRole('button', { name: '导出PDF' }).click();
  const result = page.getByRole('main').getByTestId('export-result');
  await expect(result).toContainText('.pdf');
  const pdf = await exportedPath(host, result);
  expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await rm(pdf);
  await result.getByTestId('export-preview').click();
  const dialog = page.getByRole('dialog', { name: /^预览：/ });
  await expect(dialog.getByTestId('pdf-error')).toContainText('无法显示预览');
  await expect(dialog.getByTestId('pdf-error')).toContainText(`文件“${path.basename(pdf)}”在导出文件夹中找不到`);
  await expect(dialog.getByTestId('pdf-loading')).toHaveCount(0);
  await screenshot(page, 'pdf-preview-missing');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  const dir = await mkdtemp(path.join(os.tmpdir(), 'desk-e2e-outside-'));
  try {
    const outside = await page.request.post(`${host.origin}/rpc/files.readExport`, { data: { path: path.join(dir, 'x.pdf') } });
    const body = (await outside.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(body.error.message).toContain('只能预览数据文件夹');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  expect(problems).toEqual([]);
});
