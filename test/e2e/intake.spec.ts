/**
 * 申报登记 and 形式审查 in Chromium against a fresh web host: register, attach, submit, supplement, notice,
 * resubmit, accept, roster export, pinyin search and the Excel import preview.
 * Screens go to test-results/screens/intake-*.png for people to look at.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Locator, Page } from '@playwright/test';
import { test, expect, type DeskHost } from './fixtures/host.js';
import { openDesk, screenshot } from './fixtures/desk-page.js';

const NAME = '福州数科知识产权服务有限公司';
const USCC = '91350100M000100Y43';
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100 check character appended to 17 characters. */
function uscc(first17: string): string {
  const sum = [...first17].reduce((s, c, i) => s + ALPHABET.indexOf(c) * WEIGHTS[i]!, 0);
  return first17 + ALPHABET[(31 - (sum % 31)) % 31];
}

const pdf = (text: string) =>
  Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A batch whose window (the whole current year) includes today, created through the API. */
async function createOpenBatch(page: Page, host: DeskHost): Promise<void> {
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
  const res = await page.request.post(`${host.origin}/rpc/batches.create`, {
    data: { year, title: `${year}年第一批产业知识产权协同保护与运营中心申报`, opensOn: `${year}-01-01`, closesOn: `${year}-12-31` },
  });
  expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
}

async function pick(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
}

async function fetchBytes(page: Page, host: DeskHost, linkOwner: Locator): Promise<Buffer> {
  const href = await linkOwner.getByTestId('export-download').getAttribute('href');
  const res = await page.request.get(`${host.origin}${href}`);
  return res.body();
}

test('登记、上传材料、补正、受理并导出申报汇总表', async ({ page, host }) => {
  test.setTimeout(120_000);
  await openDesk(page, host, '#/applications');
  await createOpenBatch(page, host);
  await page.reload();
  await expect(page.getByText('本批次还没有申报')).toBeVisible();

  // 新增申报: a wrong check character is named under the field
  await page.getByRole('button', { name: '新增申报' }).click();
  const drawer = page.locator('.ant-drawer');
  await expect(drawer.getByLabel('单位名称')).toBeFocused();
  await page.keyboard.type(NAME);
  await drawer.getByLabel('统一社会信用代码').fill('91350100M000100Y42');
  await page.keyboard.press('Enter');
  await expect(drawer.getByText('第18位校验码应为“3”，现为“2”')).toBeVisible();
  await screenshot(page, 'intake-form-uscc-error');
  await drawer.getByLabel('统一社会信用代码').fill(USCC);
  await page.keyboard.press('Enter');
  await expect(drawer.getByTestId('application-status')).toHaveText('草稿');

  // submitting too early lists what is missing
  await drawer.getByRole('button', { name: '提交申报' }).click();
  await expect(drawer.getByRole('alert').filter({ hasText: '未能提交' })).toContainText('还有8项未填写');

  await pick(page, drawer, '单位类型', '企业');
  await drawer.getByLabel('法定代表人').fill('林海');
  await drawer.getByLabel('联系人').fill('陈晓');
  await drawer.getByLabel('联系电话').fill('0591-87654321');
  await drawer.getByLabel('地址', { exact: true }).fill('福州市鼓楼区软件大道89号');
  await pick(page, drawer, '所属县（市）区', '鼓楼区');
  await pick(page, drawer, '所属产业', '软件信息');
  await drawer.getByLabel('拟建中心名称').fill('福州市软件信息产业知识产权协同保护与运营中心');
  await page.getByRole('spinbutton', { name: '发明专利' }).fill('12');
  await drawer.getByRole('button', { name: '添加成员' }).click();
  await drawer.getByLabel('第1位成员姓名').fill('王敏');
  await drawer.getByLabel('第1位成员岗位').fill('中心负责人');
  await drawer.getByLabel('第1位成员资质').fill('专利代理师');
  await drawer.getByLabel('知识产权工作情况').fill('近三年开展专利导航、维权援助和企业培训。');
  await expect(drawer.getByTestId('autosave-status')).toContainText('已自动保存', { timeout: 15_000 });
  await expect(drawer.getByRole('alert').filter({ hasText: '未能提交' })).toBeHidden();
  await drawer.locator('.ant-drawer-body').evaluate((el) => el.scrollTo(0, 0));
  await screenshot(page, 'intake-form');

  // materials: one file per item; a disguised executable is refused in Chinese
  await drawer.getByRole('tab', { name: /申报材料/ }).click();
  await expect(drawer.getByRole('tab', { name: /^申报材料（缺\d项）$/ })).toBeVisible();
  for (let no = 1; no <= 7; no++) {
    const file =
      no === 4
        ? { name: `团队照片.png`, mimeType: 'image/png', buffer: PNG }
        : { name: `材料${no}.pdf`, mimeType: 'application/pdf', buffer: pdf(`item ${no}`) };
    await drawer.getByLabel(`上传第${no}项材料`).setInputFiles(file);
    await expect(drawer.getByTestId(`material-${no}`).getByTestId('material-file')).toHaveCount(1);
  }
  await drawer.getByLabel('上传第3项材料').setInputFiles({
    name: '管理制度.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]),
  });
  await expect(drawer.getByTestId('material-3').getByTestId('upload-error')).toContainText('未接收');
  await expect(drawer.getByTestId('material-3').getByTestId('material-file')).toHaveCount(1);
  await expect(drawer.getByText('七项申报材料均已收取。')).toBeVisible();
  await screenshot(page, 'intake-materials');

  await drawer.getByRole('button', { name: '提交申报' }).click();
  await expect(drawer.getByTestId('application-status')).toHaveText('已提交');

  // 要求补正: items 2 and 5, 5 working days
  await drawer.getByRole('tab', { name: '形式审查' }).click();
  await drawer.getByRole('button', { name: '要求补正' }).click();
  const dialog = page.getByRole('dialog', { name: '要求补正' });
  await dialog.getByLabel('补正第2项').check();
  await dialog.getByLabel('第2项补正理由').fill('营业执照复印件未加盖单位公章');
  await dialog.getByLabel('补正第5项').check();
  await dialog.getByLabel('第5项补正理由').fill('租赁合同已过期，请提供有效的租赁合同');
  await expect(dialog.getByLabel('补正期限（工作日）')).toHaveValue('5');
  await screenshot(page, 'intake-review-dialog');
  await dialog.getByRole('button', { name: '发出补正要求' }).click();
  await expect(dialog).toBeHidden();
  await expect(drawer.getByTestId('application-status')).toHaveText('待补正');
  await expect(drawer.getByTestId('review-round-1')).toContainText('营业执照复印件未加盖单位公章');
  await expect(drawer.getByTestId('supplement-deadline')).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日$/);

  await drawer.getByRole('button', { name: '生成补正通知书' }).click();
  // the first print takes a 发文字号: shown first, 取消 focused; Tab to the act, then Enter
  const look = page.getByRole('dialog', { name: '生成补正通知书并取号' });
  const shown = (await look.getByTestId('confirm-doc-number').textContent())!;
  expect(shown).toMatch(/〔\d{4}〕\d+号$/);
  await expect(look.getByRole('button', { name: '取消' })).toBeFocused();
  await screenshot(page, 'look-number-notice');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(drawer.getByTestId('review-round-1')).toContainText(shown);
  const banner = drawer.getByTestId('notice-banner');
  await expect(banner).toContainText('补正通知书');
  const [download] = await Promise.all([page.waitForEvent('download'), banner.getByTestId('export-download').click()]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const saved = test.info().outputPath('notice.pdf');
  await download.saveAs(saved);
  expect((await readFile(saved)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await screenshot(page, 'intake-notice-banner');

  // the applicant supplements items 2 and 5, then resubmits; the office accepts
  await drawer.getByRole('tab', { name: /申报材料/ }).click();
  await drawer
    .getByLabel('上传第2项材料')
    .setInputFiles({ name: '营业执照（盖章）.pdf', mimeType: 'application/pdf', buffer: pdf('sealed licence') });
  await expect(drawer.getByTestId('material-2').getByTestId('material-file')).toHaveCount(2);
  await drawer
    .getByLabel('上传第5项材料')
    .setInputFiles({ name: '租赁合同2026.pdf', mimeType: 'application/pdf', buffer: pdf('lease 2026') });
  await expect(drawer.getByTestId('material-5').getByTestId('material-file')).toHaveCount(2);
  await drawer.getByRole('button', { name: '补正后重新提交' }).click();
  await expect(drawer.getByTestId('application-status')).toHaveText('已提交');
  await drawer.getByRole('tab', { name: '形式审查' }).click();
  await drawer.getByRole('button', { name: /(^|\s)受理$/ }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '受理' }).click();
  await expect(drawer.getByTestId('application-status')).toHaveText('已受理');
  await expect(drawer.getByTestId('review-round-2')).toContainText('受理');
  await drawer.getByRole('tab', { name: /状态记录/ }).click();
  await expect(drawer.getByTestId('history-entry').first()).toContainText('形式审查：受理');
  await screenshot(page, 'intake-history');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // list: the row, pinyin search, roster export
  const rows = page.locator('.ant-table-tbody .ant-table-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('已受理');
  await page.getByLabel('搜索申报单位').fill('fzsk');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(NAME);
  await page.getByLabel('搜索申报单位').fill('xyz');
  await expect(page.getByText('没有符合条件的申报。')).toBeVisible();
  await page.getByLabel('搜索申报单位').fill('');
  await expect(rows).toHaveCount(1);
  await page.getByRole('button', { name: '导出申报汇总表' }).click();
  const result = page.getByRole('main').getByTestId('export-result');
  await expect(result).toContainText('.xlsx');
  expect((await fetchBytes(page, host, page.getByRole('main'))).subarray(0, 2).toString('latin1')).toBe('PK');
  await screenshot(page, 'intake-list');
});

test('导入Excel：先检查，有错则不导入，无误才可全部导入', async ({ page, host }) => {
  await openDesk(page, host, '#/applications');
  await createOpenBatch(page, host);
  await page.reload();

  await page.getByRole('button', { name: '下载导入模板' }).click();
  await expect(page.getByRole('main').getByTestId('export-result')).toContainText('.xlsx');
  const template = await fetchBytes(page, host, page.getByRole('main'));
  async function filled(rows: string[][]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('申报单位')!;
    rows.forEach((cells, i) => cells.forEach((v, c) => (ws.getRow(4 + i).getCell(c + 2).value = v)));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const row = (name: string, code: string) => [
    name,
    code,
    '企业',
    '张三',
    '李四',
    '13800000000',
    '福州市仓山区',
    '仓山区',
    '生物医药',
    '自愿申报',
    '',
    `${name}知识产权中心`,
  ];
  const good = [row('福州闽江生物科技有限公司', uscc('91350100M00020001')), row('福州榕城新材料有限公司', uscc('91350100M00030002'))];
  const badCode = uscc('91350100M00040003').slice(0, 17) + (uscc('91350100M00040003').endsWith('0') ? '1' : '0');

  await page.getByRole('button', { name: '导入Excel' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('选择Excel文件').setInputFiles({
    name: '申报单位.xlsx',
    mimeType: 'application/octet-stream',
    buffer: await filled([...good, row('福州错码科技有限公司', badCode)]),
  });
  const report = dialog.getByTestId('import-report');
  await expect(report).toContainText('本次未导入任何数据');
  await expect(report.locator('.ant-table-row').first()).toContainText('第6行');
  await expect(report.locator('.ant-table-row').first()).toContainText('统一社会信用代码');
  await expect(dialog.getByRole('button', { name: /全部导入/ })).toBeDisabled();
  await screenshot(page, 'intake-import-errors');

  await dialog
    .getByLabel('选择Excel文件')
    .setInputFiles({ name: '申报单位（修改）.xlsx', mimeType: 'application/octet-stream', buffer: await filled(good) });
  await expect(report).toContainText('检查通过');
  await expect(report.locator('.ant-table-row')).toHaveCount(2);
  await screenshot(page, 'intake-import-preview');
  await dialog.getByRole('button', { name: '全部导入（2个单位）' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.ant-table-tbody .ant-table-row')).toHaveCount(2);
  await expect(page.getByTestId('applications-count')).toHaveText('共 2 件');
});
