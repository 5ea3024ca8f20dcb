/**
 * 浏览… (the in-app path picker) in Chromium against a fresh web host: a temp folder stands in for a USB
 * stick. On 备份与恢复 › 从备份文件恢复 the picker starts in the folder of the typed (missing) path, is walked
 * by keyboard (↓, Enter, Backspace) and by clicks (folder, breadcrumb), and the picked backup file fills the
 * field without starting the check; Esc cancels; on 备份到文件 a folder is picked; on 年度档案 a zip is
 * picked with a double-click. Screens: path-picker, path-picker-folder.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures/host.js';
import { openDesk, screenshot } from './fixtures/desk-page.js';

test('浏览…：在本机文件夹中选择备份文件和备份文件夹', async ({ page, host }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  const usb = await mkdtemp(path.join(os.tmpdir(), 'desk-usb-'));
  const backups = path.join(usb, '工作台备份');
  const backupFile = path.join(backups, '福州市产业知识产权中心数据备份-20261125-103000.ipcdesk-backup');
  try {
    await mkdir(backups);
    await mkdir(path.join(usb, '档案', '2026年'), { recursive: true });
    await writeFile(backupFile, 'PK backup-like bytes');
    await writeFile(path.join(backups, '说明.txt'), '不是备份文件');
    await writeFile(path.join(backups, '2026年度档案.zip'), 'PK');
    await writeFile(path.join(usb, '.隐藏.ipcdesk-backup'), 'hidden');

    await openDesk(page, host, '#/settings/backups');
    const restoreCard = page.getByTestId('restore-file-card');
    const field = restoreCard.getByRole('textbox', { name: '备份文件路径' });
    // a path that is not there (yet): the picker starts in its folder
    await field.fill(path.join(usb, '不存在.ipcdesk-backup'));
    await restoreCard.getByRole('button', { name: '浏览…' }).click();

    const dialog = page.getByRole('dialog', { name: '选择文件' });
    await expect(dialog).toBeVisible();
    const list = dialog.getByTestId('path-picker-list');
    const crumbs = dialog.getByTestId('path-picker-crumbs');
    await expect(crumbs).toContainText(path.basename(usb));
    await expect(list.getByRole('option')).toHaveText([/^档案/, /^工作台备份/]); // folders by pinyin; no hidden file
    await expect(dialog.getByRole('navigation', { name: '常用位置' })).toContainText('本机用户文件夹');
    await expect(dialog.getByRole('navigation', { name: '常用位置' })).toContainText('工作台导出文件夹');
    await expect(list).toBeFocused();

    // ── keyboard: ↓ to 工作台备份, Enter opens it, Backspace comes back with it still chosen ──
    await expect(list.getByRole('option', { selected: true })).toHaveText(/^档案/);
    await page.keyboard.press('ArrowDown');
    await expect(list.getByRole('option', { selected: true })).toHaveText(/^工作台备份/);
    await page.keyboard.press('Enter');
    await expect(crumbs).toContainText('工作台备份');
    // only backup files are offered (no .txt, no .zip)
    await expect(list.getByRole('option')).toHaveText([/^福州市产业知识产权中心数据备份-20261125-103000\.ipcdesk-backup/]);
    await expect(list).toBeFocused();
    await page.keyboard.press('Backspace');
    await expect(crumbs).not.toContainText('工作台备份');
    await expect(list.getByRole('option', { selected: true })).toHaveText(/^工作台备份/);

    // ── clicks: a folder opens on one click, the breadcrumb goes back, a file is chosen and picked ──
    await list.getByRole('option', { name: /档案/ }).first().click();
    await expect(list.getByRole('option')).toHaveText([/^2026年/]);
    await crumbs.getByRole('button', { name: path.basename(usb) }).click();
    await expect(list.getByRole('option')).toHaveCount(2);
    await list.getByRole('option', { name: /工作台备份/ }).click();
    const file = list.getByRole('option', { name: /ipcdesk-backup/ });
    await file.click();
    await expect(file).toHaveAttribute('aria-selected', 'true');
    await expect(dialog.getByTestId('path-picker-target')).toContainText(backupFile);
    await expect(file).toContainText('20 字节');
    await expect(dialog.getByRole('button', { name: '上一级' })).toBeEnabled();
    await screenshot(page, 'path-picker');
    const box = await dialog.locator('.ant-modal-container, .ant-modal-content').first().boundingBox();
    expect(box!.y + box!.height, 'the picker fits a 1366×768 screen').toBeLessThanOrEqual(768);
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(field).toHaveValue(backupFile);
    // picking fills the field only: the check waits for 检查备份文件
    await expect(restoreCard.getByTestId('backup-inspection')).toHaveCount(0);

    // ── Esc cancels and leaves the field alone; reopening starts at the picked file ──
    await restoreCard.getByRole('button', { name: '浏览…' }).click();
    await expect(dialog).toBeVisible();
    await expect(list.getByRole('option', { selected: true })).toHaveText(/ipcdesk-backup/);
    await expect(list).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(field).toHaveValue(backupFile);

    // ── 备份到文件: pick a folder ──
    const backupCard = page.getByTestId('backup-file-card');
    const dirField = backupCard.getByRole('textbox', { name: '备份保存文件夹' });
    await dirField.fill(usb);
    await backupCard.getByRole('button', { name: '浏览…' }).click();
    const folderDialog = page.getByRole('dialog', { name: '选择文件夹' });
    await expect(folderDialog).toBeVisible();
    const folderList = folderDialog.getByTestId('path-picker-list');
    await expect(folderList.getByRole('option')).toHaveText([/^档案/, /^工作台备份/]);
    await folderList.getByRole('option', { name: /档案/ }).click();
    await expect(folderDialog.getByTestId('path-picker-crumbs')).toContainText('档案');
    await expect(folderDialog.getByTestId('path-picker-target')).toContainText(path.join(usb, '档案'));
    await screenshot(page, 'path-picker-folder');
    await folderDialog.getByRole('button', { name: '选择此文件夹' }).click();
    await expect(folderDialog).toBeHidden();
    await expect(dirField).toHaveValue(path.join(usb, '档案'));
    await expect(backupCard.getByTestId('backup-file-result')).toHaveCount(0);

    // ── 年度档案 › 校验档案文件: only zips are offered; a double-click picks one ──
    await page.evaluate(() => (window.location.hash = '#/archive'));
    const verifyCard = page.getByTestId('verify-path-card');
    const zipField = verifyCard.getByRole('textbox', { name: '档案文件路径' });
    await zipField.fill(backups);
    await verifyCard.getByRole('button', { name: '浏览…' }).click();
    await expect(dialog).toBeVisible();
    await expect(list.getByRole('option')).toHaveText([/^2026年度档案\.zip/]);
    await list.getByRole('option', { name: /2026年度档案\.zip/ }).dblclick();
    await expect(dialog).toBeHidden();
    await expect(zipField).toHaveValue(path.join(backups, '2026年度档案.zip'));
    await expect(verifyCard.getByTestId('verify-result')).toHaveCount(0);

    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(problems, 'no script errors').toEqual([]);
  } finally {
    await rm(usb, { recursive: true, force: true });
  }
});
