/** 申报登记 with 5,000 applications: the table stays virtual (few DOM rows) and search still answers. */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { test, expect } from './fixtures/host.js';
import { openDesk, screenshot } from './fixtures/desk-page.js';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const uscc = (first17: string) =>
  first17 + ALPHABET[(31 - ([...first17].reduce((s, c, i) => s + ALPHABET.indexOf(c) * WEIGHTS[i]!, 0) % 31)) % 31];
const PLACES = ['闽江', '榕城', '鼓山', '马尾', '仓山', '晋安', '长乐', '福清'];
const TRADES = ['电子', '纺织', '生物', '新材', '海洋', '软件', '装备', '食品'];

test('5,000 applications: virtual table, pinyin search, sort', async ({ page, host }) => {
  test.setTimeout(120_000);
  await openDesk(page, host, '#/applications');
  const rpc = async (name: string, data: unknown) =>
    (await (await page.request.post(`${host.origin}/rpc/${name}`, { data })).json()) as {
      ok: boolean;
      value: never;
      error?: { message: string };
    };
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
  expect((await rpc('batches.create', { year, title: `${year}年第一批`, opensOn: `${year}-01-01`, closesOn: `${year}-12-31` })).ok).toBe(
    true,
  );

  const template = (await rpc('applications.exportTemplate', {})).value as { path: string };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(template.path)) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('申报单位')!;
  for (let i = 0; i < 5000; i++) {
    const name = i === 4321 ? '福州数科知识产权服务有限公司' : `${PLACES[i % 8]}${TRADES[Math.floor(i / 8) % 8]}第${i}号有限公司`;
    const cells = [
      name,
      uscc(`91350100MA${String(i).padStart(7, '0')}`),
      '企业',
      '张三',
      '李四',
      '13800000000',
      '福州市仓山区',
      '仓山区',
      '生物医药',
      '自愿申报',
      '',
      `${name}中心`,
    ];
    cells.forEach((v, c) => (ws.getRow(4 + i).getCell(c + 2).value = v));
  }
  const upload = await page.request.post(`${host.origin}/upload?name=${encodeURIComponent('5000.xlsx')}`, {
    headers: { 'Content-Type': 'application/octet-stream' },
    data: Buffer.from(await wb.xlsx.writeBuffer()),
  });
  const { uploadId } = ((await upload.json()) as { value: { uploadId: string } }).value;
  const imported = await rpc('applications.importTemplate', { batchId: `${year}-1`, uploadId, dryRun: false });
  expect(imported.ok, imported.error?.message).toBe(true);

  await page.reload();
  await expect(page.getByText('共 5000 件')).toBeVisible({ timeout: 20_000 });
  const rows = page.locator('.ant-table-tbody-virtual .ant-table-row, .ant-table-tbody .ant-table-row');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeLessThan(200); // virtualised: only what fits on screen is in the DOM
  await screenshot(page, 'intake-5000');

  await page.getByLabel('搜索申报单位').fill('fzsk');
  await expect(page.getByText('共 1 件')).toBeVisible();
  await expect(rows.first()).toContainText('福州数科知识产权服务有限公司');
  await page.getByLabel('搜索申报单位').fill('');
  await expect(page.getByText('共 5000 件')).toBeVisible();
  await page.getByRole('columnheader', { name: /单位名称/ }).click();
  await expect(rows.first()).toBeVisible();
});
