/**
 * OFD beside PDF, checked with a reader the project did not write: the 认定通知 and a certificate are exported
 * through the decision card's buttons (PDF and OFD), then the OFD is opened with the npm `ofd.js` viewer
 * (0.2.6, pure JavaScript: jszip + its own XML reading, drawn as positioned SVG text and paths) on a standalone
 * page in Chromium. Every word poppler finds in the PDF (pdftotext -bbox) must be drawn by ofd.js at the same
 * place within 1 mm. Screens: test-results/screens/ofd-*.png (the ofd.js render and, beside it, the PDF).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, repoRoot, screenPath, type DeskHost } from './fixtures/host.js';
import { openDesk, screenshot } from './fixtures/desk-page.js';
import { seedDesignatedCenters } from './fixtures/seed-centers.js';
import { pdfWords, toMm } from '../integration/documents/pdf-helpers.js';

const VIEWER = path.join(repoRoot, 'node_modules', 'ofd.js', 'lib', 'ofd.umd.min.js');

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

interface Drawn {
  page: number;
  char: string;
  /** mm from the page's left edge */
  x: number;
  /** baseline, mm from the page's top edge */
  y: number;
}

/** Opens the OFD with ofd.js on a page of its own and returns every character it drew, in page millimetres. */
async function renderWithOfdJs(page: Page, ofd: Buffer, pageWidthMm: number, screen: string): Promise<Drawn[]> {
  await page.route('http://ofd.test/**', (route) => {
    const p = new URL(route.request().url()).pathname;
    if (p === '/') {
      return route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: '<!doctype html><meta charset="utf-8"><body style="margin:0;background:#888"><div id="out"></div><script src="/ofd.js"></script></body>',
      });
    }
    if (p === '/ofd.js') return route.fulfill({ contentType: 'text/javascript', body: readFileSync(VIEWER) });
    if (p === '/doc.ofd') return route.fulfill({ contentType: 'application/ofd', body: ofd });
    return route.fulfill({ status: 404, body: '' });
  });
  await page.goto('http://ofd.test/');
  const outcome = await page.evaluate(async () => {
    const buf = await (await fetch('/doc.ofd')).arrayBuffer();
    const viewer = (window as unknown as { ofd: OfdJs }).ofd;
    return new Promise<string>((resolve) => {
      viewer.parseOfdDocument({
        ofd: buf,
        success: (docs) => {
          for (const div of viewer.renderOfd(1000, docs[0])) document.getElementById('out')!.appendChild(div);
          resolve('ok');
        },
        fail: (e) => resolve(`fail: ${String(e)}`),
      });
    });
  });
  expect(outcome).toBe('ok');
  await page
    .locator('#out > div')
    .first()
    .screenshot({ path: screenPath(screen) });
  return page.evaluate((widthMm) => {
    const out: Drawn[] = [];
    Array.from(document.querySelectorAll('#out > div')).forEach((div, pageIndex) => {
      const box = div.getBoundingClientRect();
      const pxPerMm = box.width / widthMm;
      for (const t of Array.from(div.querySelectorAll('svg text'))) {
        const svg = t.closest('svg')!.getBoundingClientRect();
        const x = svg.left - box.left + Number(t.getAttribute('x'));
        const y = svg.top - box.top + Number(t.getAttribute('y'));
        for (const char of t.textContent ?? '') out.push({ page: pageIndex, char, x: x / pxPerMm, y: y / pxPerMm });
      }
    });
    return out;
  }, pageWidthMm);
}

interface OfdJs {
  parseOfdDocument(o: { ofd: ArrayBuffer; success: (docs: unknown[]) => void; fail: (e: unknown) => void }): void;
  renderOfd(width: number, doc: unknown): HTMLElement[];
}

/** Every PDF word starts where ofd.js drew its first character (x within 1 mm, the baseline inside the word's box ± 1 mm). */
function expectSamePlaces(pdf: Buffer, drawn: Drawn[], label: string): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'desk-ofd-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    const { words, pages } = pdfWords(file);
    expect(new Set(drawn.map((d) => d.page)).size, `${label}: pages drawn`).toBe(pages);
    let chars = 0;
    for (const w of words) {
      chars += [...w.text].length;
      const first = [...w.text][0]!;
      const hit = drawn.find(
        (d) =>
          d.page === w.page - 1 && d.char === first && Math.abs(d.x - toMm(w.xMin)) < 1 && d.y > toMm(w.yMin) - 1 && d.y < toMm(w.yMax) + 1,
      );
      expect(hit, `${label}: “${w.text}” at ${toMm(w.xMin).toFixed(1)}, ${toMm(w.yMin).toFixed(1)} mm, page ${w.page}`).toBeDefined();
    }
    // ofd.js drew the same characters, no more, no fewer.
    expect(drawn.filter((d) => d.char.trim()).length, label).toBe(chars);
    // The PDF beside it, for people to compare.
    execFileSync('pdftoppm', [
      '-f',
      '1',
      '-l',
      '1',
      '-r',
      '96',
      '-png',
      '-singlefile',
      file,
      screenPath(`${label}-pdf`).replace(/\.png$/, ''),
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
