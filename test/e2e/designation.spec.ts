/**
 * 公示与认定 and 中心管理 in Chromium against a fresh web host. Seeded through the API: a batch open today,
 * three accepted applications, three experts who score every assignment so that two pass and one fails.
 * In the UI: start a publicity 30 days ago (so it has ended), record an anonymous objection (not accepted)
 * and an accepted one, see 认定 refused with the Chinese reason, dismiss the objection, 认定发文, centers
 * with certificate numbers, certificate PDF, registry, 认定名单 xlsx, a 共建协议; 设置 → 节假日安排.
 * Screens go to test-results/screens/designation-*.png and centers-*.png.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { test, expect, type DeskHost } from './fixtures/host.js';
import { openDesk, screenshot, exportStartsWith } from './fixtures/desk-page.js';
import { cnDate as cn, rpc, seedScoredBatch, shanghaiDate } from './fixtures/seed-centers.js';

const APPS = [
  { name: '福建长乐纺织化纤集团有限公司', industry: '纺织化纤', district: '长乐区', share: 0.8 },
  { name: '福州闽江生物科技有限公司', industry: '生物医药', district: '闽侯县', share: 0.5 },
  { name: '福州数科信息技术有限公司', industry: '软件信息', district: '鼓楼区', share: 0.9 },
];

/** Batch, three accepted applications, three experts on the panel, every assignment scored (2 pass, 1 fails). */
async function seed(page: Page, host: DeskHost): Promise<string> {
  const batchId = await seedScoredBatch(page, host, APPS);
  const results = await rpc<{ rows: { passed: boolean }[] }>(page, host, 'scoring.results', { batchId });
  expect(results.rows.filter((r) => r.passed)).toHaveLength(2);
  return batchId;
}

/** Types a date into an antd DatePicker and moves on with Tab (Enter would also submit the form). */
async function typeDate(input: Locator, iso: string): Promise<void> {
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.pressSequentially(iso);
  await input.press('Tab');
  await expect(input).toHaveValue(iso);
}

test('公示、异议、认定发文、证书与中心名录', async ({ page, host }) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await openDesk(page, host, '#/designation');
  const batchId = await seed(page, host);
  await page.reload();
  await expect(page.getByRole('heading', { name: '公示与认定' })).toBeVisible();

  // ── 公示: the two passed applications, preselected; start 30 days ago, 5 working days
  const pubCard = page.getByTestId('publicity-card');
  const candidates = pubCard.locator('.ant-table-tbody tr.ant-table-row');
  await expect(candidates).toHaveCount(2);
  await expect(pubCard).toContainText(APPS[2]!.name);
  await expect(pubCard).not.toContainText(APPS[1]!.name);
  await expect(pubCard).toContainText('另有1家未通过评审');
  const startsOn = shanghaiDate(-30);
  await typeDate(pubCard.getByRole('textbox', { name: '公示开始日期' }), startsOn);
  await expect(pubCard.getByRole('spinbutton', { name: '公示期（工作日）' })).toHaveValue('5');
  await pubCard.getByRole('textbox', { name: '联系人' }).fill('王女士');
  await pubCard.getByRole('textbox', { name: '联系电话' }).fill('0591-87654321');
  await screenshot(page, 'designation-start');
  await pubCard.getByRole('button', { name: /发起公示（2家）/ }).click();
  // the look first: a start 30 days ago asks for a reason
  const look = page.getByRole('dialog', { name: '发起公示' });
  await look.getByRole('textbox', { name: '开始日期早于今天的理由' }).fill('公示已在局网站发布，现补登记录');
  await look.getByRole('button', { name: /^发起公示/ }).click();
  const period = page.getByTestId('publicity-period');
  await expect(period).toContainText('（5个工作日）');
  const view = await rpc<{ publicity: { startsOn: string; endsOn: string; convention: string } }>(page, host, 'publicity.get', { batchId });
  expect(view.publicity.startsOn).toBe(startsOn);
  await expect(period).toHaveText(`${cn(startsOn)}至${cn(view.publicity.endsOn)}（5个工作日）`);
  await expect(page.getByTestId('publicity-convention')).toHaveText(view.publicity.convention);
  await expect(pubCard.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(2);
  await screenshot(page, 'designation-publicity');
  await exportStartsWith(page, host, pubCard.getByRole('button', { name: '公示通知PDF' }), '%PDF-', /\.pdf$/);

  // ── 异议: an anonymous one (not accepted), then a signed one from a unit (accepted, open)
  const objCard = page.getByTestId('objections-card');
  const objections = objCard.locator('.ant-table-tbody tr.ant-table-row');
  await objCard.getByRole('button', { name: '登记异议' }).click();
  let dialog = page.getByRole('dialog', { name: '登记异议' });
  await expect(dialog.getByRole('combobox', { name: '针对的申报单位' })).toBeFocused();
  await page.keyboard.type('数科');
  await page.keyboard.press('Enter');
  await dialog.getByRole('textbox', { name: '异议内容' }).fill('该单位办公场所与申报材料不符。');
  await expect(dialog.getByTestId('objection-not-accepted-hint')).toContainText('匿名');
  await screenshot(page, 'designation-objection-anonymous');
  await dialog.getByRole('button', { name: '登记' }).click();
  await expect(dialog).toBeHidden();
  await expect(objections).toHaveCount(1);
  await expect(objections.first()).toContainText('（匿名）');
  await expect(objections.first()).toContainText('不予受理');
  await expect(objections.first()).toContainText('无需处理');

  await objCard.getByRole('button', { name: '登记异议' }).click();
  dialog = page.getByRole('dialog', { name: '登记异议' });
  await expect(dialog.getByRole('combobox', { name: '针对的申报单位' })).toBeFocused();
  await page.keyboard.type('长乐');
  await page.keyboard.press('Enter');
  await dialog.getByRole('textbox', { name: '异议人' }).fill('福州某纺织科技有限公司');
  await dialog.getByRole('checkbox', { name: '异议材料加盖了单位公章' }).check();
  await dialog.getByRole('textbox', { name: '异议内容' }).fill('该单位申报的专利数量与实际不符。');
  await expect(dialog.getByTestId('objection-not-accepted-hint')).toHaveCount(0);
  await dialog.getByRole('button', { name: '登记' }).click();
  await expect(dialog).toBeHidden();
  await expect(objections).toHaveCount(2);
  const accepted = objections.filter({ hasText: '福州某纺织科技有限公司' });
  await expect(accepted).toContainText('受理');
  await expect(accepted.getByRole('button', { name: '处理' })).toBeVisible();
  await expect(objCard).toContainText('1件待处理');

  // ── 认定 is refused while the accepted objection is open
  const decisionCard = page.getByTestId('decision-card');
  await expect(decisionCard.getByRole('textbox', { name: '认定日期' })).toHaveValue(shanghaiDate());
  await decisionCard.getByRole('button', { name: '认定发文' }).click(); // refused at the look, before any dialog
  const refusal = page.getByTestId('decision-refusal').getByRole('alert');
  await expect(refusal).toContainText('暂不能认定');
  await expect(refusal).toContainText('件异议未处理');
  await refusal.scrollIntoViewIfNeeded();
  await screenshot(page, 'designation-refused');

  // ── 处理: 异议不成立 with the reason
  await accepted.getByRole('button', { name: '处理' }).click();
  dialog = page.getByRole('dialog', { name: '处理异议' });
  await dialog.getByRole('radio', { name: '异议不成立' }).check();
  await dialog.getByRole('textbox', { name: '理由' }).fill('经核查，专利数量与国家知识产权局检索结果一致。');
  await screenshot(page, 'designation-resolve');
  await dialog.getByRole('button', { name: '保存处理结论' }).click();
  await expect(dialog).toBeHidden();
  await expect(accepted).toContainText('异议不成立');
  await expect(objCard).not.toContainText('待处理');

  // ── 认定发文: the document number and the two centers with certificate numbers
  await decisionCard.getByRole('button', { name: '认定发文' }).click();
  await page.getByTestId('confirm-decision-ok').click();
  await expect(page.getByTestId('decision-doc-number')).toHaveText(/〔\d{4}〕\d+号$/);
  const centers = page.getByTestId('decision-centers').locator('.ant-table-tbody tr.ant-table-row');
  await expect(centers).toHaveCount(2);
  for (const i of [0, 1]) await expect(centers.nth(i)).toContainText(/[A-Z]+-\d{4}-\d{3}/);
  await expect(page.getByTestId('decision-centers')).toContainText(APPS[0]!.name);
  await expect(objCard.getByRole('button', { name: '登记异议' })).toBeDisabled();
  await decisionCard.scrollIntoViewIfNeeded();
  await screenshot(page, 'designation-decision');

  // the certificate PDF of the first center, downloaded as the user would
  await exportStartsWith(
    page,
    host,
    centers.first().getByRole('button', { name: /(^| )证书$/ }) /* the PDF, not 证书OFD */,
    '%PDF-',
    /\.pdf$/,
  );
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('main').getByTestId('export-download').click()]);
  expect((await readFile(await download.path())).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await exportStartsWith(page, host, decisionCard.getByRole('button', { name: '认定通知PDF' }), '%PDF-', /\.pdf$/);
  await exportStartsWith(page, host, decisionCard.getByRole('button', { name: '批量打印证书' }), '%PDF-', /\.pdf$/);
  await exportStartsWith(page, host, decisionCard.getByRole('button', { name: '牌匾内容确认单' }), '%PDF-', /\.pdf$/);
  await screenshot(page, 'designation-prints');

  // ── 中心管理: the registry, the roster xlsx, a 共建协议
  await page.getByRole('navigation', { name: '主导航' }).getByText('中心管理', { exact: true }).click();
  await page.getByRole('navigation', { name: '主导航' }).getByText('中心名录', { exact: true }).click();
  const registry = page.getByTestId('centers').locator('.ant-table-tbody tr.ant-table-row');
  await expect(registry).toHaveCount(2);
  await expect(registry.filter({ hasText: APPS[0]!.name })).toContainText('有效');
  await expect(registry.filter({ hasText: APPS[0]!.name })).toContainText('未签订');
  await exportStartsWith(page, host, page.getByRole('button', { name: '导出认定名单' }), 'PK\u0003\u0004', /\.xlsx$/);
  await screenshot(page, 'centers-registry');

  await page.getByRole('switch', { name: '仅显示未签共建协议' }).click();
  await expect(registry).toHaveCount(2);
  await registry.filter({ hasText: APPS[0]!.name }).getByRole('button', { name: '登记共建协议' }).click();
  dialog = page.getByRole('dialog', { name: '登记共建协议' });
  await expect(dialog.locator('.ant-select-selection-item')).toHaveCount(2);
  await dialog.getByRole('combobox', { name: '协议各方' }).fill('福州市纺织化纤行业协会');
  await dialog.getByRole('combobox', { name: '协议各方' }).press('Enter');
  await expect(dialog.locator('.ant-select-selection-item')).toHaveCount(3);
  await typeDate(dialog.getByRole('textbox', { name: '签订日期' }), shanghaiDate());
  await screenshot(page, 'centers-agreement');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(registry).toHaveCount(1);
  await expect(registry).not.toContainText(APPS[0]!.name);
  await page.getByRole('switch', { name: '仅显示未签共建协议' }).click();
  await expect(registry).toHaveCount(2);
  await expect(registry.filter({ hasText: APPS[0]!.name })).toContainText('已签订');
  await page.locator('.ant-segmented-item').filter({ hasText: '已撤销' }).click();
  await expect(registry).toHaveCount(0);
  await page.locator('.ant-segmented-item').filter({ hasText: '有效' }).click();
  await expect(registry).toHaveCount(2);
  await screenshot(page, 'centers-signed');
  const stored = await rpc<{ agreement?: { parties: string[] } }[]>(page, host, 'centers.list', {});
  expect(stored.find((c) => c.agreement)?.agreement?.parties).toContain('福州市纺织化纤行业协会');
  expect(problems, 'no script errors').toEqual([]);
});

test('设置：节假日安排列出各年并可新增一年', async ({ page, host }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await openDesk(page, host, '#/settings');
  const card = page.getByTestId('holiday-card');
  const rows = card.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.filter({ hasText: /^2026/ })).toContainText('随程序提供');
  await expect(page.getByTestId('calendar-conventions')).not.toBeEmpty();

  // the 2026 table opens with its dates folded into ranges
  await card.getByRole('button', { name: '修改2026年' }).click();
  let dialog = page.getByRole('dialog', { name: '修改2026年节假日安排' });
  await expect(dialog.getByLabel('放假日期')).toHaveValue(/2026-10-01~2026-10-0\d/);
  await card.page().keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await card.getByRole('button', { name: '新增年份' }).click();
  dialog = page.getByRole('dialog', { name: '新增年份的节假日安排' });
  await dialog.getByLabel('年份').fill('2031');
  await dialog.getByLabel('依据').fill('国务院办公厅关于2031年部分节假日安排的通知（测试）');
  await dialog.getByLabel('放假日期').fill('2031-01-01\n2031-10-01~2031-10-07\n2031-13-01');
  await dialog.getByLabel('调休上班日期').fill('2031-09-28');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toContainText('“2031-13-01”不是有效日期');
  await dialog.getByLabel('放假日期').fill('2031-01-01\n2031-10-01~2031-10-07');
  await screenshot(page, 'designation-holiday-edit');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const added = rows.filter({ hasText: /^2031/ });
  await expect(added).toContainText('本局修改');
  await expect(added).toContainText('8天');
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'designation-holidays');
  expect(problems, 'no script errors').toEqual([]);
});
