/** 首页: reminders, key figures and ECharts charts over the --demo data; one chart exported as PNG. */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect, screenPath } from './fixtures/host.js';
import { openDesk, screenshot } from './fixtures/desk-page.js';

test.use({ demo: true });

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

test('home page shows reminders, figures and charts, and exports a chart as PNG', async ({ page, host }) => {
  await openDesk(page, host, '#/home');
  const home = page.getByTestId('home-page');
  await expect(home.getByRole('heading', { name: '首页' })).toBeVisible();

  // reminders from the demo: 2026 summaries missing, a center rectifying, an overdue supplement
  const reminders = page.getByTestId('reminder');
  await expect(reminders.filter({ hasText: '2026年度工作总结截止2027年1月31日，尚有4个中心未提交。' })).toBeVisible();
  await expect(reminders.filter({ hasText: '1个中心整改期限将在60天内届满。' })).toBeVisible();

  // key figures
  await expect(page.getByTestId('kpi-申报总数')).toHaveText('13');
  await expect(page.getByTestId('kpi-在册中心')).toHaveText('6');
  await expect(page.getByTestId('kpi-限期整改')).toHaveText('1');
  await expect(page.getByTestId('kpi-本年待交总结')).toHaveText('4');

  // six charts drawn on canvas, and the deadline list
  for (const id of ['chart-by-year', 'chart-district', 'chart-industry', 'chart-pass-rate', 'chart-centers', 'chart-trend']) {
    await expect(page.getByTestId(id).locator('canvas')).toHaveCount(1);
  }
  await expect(home.locator('canvas')).toHaveCount(6);
  const deadlines = page.getByTestId('deadline-row');
  await expect(deadlines.filter({ hasText: '整改期满' })).toHaveCount(1);
  await expect(deadlines.filter({ hasText: '2026年第二批申报截止' })).toContainText('剩余');

  // fits 1366×768 without horizontal scroll
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);

  const file = screenPath('dashboard-home');
  await mkdir(path.dirname(file), { recursive: true });
  await page.waitForTimeout(500);
  await page.screenshot({ path: file, fullPage: true });
  await home
    .locator('.ant-row')
    .last()
    .screenshot({ path: screenPath('dashboard-charts') });

  // the year filter narrows the district/industry charts
  await page.getByTestId('year-filter').click();
  await page.locator('.ant-select-item-option', { hasText: '2025年' }).click();
  await expect(page.getByTestId('chart-district')).toContainText('各区县申报数量（2025年）');

  // export one chart: the file in the exports folder starts with the PNG signature
  await page.getByTestId('chart-by-year').getByRole('button', { name: '导出PNG' }).click();
  const result = page.getByTestId('export-result');
  await expect(result).toContainText('各年度申报数量-');
  const href = await result.getByTestId('export-download').getAttribute('href');
  expect(href).toBeTruthy();
  const res = await page.request.get(new URL(href!, host.origin).toString());
  expect(res.ok()).toBe(true);
  expect([...(await res.body()).subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  const exported = (await readdir(path.join(host.dataDir, 'exports'))).filter((f) => f.endsWith('.png'));
  expect(exported).toHaveLength(1);
  expect(exported[0]).toMatch(/^各年度申报数量-\d{8}\.png$/);
  const png = await readFile(path.join(host.dataDir, 'exports', exported[0]!));
  expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  await writeFile(screenPath('dashboard-exported-chart'), png); // for people to look at

  // a reminder opens the page that handles it
  await reminders.filter({ hasText: '年度工作总结' }).click();
  await expect(page).toHaveURL(/#\/centers\/summaries$/);
  await screenshot(page, 'dashboard-after-click');

  // 三年复核: the rectifying center is due; the 复核 dialog shows its record since designation
  await page.evaluate(() => (window.location.hash = '#/centers/reviews'));
  const due = page.getByTestId('reviews-due').locator('.ant-table-tbody tr.ant-table-row');
  await expect(due).toHaveCount(1);
  await expect(due).toContainText('整改期满');
  await due.getByRole('button', { name: /复核/ }).click();
  const record = page.getByRole('dialog', { name: '复核' }).getByTestId('center-record');
  await expect(record).toContainText('2025年：不合格（58分）');
  await expect(record).toContainText('2026年复核：限期整改');
  await screenshot(page, 'dashboard-demo-review');
});
