/**
 * 档案著录 and the 四性检测 on screen, by keyboard at 1366×768: 全宗号 is set in 设置 › 档案著录 (a wrong one is
 * refused with the Chinese message naming the field), a year is sealed, its card shows the seal's 四性检测,
 * and 校验 shows the verifier's own 四性检测 agreeing with it. Screens: archive-catalog-settings-error,
 * archive-catalog-settings, archive-four-checks, archive-verify-four-checks.
 */
import { test, expect } from './fixtures/host.js';
import { openDesk, screenshot } from './fixtures/desk-page.js';
import { rpc, seedDesignatedCenters, shanghaiDate } from './fixtures/seed-centers.js';

test('设置全宗号（错误时提示），封存年度后年度卡片显示四性检测结果，校验显示校验时的四性检测', async ({ page, host }) => {
  test.setTimeout(240_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  const year = Number(shanghaiDate().slice(0, 4));

  // ── 设置 › 档案著录：全宗号 ──
  await openDesk(page, host, '#/settings');
  const archival = page.getByTestId('archival-card');
  const fonds = archival.getByRole('textbox', { name: '全宗号' });
  await expect(fonds).toBeEnabled(); // the settings have loaded
  await fonds.focus();
  await expect(fonds).toBeFocused();
  await page.keyboard.type('j01');
  await page.keyboard.press('Enter');
  await expect(archival).toContainText('全宗号应为4位数字或大写字母与数字的组合（如 J001），由档案馆给定');
  await expect(fonds).toBeFocused();
  await fonds.scrollIntoViewIfNeeded();
  await screenshot(page, 'archive-catalog-settings-error');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('J001');
  await expect(archival).toContainText(`档号示例：J001-${year}-Y-0001`);
  await page.keyboard.press('Enter');
  await expect(page.getByText('全宗号与保管期限已保存，下次封存时生效。')).toBeVisible();
  await screenshot(page, 'archive-catalog-settings');
  const settings = await rpc<{ fondsNumber?: string }>(page, host, 'settings.get', {});
  expect(settings.fondsNumber).toBe('J001');

  // ── 封存：年度卡片显示四性检测结果 ──
  await seedDesignatedCenters(page, host);
  await openDesk(page, host, '#/archive');
  const card = page.getByTestId(`year-card-${year}`);
  await expect(card).toContainText('未封存');
  await card.getByRole('button', { name: '封存年度档案' }).focus();
  await page.keyboard.press('Enter');
  const sealDialog = page.getByRole('dialog', { name: `封存${year}年度档案` });
  await expect(sealDialog).toBeVisible();
  const ack = sealDialog.getByRole('checkbox', { name: '已知悉上述未完成事项，仍然封存' });
  if (await ack.count()) {
    await ack.focus();
    await page.keyboard.press('Space');
    await expect(ack).toBeChecked();
  }
  // Enter never seals: the clerk moves from 取消 to 封存 with Tab, then presses Enter
  await sealDialog.getByRole('button', { name: '取消' }).focus();
  await page.keyboard.press('Tab');
  await expect(sealDialog.getByRole('button', { name: '封存', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(sealDialog).toBeHidden({ timeout: 120_000 });
  await expect(card).toContainText('已封存 · 第1版');
  const checks = card.getByTestId('four-checks');
  await expect(checks).toContainText('四性检测');
  await expect(checks).toContainText('00-四性检测报告.pdf');
  await checks.scrollIntoViewIfNeeded();
  await screenshot(page, 'archive-four-checks');

  // ── 校验：校验时的四性检测与封存时一致 ──
  await card.getByRole('button', { name: '校验' }).focus();
  await page.keyboard.press('Enter');
  const verified = card.getByTestId('verify-result');
  await expect(verified).toContainText('档案完好', { timeout: 60_000 });
  await expect(verified.getByTestId('verify-four-checks')).toContainText('与封存时的检测结果一致。');
  await expect(page.getByTestId('progress-task')).toHaveCount(0);
  await verified.scrollIntoViewIfNeeded();
  await screenshot(page, 'archive-verify-four-checks');
  expect(problems).toEqual([]);
});
