/**
 * 申报批次 and 设置 in Debian Chromium against a fresh loopback web host per test.
 * Screens are saved under test-results/screens/ for people to look at.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { test, expect } from './fixtures/host.js';
import { batchRows, cancelDialog, listBatches, openDesk, screenshot, typeNewBatch } from './fixtures/desk-page.js';
import { seedScoredBatch } from './fixtures/seed-centers.js';

const T1 = '2026年第一批产业知识产权协同保护与运营中心申报';
const T2 = '2026年第二批产业知识产权协同保护与运营中心申报';
const T3 = '2026年第三批产业知识产权协同保护与运营中心申报';

test('导航为中文，首页为默认页，每个区域都可打开且无横向滚动', async ({ page, host }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await openDesk(page, host);
  const nav = page.getByRole('navigation', { name: '主导航' });
  for (const label of [
    '首页',
    '申报受理',
    '申报批次',
    '申报登记',
    '专家评审',
    '公示与认定',
    '中心管理',
    '年度档案',
    '设置',
    '基本设置',
    '操作日志',
    '备份与恢复',
  ]) {
    await expect(nav.getByText(label, { exact: true })).toBeVisible();
  }
  // Every area is built: no page says 正在建设中.
  for (const [route, title] of [
    ['#/home', '首页'],
    ['#/centers/summaries', '年度工作总结'],
    ['#/centers/assessments', '中期考核'],
    ['#/centers/reviews', '三年复核'],
    ['#/archive', '年度档案'],
  ] as const) {
    await page.evaluate((r) => (window.location.hash = r), route);
    await expect(page.getByRole('heading', { name: title, level: 4 })).toBeVisible();
    await expect(page.locator('body')).not.toContainText('正在建设中');
  }
  await openDesk(page, host);
  await expect(page.getByRole('banner')).toContainText('产业知识产权中心认定工作台');
  await expect(page.getByRole('banner')).toContainText('福州市市场监督管理局');
  await nav.getByText('年度档案', { exact: true }).click();
  await expect(page.getByRole('heading', { name: '年度档案', level: 4 })).toBeVisible();
  await expect(page.getByTestId(/^year-card-\d{4}$/).first()).toContainText('未封存');
  await expect(page.getByRole('textbox', { name: '档案文件路径' })).toBeVisible();
  await screenshot(page, 'archive-empty');
  const noHorizontalScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(await noHorizontalScroll()).toBe(true);

  await page.getByText('« 收起').click();
  await expect(nav.getByText('专家评审', { exact: true })).toBeHidden();
  await nav.getByRole('menuitem').nth(0).hover();
  await page.getByText('»', { exact: true }).click();
  await expect(nav.getByText('专家评审', { exact: true })).toBeVisible();
  expect(await noHorizontalScroll()).toBe(true);
  expect(problems, 'no script errors or CSP violations').toEqual([]);
});

test('用键盘新建批次，刷新后仍在', async ({ page, host }) => {
  await openDesk(page, host);
  await expect(page.getByText('还没有申报批次')).toBeVisible();
  await typeNewBatch(page, { title: T1, opensOn: '2026-03-02', closesOn: '2026-03-31' });
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(batchRows(page)).toHaveCount(1);
  const row = batchRows(page).first();
  await expect(row).toContainText(T1);
  await expect(row).toContainText('2026年3月2日 – 2026年3月31日');
  await expect(row).toContainText('受理中');
  await expect(row).toContainText('第一批');

  await page.reload();
  await expect(batchRows(page)).toHaveCount(1);
  await expect(batchRows(page).first()).toContainText(T1);

  // the modal, filled in, for the screenshot; Esc cancels without saving
  await page.getByRole('button', { name: '新建批次' }).click();
  await expect(page.locator('#year')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type(T2);
  await page.keyboard.press('Tab');
  await page.keyboard.type('2026-11-24');
  await page.keyboard.press('Enter');
  await page.keyboard.type('2026-12-15');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('quota-message')).toContainText('2026年已有1个申报批次，还可新建1个。');
  await expect(page.getByRole('dialog')).toContainText('2026年11月24日 – 2026年12月15日');
  await screenshot(page, 'batches-create-modal');
  await cancelDialog(page);
  expect(await listBatches(page, host)).toHaveLength(1);
});

test('第三批须填写理由，理由显示在列表中', async ({ page, host }) => {
  await openDesk(page, host);
  await typeNewBatch(page, { title: T1, opensOn: '2026-03-02', closesOn: '2026-03-31' });
  await expect(batchRows(page)).toHaveCount(1);
  await typeNewBatch(page, { title: T2, opensOn: '2026-11-02', closesOn: '2026-12-15' });
  await expect(batchRows(page)).toHaveCount(2);

  await typeNewBatch(page, { title: T3, opensOn: '2026-12-01', closesOn: '2026-12-31' });
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('quota-message')).toContainText('2026年已有2个申报批次');
  await expect(dialog.getByText('请填写第三批理由')).toBeVisible();
  await screenshot(page, 'batches-quota-reason');
  expect(await listBatches(page, host)).toHaveLength(2);

  await dialog.getByLabel('第三批理由').fill('响应省局专项部署，增开一批');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(batchRows(page)).toHaveCount(3);
  const third = batchRows(page).filter({ hasText: T3 });
  await expect(third).toContainText('理由：响应省局专项部署，增开一批');
  await expect(third).toContainText('第三批');
  await screenshot(page, 'batches-list');
});

test('服务端要求理由时（NEEDS_REASON）补填理由后重新提交', async ({ page, host }) => {
  await openDesk(page, host);
  for (const [title, from, to] of [
    [T1, '2026-03-02', '2026-03-31'],
    [T2, '2026-11-02', '2026-12-15'],
  ] as const) {
    await typeNewBatch(page, { title, opensOn: from, closesOn: to });
    await expect(page.getByRole('dialog')).toBeHidden();
  }
  // an out-of-date quota answer: the form does not know yet that a reason is needed
  await page.route('**/rpc/batches.quota', (route) =>
    route.fulfill({
      json: { ok: true, value: { year: 2026, count: 1, limit: 2, needsReason: false, message: '2026年已有1个申报批次，还可新建1个。' } },
    }),
  );
  await typeNewBatch(page, { title: T3, opensOn: '2026-12-01', closesOn: '2026-12-31' });
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('alert').filter({ hasText: '需要填写理由' })).toContainText('2026年已有2个申报批次');
  await expect(dialog.getByTestId('quota-message')).toBeHidden();
  await expect(dialog.getByLabel('第三批理由')).toBeFocused();
  await page.keyboard.type('年底集中受理');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(batchRows(page).filter({ hasText: T3 })).toContainText('理由：年底集中受理');
});

test('输入有误时显示中文提示，不保存', async ({ page, host }) => {
  await openDesk(page, host);
  const dialog = page.getByRole('dialog');

  await typeNewBatch(page, { title: '', opensOn: '2026-11-24', closesOn: '2026-12-15' });
  await expect(dialog.getByText('请填写批次名称')).toBeVisible();
  await cancelDialog(page);

  await typeNewBatch(page, { title: T1, opensOn: '2026-12-15', closesOn: '2026-11-24' });
  await expect(dialog.getByText('截止日期早于开始日期，请修改。')).toBeVisible();
  await cancelDialog(page);

  // a rule only the core knows: the opening date must lie in the batch's year
  await typeNewBatch(page, { title: T1, opensOn: '2027-01-05', closesOn: '2027-01-20' });
  await expect(dialog.getByRole('alert').filter({ hasText: '未能保存' })).toContainText('开始日期（2027年1月5日）不在2026年内。');
  await screenshot(page, 'batches-error');
  await cancelDialog(page);

  expect(await listBatches(page, host)).toHaveLength(0);
  await expect(page.getByText('还没有申报批次')).toBeVisible();
});

test('导出Excel：下载到真正的xlsx文件', async ({ page, host }) => {
  await openDesk(page, host);
  await typeNewBatch(page, { title: T1, opensOn: '2026-03-02', closesOn: '2026-03-31' });
  await expect(batchRows(page)).toHaveCount(1);

  await page.getByRole('button', { name: '导出Excel' }).click();
  const link = page.getByRole('main').getByTestId('export-download');
  await expect(link).toBeVisible();
  await expect(page.getByRole('main').getByTestId('export-result')).toContainText('.xlsx');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^申报批次一览表.*\.xlsx$/);
  const saved = test.info().outputPath('batches.xlsx');
  await download.saveAs(saved);
  const bytes = await readFile(saved);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  expect(String(sheet.getRow(1).getCell(1).value)).toContain('申报批次一览表');
  const cells: string[] = [];
  sheet.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
  expect(cells.some((c) => c.includes(T1))).toBe(true);

  await page.getByRole('button', { name: '导出PDF' }).click();
  await expect(page.getByRole('main').getByTestId('export-result')).toContainText('.pdf');
  const pdfHref = await page.getByRole('main').getByTestId('export-download').getAttribute('href');
  const pdf = await page.request.get(`${host.origin}${pdfHref}`);
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await screenshot(page, 'batches-exported');
});

test('状态只随操作改变：截止受理、恢复受理；修改弹窗不再改状态；评审中的批次改名须填写更正理由', async ({ page, host }) => {
  await openDesk(page, host);
  await typeNewBatch(page, { title: T2, opensOn: '2026-03-02', closesOn: '2026-03-31' });
  const row = batchRows(page).filter({ hasText: T2 });
  await expect(row).toContainText('受理中');
  await expect(row.getByRole('button', { name: `恢复受理${T2}` })).toHaveCount(0);

  await row.getByRole('button', { name: `截止受理${T2}` }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '不再登记新的申报' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: '截止受理' }).click();
  await expect(row).toContainText('已截止');
  await expect(row.getByRole('button', { name: `截止受理${T2}` })).toHaveCount(0);
  expect((await listBatches(page, host))[0]).toMatchObject({ status: 'closed' });

  // the edit form shows the status but has no way to set it
  await row.getByRole('button', { name: `修改${T2}` }).click();
  const edit = page.getByRole('dialog', { name: /修改申报批次/ });
  await expect(edit.getByTestId('batch-status')).toHaveText('已截止');
  await expect(edit.getByRole('combobox', { name: '状态' })).toHaveCount(0);
  await screenshot(page, 'batches-edit-status');
  await cancelDialog(page);

  await row.getByRole('button', { name: `恢复受理${T2}` }).click();
  await page.getByRole('dialog').filter({ hasText: '可以继续登记新的申报' }).getByRole('button', { name: '恢复受理' }).click();
  await expect(row).toContainText('受理中');

  // a batch under expert review (its first assignment moved it): no intake buttons; a rename needs a reason
  const reviewing = await seedScoredBatch(page, host, [
    { name: '福州数科信息技术有限公司', industry: '软件信息', district: '鼓楼区', share: 0.9 },
  ]);
  await page.reload();
  const year = Number(reviewing.slice(0, 4));
  const reviewRow = batchRows(page).filter({ hasText: `${year}年第一批产业知识产权协同保护与运营中心申报` });
  await expect(reviewRow).toContainText('评审中');
  await expect(reviewRow.getByRole('button', { name: /^(截止受理|恢复受理)/ })).toHaveCount(0);
  await reviewRow.getByRole('button', { name: /^修改/ }).click();
  const correct = page.getByRole('dialog', { name: /修改申报批次/ });
  await expect(page.locator('#title')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(`${year}年第一批（更正）`);
  await page.keyboard.press('Enter');
  await expect(correct.getByRole('alert').filter({ hasText: '需要填写更正理由' })).toContainText(
    '正在专家评审，修改批次名称或受理期限属于更正',
  );
  await expect(correct.getByLabel('更正理由')).toBeFocused();
  await page.keyboard.type('批次名称错字');
  await page.keyboard.press('Enter');
  await expect(correct).toBeHidden();
  await expect(batchRows(page).filter({ hasText: `${year}年第一批（更正）` })).toContainText('评审中');
});
