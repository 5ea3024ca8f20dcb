/** 基本设置, 操作日志, 备份与恢复 against a fresh web host. */
import { test, expect } from './fixtures/host.js';
import { openDesk, screenshot, typeNewBatch } from './fixtures/desk-page.js';

test('基本设置：修改后刷新仍保留，页眉显示操作人', async ({ page, host }) => {
  await openDesk(page, host, '#/settings');
  const form = page.getByRole('form', { name: '基本设置' });
  await expect(form.getByLabel('发文机关')).toHaveValue('福州市市场监督管理局');
  await expect(page.getByText('数据文件夹')).toBeVisible();
  await expect(page.getByText(host.dataDir)).toBeVisible();
  await expect(page.getByText('字体来源')).toBeVisible();
  // Each role with the face that prints it; with no 仿宋 installed (as here) the substitute is named.
  await expect(page.getByText('楷体（二级标题）')).toBeVisible();
  await expect(page.getByText('小标宋（标题、发文机关标志）')).toBeVisible();
  await expect(page.getByText('本机未安装仿宋字体，暂以此字体代替；安装后重新启动本程序即可使用。')).toBeVisible();

  await form.getByLabel('操作人').fill('林晓明');
  await form.getByLabel('证书编号前缀').fill('FZIPC');
  await form.getByLabel('操作人').press('Enter');
  await expect(page.getByText('设置已保存。')).toBeVisible();
  await expect(page.getByTestId('header-identity')).toContainText('操作人：林晓明');
  await screenshot(page, 'settings');

  await form.getByLabel('发文机关').fill('');
  await form.getByRole('button', { name: '保存设置' }).click();
  await expect(form.getByText('请填写发文机关名称')).toBeVisible();
  await screenshot(page, 'settings-error');

  await page.reload();
  await expect(page.getByRole('form', { name: '基本设置' }).getByLabel('操作人')).toHaveValue('林晓明');
  await expect(page.getByRole('form', { name: '基本设置' }).getByLabel('发文机关')).toHaveValue('福州市市场监督管理局');
  await expect(page.getByTestId('header-identity')).toContainText('操作人：林晓明');
});

test('操作日志列出每次修改', async ({ page, host }) => {
  await openDesk(page, host, '#/settings');
  const form = page.getByRole('form', { name: '基本设置' });
  await form.getByLabel('操作人').fill('林晓明');
  await form.getByLabel('操作人').press('Enter');
  await expect(page.getByText('设置已保存。')).toBeVisible();
  await page.getByRole('navigation', { name: '主导航' }).getByText('申报批次', { exact: true }).click();
  await typeNewBatch(page, { title: '2026年第一批产业知识产权协同保护与运营中心申报', opensOn: '2026-03-02', closesOn: '2026-03-31' });
  await expect(page.getByRole('dialog')).toBeHidden();

  await page.getByRole('navigation', { name: '主导航' }).getByText('操作日志', { exact: true }).click();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.filter({ hasText: '新建申报批次' })).toContainText('林晓明');
  await expect(rows.filter({ hasText: '新建申报批次' })).toContainText('申报批次 2026-1');
  await expect(rows.filter({ hasText: '修改设置' }).first()).toContainText('修改设置：操作人');
  await expect(rows.first()).toContainText(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
  // each entry names the OS account and the machine beside the operator
  await expect(rows.filter({ hasText: '新建申报批次' })).toContainText('@');
  await page.getByRole('button', { name: '校验日志' }).click();
  await expect(page.getByTestId('audit-verify-result')).toContainText('操作日志完整');
  await expect(page.getByTestId('audit-verify-result')).toContainText(/共\d+条记录/);
  await screenshot(page, 'audit-log');
});

test('备份与恢复：确认后恢复并显示结果', async ({ page, host }) => {
  await openDesk(page, host);
  await typeNewBatch(page, { title: '2026年第一批产业知识产权协同保护与运营中心申报', opensOn: '2026-03-02', closesOn: '2026-03-31' });
  await expect(page.getByRole('dialog')).toBeHidden();

  await page.getByRole('navigation', { name: '主导航' }).getByText('备份与恢复', { exact: true }).click();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.first()).toContainText('每日自动备份');
  await screenshot(page, 'backups');

  await rows.first().getByRole('button', { name: '恢复' }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('当前的全部数据由快照');
  await expect(confirm).toContainText('恢复前备份');
  await screenshot(page, 'backups-confirm');
  await confirm.getByRole('button', { name: '恢复' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId('restore-result')).toContainText('已从备份');
  await expect(rows.filter({ hasText: '恢复前备份' })).toHaveCount(1);
  await screenshot(page, 'backups-restored');
});

test('选择列表：增加一个产业，刷新后仍在；清空列表时显示中文错误', async ({ page, host }) => {
  await openDesk(page, host, '#/settings');
  const form = page.getByRole('form', { name: '选择列表' });
  const industries = form.getByLabel('产业');
  await expect(industries).toHaveValue(/电子信息/);
  await industries.fill(`${await industries.inputValue()}\n低空经济`);
  await form.getByRole('button', { name: '保存列表' }).click();
  await expect(page.getByText('选择列表已保存')).toBeVisible();
  await screenshot(page, 'settings-lists');
  await page.reload();
  await expect(page.getByRole('form', { name: '选择列表' }).getByLabel('产业')).toHaveValue(/低空经济/);
  await page.getByRole('form', { name: '选择列表' }).getByLabel('县（市）区').fill('');
  await page.getByRole('form', { name: '选择列表' }).getByRole('button', { name: '保存列表' }).click();
  await expect(page.getByText(/至少保留一项/)).toBeVisible();
});

test('证书与印章：导入印章图片并预览，选择A3纸张，刷新后仍在；非图片被拒绝', async ({ page, host }) => {
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  await openDesk(page, host, '#/settings');
  await page
    .getByLabel('选择印章图片')
    .setInputFiles({ name: '公章.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 not a picture') });
  await expect(page.getByText(/公章\.pdf/).first()).toBeVisible();
  await page.getByLabel('选择印章图片').setInputFiles({ name: '公章.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByAltText('印章预览')).toBeVisible();
  await page.getByRole('radio', { name: 'A3 横向' }).click();
  await expect(page.getByText('证书纸张已保存。')).toBeVisible();
  await screenshot(page, 'settings-certificate');
  await page.reload();
  await expect(page.getByAltText('印章预览')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'A3 横向' })).toBeChecked();
});

test('恢复确认：对话框还在打开时已按Tab到“恢复”，打开后按回车即恢复', async ({ page, host }) => {
  await openDesk(page, host);
  await typeNewBatch(page, { title: '2026年第一批产业知识产权协同保护与运营中心申报', opensOn: '2026-03-02', closesOn: '2026-03-31' });
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.getByRole('navigation', { name: '主导航' }).getByText('备份与恢复', { exact: true }).click();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.first()).toContainText('每日自动备份');

  // The clerk tabs to the act's button while the dialog is still opening (at once, as a fast typist or a busy
  // machine does); the opening ends (afterOpenChange); Enter then acts — it used to do nothing.
  await rows.first().getByRole('button', { name: '恢复' }).click();
  await page.keyboard.press('Tab');
  const confirm = page.getByRole('dialog');
  const act = confirm.getByRole('button', { name: '恢复' });
  await expect(act).toBeFocused();
  const modal = page.locator('.ant-modal');
  await expect(modal).not.toHaveClass(/ant-zoom-appear/); // opened
  await page.waitForTimeout(300);
  await expect(act).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId('restore-result')).toContainText('已从备份');
});
