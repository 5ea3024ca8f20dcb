/**
 * 备份与恢复 → 备份到文件 / 从备份文件恢复 in Chromium against a fresh web host: back the data up into a
 * temp folder (as if a USB stick), change the data, see a damaged copy refused by 检查备份文件, inspect the
 * backup file, restore it after the confirm dialog and see the report (the app reloads); the change made after
 * the backup is gone. Screens: backup-file, backup-file-restored.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, type DeskHost } from './fixtures/host.js';
import { openDesk, screenshot } from './fixtures/desk-page.js';

async function rpc<T>(page: Page, host: DeskHost, name: string, data: unknown): Promise<T> {
  const res = await page.request.post(`${host.origin}/rpc/${name}`, { data });
  const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  expect(body.ok, `${name}: ${body.error?.message ?? ''}`).toBe(true);
  return body.value;
}

const T1 = '2026年第一批产业知识产权协同保护与运营中心申报';
const T2 = '2026年第二批产业知识产权协同保护与运营中心申报';

test('备份到文件，再从备份文件恢复并看到恢复报告', async ({ page, host }) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  const usb = await mkdtemp(path.join(os.tmpdir(), 'desk-usb-'));
  try {
    await openDesk(page, host, '#/settings/backups');
    await rpc(page, host, 'batches.create', { year: 2026, title: T1, opensOn: '2026-01-01', closesOn: '2026-12-31' });

    // ── 备份到文件 ──
    const backupCard = page.getByTestId('backup-file-card');
    await expect(backupCard).toContainText('可填写U盘路径');
    await backupCard.getByRole('textbox', { name: '备份保存文件夹' }).fill(usb);
    await backupCard.getByRole('textbox', { name: '备份保存文件夹' }).press('Enter');
    const made = backupCard.getByTestId('backup-file-result');
    await expect(made).toBeVisible({ timeout: 60_000 });
    await expect(made).toContainText('已备份到文件');
    await expect(made).toContainText(usb);
    await expect(made).toContainText('包含：');
    const backupPath = (await made.getByText(usb).first().textContent())!.trim();
    expect(path.dirname(backupPath)).toBe(usb);
    expect((await stat(backupPath)).size).toBeGreaterThan(0);
    await expect(page.getByTestId('progress-task')).toHaveCount(0);
    await screenshot(page, 'backup-file');

    // a change after the backup, which the restore must take away
    await rpc(page, host, 'batches.create', { year: 2026, title: T2, opensOn: '2026-06-01', closesOn: '2026-12-31' });
    expect((await rpc<{ title: string }[]>(page, host, 'batches.list', {})).map((b) => b.title)).toContain(T2);

    // ── 从备份文件恢复：损坏的副本检查不通过，不能恢复 ──
    const restoreCard = page.getByTestId('restore-file-card');
    const bytes = await readFile(backupPath);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = bytes[middle]! ^ 0xff;
    const damaged = path.join(usb, '损坏的副本.ipcdesk-backup');
    await writeFile(damaged, bytes);
    await restoreCard.getByRole('textbox', { name: '备份文件路径' }).fill(damaged);
    await restoreCard.getByRole('button', { name: '检查备份文件' }).click();
    const bad = restoreCard.getByTestId('backup-inspection');
    await expect(bad).toContainText('不能恢复', { timeout: 60_000 });
    await expect(bad.locator('li')).not.toHaveCount(0);
    await expect(bad.getByRole('button', { name: '恢复' })).toHaveCount(0);

    // ── 从备份文件恢复：先检查，再确认 ──
    await restoreCard.getByRole('textbox', { name: '备份文件路径' }).fill(backupPath);
    await restoreCard.getByRole('textbox', { name: '备份文件路径' }).press('Enter');
    const inspection = restoreCard.getByTestId('backup-inspection');
    await expect(inspection).toContainText('备份文件完好，可以恢复', { timeout: 60_000 });
    await inspection.getByRole('button', { name: '恢复' }).click();
    const confirm = page.getByRole('dialog', { name: '从备份文件恢复全部数据' });
    await expect(confirm).toContainText('当前数据先另存为一个快照');
    await expect(confirm.getByRole('button', { name: '取消' })).toBeFocused(); // the default: Enter never restores
    await screenshot(page, 'look-restore-file');
    await confirm.getByRole('button', { name: '恢复', exact: true }).click();
    const report = page.getByTestId('restore-file-report');
    await expect(report).toBeVisible({ timeout: 120_000 });
    await expect(report).toContainText('已从备份文件恢复全部数据');
    await expect(report).toContainText('恢复前的数据已另存为');
    await expect(report).toContainText(backupPath);

    const titles = (await rpc<{ title: string }[]>(page, host, 'batches.list', {})).map((b) => b.title);
    expect(titles).toContain(T1);
    expect(titles).not.toContain(T2);
    // the replaced data is kept as a snapshot in the list below
    await expect(page.locator('.ant-table-tbody tr.ant-table-row')).not.toHaveCount(0);
    await screenshot(page, 'backup-file-restored');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(problems, 'no script errors').toEqual([]);
  } finally {
    await rm(usb, { recursive: true, force: true });
  }
});
