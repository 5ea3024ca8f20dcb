/**
 * Two roles on the web host (the desktop host is tested through its built bundle in test/unit/electron/roles-main.test.ts):
 * the first start asks what this computer is for and remembers it (role file outside both data folders); 专家模式
 * refuses the secretariat's pages; a review package handed over as a double-click would lands in the expert import
 * with the file chosen; 关于 shows version, role, data folder, fonts and free space, and exports the diagnostics.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, spawnHost, test } from './fixtures/host.js';
import { screenshot } from './fixtures/desk-page.js';

let root: string;
test.beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-roles-'));
});
test.afterEach(() => rmSync(root, { recursive: true, force: true }));

const roleArgs = () => ['--data-root', path.join(root, 'folders'), '--role-file', path.join(root, 'config', 'role.json')];

test('第一次启动：选择本机用途（键盘），记住选择，再次启动直接进入', async ({ page }) => {
  const host = await spawnHost(roleArgs());
  try {
    await page.goto(host.url);
    const card = page.getByTestId('first-start');
    await expect(card.getByRole('heading', { name: '这台电脑用来做什么？' })).toBeVisible();
    await expect(card).toContainText('秘书处工作台');
    await expect(card).toContainText('评审专家（离线评分）');
    await expect(card).toContainText('导入秘书处给的评审包，离线打分');
    await expect(page.getByRole('navigation', { name: '主导航' })).toHaveCount(0);
    await screenshot(page, 'laptop-first-start');
    // Keyboard: the first choice has the focus; arrow down picks the second, Enter starts.
    await expect(page.getByRole('radio', { name: /秘书处工作台/ })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: /评审专家/ })).toBeChecked();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('import-package')).toBeVisible();
    expect(page.url()).toContain('#/expert');
    expect(JSON.parse(readFileSync(path.join(root, 'config', 'role.json'), 'utf8'))).toMatchObject({ role: 'expert' });
    expect(existsSync(path.join(root, 'folders', 'expert-data', 'store'))).toBe(true);
    expect(existsSync(path.join(root, 'folders', 'data'))).toBe(false);

    // The secretariat's pages are refused, not only hidden (and their API with them).
    await page.evaluate(() => (window.location.hash = '#/applications'));
    await expect(page.getByText('专家模式下不能使用秘书处的功能')).toBeVisible();
    await screenshot(page, 'laptop-expert-refused');
    const api = await page.request.post(`${host.origin}/rpc/batches.list`, { data: {} });
    expect(await api.json()).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    await page.getByRole('button', { name: '回到评审工作台' }).click();
    await expect(page.getByTestId('import-package')).toBeVisible();
  } finally {
    await host.stop();
  }
  // The next start remembers the role.
  const again = await spawnHost(roleArgs());
  try {
    await page.goto(again.url);
    await expect(page.getByTestId('import-package')).toBeVisible();
    await expect(page.getByTestId('first-start')).toHaveCount(0);
  } finally {
    await again.stop();
  }
});

test('双击评审包：在专家模式的导入页已选好文件，口令仍需输入；放错电脑的文件有中文提示', async ({ page }) => {
  const pkg = path.join(root, '评审包-林教授-2026-1.ipcdpkg');
  writeFileSync(pkg, Buffer.concat([Buffer.from('IPCDPKG1', 'latin1'), Buffer.alloc(300, 1)]));
  const host = await spawnHost([...roleArgs(), '--role=expert', '--open', pkg]);
  try {
    await page.goto(host.url);
    await expect(page.getByTestId('picked-file')).toHaveText(/评审包-林教授-2026-1\.ipcdpkg（.*已双击打开）/);
    await expect(page.getByRole('textbox', { name: '一次性口令' })).toBeFocused();
    await screenshot(page, 'laptop-open-package');
    // The code is still to be typed: a wrong one is refused by the import itself (the bytes are no real package).
    await page.keyboard.type('AAAA-BBBB-CCCC');
    await page.keyboard.press('Enter');
    await expect(page.getByText('未能导入评审包')).toBeVisible();
  } finally {
    await host.stop();
  }
  const sec = await spawnHost([...roleArgs(), '--role=secretariat', '--open', pkg]);
  try {
    await page.goto(sec.url);
    const dialog = page.getByRole('dialog').filter({ hasText: '无法打开' });
    await expect(dialog).toContainText('要在评审专家的电脑上（专家模式）导入');
    await screenshot(page, 'laptop-wrong-kind');
    await dialog.getByRole('button', { name: '知道了' }).click();
  } finally {
    await sec.stop();
  }
});

test('关于：版本、本机用途、数据文件夹、字体、磁盘空间；导出诊断信息；更改用途先提醒', async ({ page }) => {
  const host = await spawnHost(roleArgs());
  try {
    await page.goto(host.url);
    await page.getByRole('radio', { name: /秘书处工作台/ }).check();
    await page.getByRole('button', { name: /开始使用/ }).click();
    await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
    await page.getByRole('button', { name: '关于' }).click();
    const about = page.getByRole('dialog', { name: /关于/ });
    await expect(about.getByTestId('about-role')).toHaveText('秘书处工作台');
    await expect(about.getByTestId('about-data-dir')).toContainText(path.join(root, 'folders', 'data'));
    await expect(about.getByTestId('about-disk')).toHaveText(/可用 .+，共 .+/);
    await expect(about.getByTestId('about-fonts')).toContainText('仿宋（正文）');
    await expect(about.getByTestId('about-fonts')).toContainText(/本机字体|随程序提供/);
    await expect(about).toContainText('0.1.0');
    await screenshot(page, 'laptop-about');
    await about.getByRole('button', { name: '导出诊断信息' }).click();
    const link = about.getByTestId('export-download');
    await expect(link).toBeVisible();
    const zip = await (await page.request.get(`${host.origin}${await link.getAttribute('href')}`)).body();
    expect(zip.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    await about.getByRole('button', { name: /改为“评审专家/ }).click();
    const ask = page.getByRole('dialog').filter({ hasText: '另一个数据文件夹' });
    await expect(ask).toBeVisible();
    await screenshot(page, 'laptop-role-change');
    await ask.getByRole('button', { name: '取消' }).click();
    expect(JSON.parse(readFileSync(path.join(root, 'config', 'role.json'), 'utf8'))).toMatchObject({ role: 'secretariat' });
  } finally {
    await host.stop();
  }
});
