/**
 * 动态管理 in Chromium against a fresh web host: three centers designated today (seeded through /rpc), then in
 * the UI: enter this year's summary of one center (indicators, narrative, a PDF) and see it leave the missing
 * list; a refused upload in Chinese; assess it (the server's total and grade shown); the result notice PDF;
 * revoke another center on 三年复核 (the confirmation states the consequences); its status in 中心名录; the
 * decision PDF; 设置 → 年度工作总结截止日期. Screens go to test-results/screens/centers-*.png.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures/host.js';
import { openDesk, screenshot, exportStartsWith } from './fixtures/desk-page.js';
import { cnDate, rpc, seedDesignatedCenters, shanghaiDate } from './fixtures/seed-centers.js';

const pdf = (text: string) =>
  Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');

async function go(page: Page, route: string, heading: string): Promise<void> {
  await page.evaluate((r) => (window.location.hash = r), route);
  await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
}

const INDICATOR_VALUES: [string, string][] = [
  ['公益培训场次', '12'],
  ['培训人次', '860'],
  ['维权援助案件', '35'],
  ['纠纷化解', '18'],
  ['产业知识产权联盟成员单位', '42'],
  ['知识产权转让许可', '27'],
  ['质押融资金额', '3500.5'],
  ['专利导航项目', '3'],
  ['商标品牌与地理标志指导服务', '64'],
];

test('年度工作总结、中期考核、三年复核撤销一家中心', async ({ page, host }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await openDesk(page, host, '#/centers/summaries');
  const { centerIds, names } = await seedDesignatedCenters(page, host);
  const year = Number(shanghaiDate().slice(0, 4));
  await page.reload();
  await expect(page.getByRole('heading', { name: '年度工作总结', exact: true })).toBeVisible();

  // ── 年度工作总结: this year is shown (last year's summaries are past due), three missing
  await expect(page.getByRole('combobox', { name: '年度' })).toBeVisible();
  await expect(page.locator('.ant-select').filter({ has: page.getByRole('combobox', { name: '年度' }) })).toContainText(`${year}年度`);
  const due = page.getByTestId('summaries-due');
  await expect(due).toContainText(`${year}年度工作总结截止${year + 1}年1月31日`);
  await expect(due).toContainText('尚有3家未提交');
  const rows = page.getByTestId('summaries').locator('.ant-table-tbody tr.ant-table-row');
  await page.getByRole('switch', { name: '仅显示未提交' }).click();
  await expect(rows).toHaveCount(3);
  await expect(rows.getByTestId('summary-missing')).toHaveCount(3);
  await screenshot(page, 'centers-summaries');

  const first = rows.filter({ hasText: names[0]! });
  await first.getByRole('button', { name: '登记总结' }).click();
  const drawer = page.getByTestId('summary-drawer');
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole('spinbutton', { name: '公益培训场次' })).toBeFocused();
  await expect(drawer.getByRole('textbox', { name: '提交日期' })).toHaveValue(shanghaiDate());
  for (const [label, value] of INDICATOR_VALUES) await drawer.getByRole('spinbutton', { name: label, exact: true }).fill(value);
  await drawer.getByRole('spinbutton', { name: '培训人次' }).fill('-5');
  await drawer.getByRole('textbox', { name: '工作总结' }).fill('全年开展公益培训12场，办理维权援助案件35件，组建产业知识产权联盟。');
  await drawer
    .getByLabel('上传总结附件')
    .setInputFiles({ name: '2026年度工作总结.pdf', mimeType: 'application/pdf', buffer: pdf('summary') });
  await expect(drawer.getByTestId('summary-file-pending')).toHaveCount(1);
  // Enter saves: the API refuses the negative number and says so under the field, in Chinese
  await drawer.getByRole('spinbutton', { name: '培训人次' }).press('Enter');
  await expect(drawer.getByRole('alert').first()).toContainText('不能为负数');
  await expect(drawer.locator('.ant-form-item-explain-error').filter({ hasText: '不能为负数' })).toBeVisible();
  await drawer.getByRole('spinbutton', { name: '培训人次' }).fill('860');
  await drawer.getByRole('spinbutton', { name: '培训人次' }).press('Enter');
  await expect(drawer).toBeHidden();
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: names[0]! })).toHaveCount(0);
  await expect(due).toContainText('尚有2家未提交');
  const saved = await rpc<{ indicators: Record<string, number>; files: { name: string }[] } | null>(page, host, 'summaries.get', {
    year,
    centerId: centerIds[0],
  });
  expect(saved?.indicators.pledgeFinancing).toBe(3500.5);
  expect(saved?.files.map((f) => f.name)).toEqual(['2026年度工作总结.pdf']);

  // reopen: the file is there; a file that is not what its name says is refused in Chinese
  await page.getByRole('switch', { name: '仅显示未提交' }).click();
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: names[0]! }).getByTestId('summary-submitted')).toHaveText(cnDate(shanghaiDate()));
  await rows.filter({ hasText: names[0]! }).getByRole('button', { name: /修改/ }).click();
  await expect(drawer.getByTestId('summary-file')).toHaveCount(1);
  await expect(drawer.getByRole('spinbutton', { name: '质押融资金额' })).toHaveValue('3500.50');
  await drawer
    .getByLabel('上传总结附件')
    .setInputFiles({ name: '附表.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]) });
  await expect(drawer.getByTestId('upload-error')).toContainText('未接收');
  await expect(drawer.getByTestId('summary-file')).toHaveCount(1);
  await screenshot(page, 'centers-summary-drawer');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await exportStartsWith(page, host, page.getByRole('button', { name: '导出汇总表' }), 'PK\u0003\u0004', /\.xlsx$/);

  // ── 中期考核: the sheet of the one summary; the server's total and grade are shown
  await go(page, '#/centers/assessments', '中期考核');
  const assessed = page.getByTestId('assessments').locator('.ant-table-tbody tr.ant-table-row');
  await expect(assessed).toHaveCount(1);
  await expect(page.getByTestId('assessment-template')).toContainText('优秀');
  const template = await rpc<{
    current: {
      criteria: { key: string; title: string; max: number; step: number }[];
      bands: { excellent: number; good: number; pass: number };
    };
  }>(page, host, 'assessments.template', { year });
  await assessed.getByRole('button', { name: /考核/ }).click();
  const sheet = page.getByRole('dialog');
  await expect(sheet.getByRole('spinbutton').first()).toBeFocused();
  let expected = 0;
  for (const c of template.current.criteria) {
    const score = Math.round((c.max * 0.85) / c.step) * c.step;
    expected += score;
    await sheet.getByRole('spinbutton', { name: c.title, exact: true }).fill(String(score));
  }
  expected = Math.round(expected * 100) / 100;
  await expect(sheet.getByTestId('assessment-typed-sum')).toHaveText(String(expected));
  await sheet.getByRole('combobox', { name: '考核人员' }).fill('林某');
  await sheet.getByRole('combobox', { name: '考核人员' }).press('Enter');
  await sheet.getByRole('combobox', { name: '考核人员' }).fill('陈某');
  await sheet.getByRole('combobox', { name: '考核人员' }).press('Enter');
  await sheet.getByRole('textbox', { name: '考核意见' }).fill('各项任务完成较好，联盟建设突出。');
  await screenshot(page, 'centers-assessment-sheet');
  await sheet.getByRole('button', { name: '保存考核结果' }).click();
  await expect(sheet).toBeHidden();
  const b = template.current.bands;
  const grade = expected >= b.excellent ? '优秀' : expected >= b.good ? '良好' : expected >= b.pass ? '合格' : '不合格';
  await expect(page.getByTestId('assessment-result')).toContainText(`总分 ${expected} 分`);
  await expect(page.getByTestId('assessment-result')).toContainText(grade);
  await expect(assessed.getByTestId('assessment-grade')).toHaveText(grade);
  await expect(assessed.getByTestId('assessment-total')).toHaveText(String(expected));
  await screenshot(page, 'centers-assessment');
  // the first print shows the number it will take and the centers listed; Esc cancels, then print it
  await page.getByRole('button', { name: '生成结果通知' }).click();
  await expect(page.getByTestId('confirm-number')).toContainText('通知列入1个中心');
  await screenshot(page, 'look-number-assessment-notice');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('confirm-number')).toBeHidden();
  await exportStartsWith(page, host, page.getByRole('button', { name: '生成结果通知' }), '%PDF-', /\.pdf$/, 'confirm-number');
  // the page now names the notice's number and date; the button reprints it
  await expect(page.getByTestId('result-notice')).toContainText(/结果通知 榕市监知〔\d{4}〕\d+号（成文日期 \d{4}年\d{1,2}月\d{1,2}日）/);
  await expect(page.getByRole('button', { name: '重印结果通知' })).toBeVisible();
  // voided in 发文登记 (the number stays taken): the assessments page says so, with who, when and why
  const noticeNumber = /榕市监知〔\d{4}〕\d+号/.exec((await page.getByTestId('result-notice').textContent()) ?? '')![0];
  await rpc(page, host, 'archive.voidDocument', {
    ref: { kind: 'assessmentNotice', year },
    docNumber: noticeNumber,
    reason: '等次统计有误',
  });
  await page.reload();
  await expect(page.getByTestId('result-notice')).toContainText(`结果通知 ${noticeNumber}`);
  await expect(page.getByTestId('result-notice')).toContainText('已作废');
  await expect(page.getByTestId('result-notice')).toContainText(
    '等次统计有误。作废只注销这份考核结果通知及其文号，不改变已登记的考核结果。',
  );
  await screenshot(page, 'centers-assessment-notice-voided');
  await exportStartsWith(page, host, page.getByRole('button', { name: '导出汇总表' }), 'PK\u0003\u0004', /\.xlsx$/);

  // ── 三年复核: nothing due yet (designated today); revoke the second center early
  await go(page, '#/centers/reviews', '三年复核');
  await expect(page.getByTestId('reviews-due').locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(0);
  const all = page.getByTestId('reviews-centers').locator('.ant-table-tbody tr.ant-table-row');
  await expect(all).toHaveCount(3);
  await all.filter({ hasText: names[1]! }).getByRole('button', { name: /复核/ }).click();
  const dialog = page.getByRole('dialog', { name: '复核' });
  // the reviewer sees the center's record since designation (designated this year: nothing due yet)
  await expect(dialog.getByTestId('center-record')).toContainText(`${shanghaiDate().slice(0, 4)}年：总结尚未提交`);
  await dialog.getByRole('radio', { name: '撤销' }).check();
  await dialog.getByRole('textbox', { name: '复核意见' }).fill('该中心连续两年未开展公益培训，服务能力不符合认定条件。');
  await dialog.getByRole('button', { name: '保存复核结论' }).click();
  const confirm = page.getByTestId('confirm-revoke-consequences');
  await expect(confirm).toContainText(`证书自${cnDate(shanghaiDate())}起失效`);
  await expect(confirm).toContainText('前交回证书和牌匾');
  await screenshot(page, 'centers-review-confirm');
  await page.getByRole('button', { name: '撤销认定' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('review-decided')).toContainText('撤销');
  await expect(page.getByTestId('review-decided')).toContainText('已撤销');
  const history = page.getByTestId('reviews-history').locator('.ant-table-tbody tr.ant-table-row');
  await expect(history).toHaveCount(1);
  await expect(history.first()).toContainText('撤销');
  await expect(all).toHaveCount(2);
  await exportStartsWith(
    page,
    host,
    page.getByTestId('review-decided').getByRole('button', { name: '生成复核决定' }),
    '%PDF-',
    /\.pdf$/,
    'confirm-number',
  );
  await expect(history.first()).toContainText(/〔\d{4}〕\d+号/);
  await screenshot(page, 'centers-reviews');

  // ── 中心名录: 已撤销, certificate ended, plaque to be returned (not yet back on the decision day); 牌匾收回登记; the history drawer
  await go(page, '#/centers', '中心管理');
  const registry = page.getByTestId('centers').locator('.ant-table-tbody tr.ant-table-row');
  const revoked = registry.filter({ hasText: names[1]! });
  await expect(revoked.getByTestId('center-status')).toContainText('已撤销');
  await expect(revoked.getByTestId('center-status')).toContainText('证书已失效');
  await expect(revoked.getByTestId('plaque-state')).toContainText('牌匾待收回，期限');
  await expect(revoked.getByTestId('center-status')).not.toContainText('牌匾已收回');
  await expect(registry.filter({ hasText: names[0]! }).getByTestId('next-review')).toContainText(`复核${year + 3}年`);
  await screenshot(page, 'centers-registry-revoked');
  await revoked.getByRole('button', { name: /牌匾收回登记/ }).click();
  const plaqueDialog = page.getByRole('dialog', { name: '牌匾收回登记' });
  await expect(plaqueDialog).toContainText('交回期限');
  await plaqueDialog.getByLabel('备注').focus();
  await page.keyboard.type('证书原件一并交回');
  await page.keyboard.press('Enter');
  await expect(plaqueDialog).toBeHidden();
  await expect(revoked.getByTestId('plaque-state')).toHaveText('牌匾已收回');
  await expect(revoked.getByRole('button', { name: /牌匾收回登记/ })).toBeDisabled();
  await revoked.getByRole('button', { name: /历史记录/ }).click();
  const historyDrawer = page.getByTestId('center-history');
  await expect(historyDrawer).toContainText('有效 → 已撤销');
  await expect(historyDrawer.locator('.ant-tag').filter({ hasText: '撤销' })).toBeVisible();
  await screenshot(page, 'centers-history');
  const center = await rpc<{
    status: string;
    certificateEndedOn?: string;
    plaqueReturn?: { dueOn: string; returnedOn?: string; note?: string };
  }>(page, host, 'centers.get', {
    id: centerIds[1],
  });
  expect(center.status).toBe('revoked');
  expect(center.certificateEndedOn).toBe(shanghaiDate());
  expect(center.plaqueReturn).toMatchObject({ returnedOn: shanghaiDate(), note: '证书原件一并交回' });
  expect(center.plaqueReturn!.dueOn > shanghaiDate()).toBe(true);
  expect(problems, 'no script errors').toEqual([]);
});

test('设置：年度工作总结截止日期', async ({ page, host }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await openDesk(page, host, '#/settings');
  const card = page.getByTestId('summary-due-card');
  const year = Number(shanghaiDate().slice(0, 4));
  await expect(card.getByTestId('summary-due-preview')).toContainText(`${year}年度总结截止：${year + 1}年1月31日`);
  // the preview is the core's summaryDueDate: a day past the month's end is its last day
  await card.getByRole('spinbutton', { name: '截止月份' }).fill('2');
  await card.getByRole('spinbutton', { name: '截止日' }).fill('30');
  const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  await expect(card.getByTestId('summary-due-preview')).toContainText(`${year}年度总结截止：${year + 1}年2月${leap(year + 1) ? 29 : 28}日`);
  await card.getByRole('combobox', { name: '截止年份' }).click();
  await page.locator('.ant-select-dropdown:visible').getByText('当年', { exact: true }).click();
  await card.getByRole('spinbutton', { name: '截止月份' }).fill('12');
  await card.getByRole('spinbutton', { name: '截止日' }).fill('31');
  await expect(card.getByTestId('summary-due-preview')).toContainText(`${year - 1}年度总结截止：${year - 1}年12月31日`);
  await card.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.ant-message-notice')).toContainText('截止日期已保存');
  const settings = await rpc<{ annualSummaryDue?: unknown }>(page, host, 'settings.get', {});
  expect(settings.annualSummaryDue).toEqual({ yearOffset: 0, month: 12, day: 31 });
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'centers-settings-due');
  expect(problems, 'no script errors').toEqual([]);
});
