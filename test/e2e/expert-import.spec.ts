/** 专家库 › 导入Excel in Chromium: a file with a bad row imports nothing and names the row; a clean file imports all. */
import ExcelJS from 'exceljs';
import { test, expect } from './fixtures/host.js';
import { openDesk, screenshot } from './fixtures/desk-page.js';
import { rpc } from './fixtures/seed-centers.js';

async function expertSheet(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('专家名册');
  ws.addRow(['评审专家名册']);
  ws.addRow(['']);
  ws.addRow(['序号', '姓名', '工作单位', '单位统一社会信用代码', '职称', '专业领域', '联系电话', '申报回避单位（多个用“、”分隔）']);
  rows.forEach((r, i) => ws.addRow([i + 1, ...r]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('导入专家：有错的表不导入并指明行，无误的表全部导入', async ({ page, host }) => {
  await openDesk(page, host, '#/review/experts');
  await rpc(page, host, 'experts.create', {
    name: '已有专家',
    organisation: '福州大学',
    title: '教授',
    field: '知识产权',
    phone: '13800000001',
  });
  await page.reload();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(1);

  const good = [
    ['张三', '福建师范大学', '', '教授', '电子信息', '13800000002', '福州某科技有限公司'],
    ['李四', '闽江学院', '', '副教授', '软件', '13800000003', ''],
  ];
  await page.getByRole('button', { name: '导入Excel' }).click();
  const dialog = page.getByRole('dialog', { name: '从Excel导入专家' });
  await dialog.getByLabel('选择Excel文件').setInputFiles({
    name: '专家.xlsx',
    mimeType: 'application/octet-stream',
    buffer: await expertSheet([...good, ['已有专家', '福州大学', '', '', '', '', '']]),
  });
  const report = dialog.getByTestId('expert-import-report');
  await expect(report).toContainText('本次未导入任何专家');
  await expect(report).toContainText('已在专家库中');
  await expect(report.locator('.ant-table-row').first()).toContainText('第6行');
  await expect(dialog.getByRole('button', { name: /全部导入/ })).toBeDisabled();

  await dialog
    .getByLabel('选择Excel文件')
    .setInputFiles({ name: '专家（修改）.xlsx', mimeType: 'application/octet-stream', buffer: await expertSheet(good) });
  await expect(report).toContainText('检查通过');
  await screenshot(page, 'review-expert-import');
  await dialog.getByRole('button', { name: '全部导入（2位专家）' }).click();
  await expect(dialog).toBeHidden();
  await expect(rows).toHaveCount(3);
  await expect(page.locator('.ant-table-tbody')).toContainText('闽江学院');
});
