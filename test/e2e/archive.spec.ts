/**
 * 年度档案 in Chromium against a fresh web host — the acceptance flow: a summary is entered, assessed,
 * a re-review revokes a center, the year is sealed (progress bar), the archive verifies as 档案完好, a write
 * into the sealed year is refused with the Chinese YEAR_SEALED message, the year is unsealed with a reason
 * (封存记录 shows it), and a copy of the archive with one byte flipped is verified by path: the damaged file
 * is named. Screens: archive-years, archive-seal-progress (when the seal is slow enough to catch),
 * archive-verified, archive-verify-damaged.
 */
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test, expect, screenPath } from './fixtures/host.js';
import { cancelDialog, openDesk, screenshot } from './fixtures/desk-page.js';
import { cnDate, rpc, seedDesignatedCenters, shanghaiDate } from './fixtures/seed-centers.js';

/** The zip entry whose stored bytes (local header + data) hold `offset`, read from the central directory. */
function entryAt(zip: Buffer, offset: number): string | null {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) return null;
  const count = zip.readUInt16LE(eocd + 10);
  const cdStart = zip.readUInt32LE(eocd + 16);
  const entries: { name: string; start: number }[] = [];
  for (let p = cdStart, i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) return null;
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    entries.push({ name: zip.subarray(p + 46, p + 46 + nameLen).toString('utf8'), start: zip.readUInt32LE(p + 42) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  entries.sort((a, b) => a.start - b.start);
  if (offset >= cdStart) return null;
  return entries.filter((e) => e.start <= offset).at(-1)?.name ?? null;
}

interface YearStatus {
  year: number;
  sealed: boolean;
  seals: { version: number; file: { path: string; fileName: string }; fileCount: number }[];
}

test('总结、考核、复核撤销后封存年度档案，校验、解除封存、校验损坏的副本', async ({ page, host }) => {
  test.setTimeout(300_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  const year = Number(shanghaiDate().slice(0, 4));
  const title = `${year}年第一批产业知识产权协同保护与运营中心申报`;
  await openDesk(page, host, '#/centers/summaries');
  const { names } = await seedDesignatedCenters(page, host);
  const [summarised, , revoked] = names as [string, string, string];

  // ── 年度工作总结：登记一家中心的总结 ──
  await page.reload();
  const summaryRow = page.getByTestId('summaries').locator('tr.ant-table-row').filter({ hasText: summarised });
  await summaryRow.getByRole('button', { name: '登记总结' }).click();
  const drawer = page.getByTestId('summary-drawer');
  await expect(drawer).toBeVisible();
  const indicators = drawer.getByTestId('indicator-fields').getByRole('spinbutton');
  await expect(indicators.first()).toBeFocused();
  for (let i = 0; i < (await indicators.count()); i++) await indicators.nth(i).fill(String(3 + i));
  await drawer.getByRole('textbox', { name: '工作总结' }).fill('全年开展公益培训、维权援助和纠纷化解工作，联盟成员单位持续增加。');
  await drawer.getByRole('button', { name: '保存总结' }).click();
  await expect(drawer).toBeHidden();
  await expect(summaryRow.getByTestId('summary-submitted')).toHaveText(cnDate(shanghaiDate()));

  // ── 中期考核：按考核表打分 ──
  await openDesk(page, host, '#/centers/assessments');
  const template = await rpc<{ current: { criteria: { title: string; max: number; step: number }[] } }>(
    page,
    host,
    'assessments.template',
    { year },
  );
  await page
    .getByTestId('assessments')
    .getByRole('button', { name: `考核${summarised}` })
    .click();
  const sheet = page.getByRole('dialog', { name: `${year}年度中期考核：${summarised}` });
  await expect(sheet).toBeVisible();
  for (const c of template.current.criteria)
    await sheet.getByRole('spinbutton', { name: c.title, exact: true }).fill(String(Math.round((c.max * 0.9) / c.step) * c.step));
  await sheet.getByRole('button', { name: '保存考核结果' }).click();
  await expect(sheet).toBeHidden();
  await expect(
    page.getByTestId('assessments').locator('tr.ant-table-row').filter({ hasText: summarised }).getByTestId('assessment-grade'),
  ).toBeVisible();

  // ── 三年复核：撤销一家中心 ──
  await openDesk(page, host, '#/centers/reviews');
  await page
    .getByTestId('reviews-centers')
    .getByRole('button', { name: `复核${revoked}` })
    .click();
  const review = page.getByRole('dialog', { name: '复核' });
  await review.getByRole('radio', { name: '撤销' }).check();
  await review.getByRole('textbox', { name: '复核意见' }).fill('经复核，该中心未按共建协议开展工作，予以撤销。');
  await review.getByRole('button', { name: '保存复核结论' }).click();
  const sure = page.getByRole('dialog', { name: `撤销认定：${revoked}` });
  await sure.getByRole('button', { name: '撤销认定' }).click();
  await expect(page.getByTestId('review-decided')).toContainText(`${revoked} 撤销`);
  await expect(page.getByTestId('review-decided')).toContainText('已撤销');

  // ── 封存 ──
  await openDesk(page, host, '#/archive');
  const card = page.getByTestId(`year-card-${year}`);
  await expect(card).toContainText(`${year}年度`);
  await expect(card).toContainText('未封存');
  await expect(card).toContainText('申报批次 1 个');
  await expect(card).toContainText('认定中心 3 家');
  await expect(card).toContainText('年度工作总结 1 份');
  await expect(card).toContainText('中期考核 1 份');
  await expect(card).toContainText('复核 1 次');
  await screenshot(page, 'archive-years');

  await card.getByRole('button', { name: '封存年度档案' }).click();
  const sealDialog = page.getByRole('dialog', { name: `封存${year}年度档案` });
  await expect(sealDialog).toBeVisible();
  await expect(sealDialog).toContainText('manifest.json');
  await expect(sealDialog.getByRole('button', { name: '取消' })).toBeFocused(); // the default: Enter never seals
  const ack = sealDialog.getByRole('checkbox', { name: '已知悉上述未完成事项，仍然封存' });
  if (await ack.count()) {
    await expect(sealDialog.getByRole('button', { name: '封存', exact: true })).toBeDisabled();
    await ack.check();
  }
  await sealDialog.getByRole('button', { name: '封存', exact: true }).click();
  const progress = sealDialog.getByTestId('seal-progress');
  await progress.waitFor({ state: 'visible', timeout: 3_000 }).then(
    () => page.screenshot({ path: screenPath('archive-seal-progress') }),
    () => console.log('seal finished before its progress bar could be caught'),
  );
  await expect(sealDialog).toBeHidden({ timeout: 120_000 });
  await expect(card).toContainText('已封存 · 第1版');
  await expect(card).toContainText('文件数');
  const years = await rpc<YearStatus[]>(page, host, 'archive.years', {});
  const sealed = years.find((y) => y.year === year)!;
  expect(sealed.sealed).toBe(true);
  const archiveFile = sealed.seals[0]!.file;
  await expect(card).toContainText(archiveFile.fileName);

  // ── 校验 ──
  await card.getByRole('button', { name: '校验' }).click();
  const verified = card.getByTestId('verify-result');
  await expect(verified).toContainText('档案完好', { timeout: 60_000 });
  await expect(verified).toContainText(`已逐一校验 ${sealed.seals[0]!.fileCount} 个文件`);
  await expect(page.getByTestId('progress-task')).toHaveCount(0);
  await screenshot(page, 'archive-verified');

  // ── 已封存年度不能修改 ──
  await openDesk(page, host, '#/batches');
  await expect(page.getByRole('row', { name: new RegExp(title) })).toContainText('已封存');
  await page.getByRole('button', { name: `修改${title}` }).click();
  const batchDialog = page.getByRole('dialog', { name: `修改申报批次（${year}年）` });
  await expect(batchDialog).toBeVisible();
  await batchDialog.locator('#title').fill(`${title}（更正）`);
  await batchDialog.getByRole('button', { name: '保存修改' }).click();
  await expect(batchDialog.getByRole('alert')).toContainText(`${year}年度档案已封存，不能修改该年度的数据。`);
  await cancelDialog(page); // the typed change is dropped on purpose: the form asks first
  await expect(batchDialog).toBeHidden();
  await openDesk(page, host, '#/applications');
  await expect(page.getByTestId('sealed-year-alert')).toContainText(`${year}年度档案已封存，本年度的数据只读。`);
  await screenshot(page, 'archive-sealed-applications');

  // ── 解除封存（须填写理由） ──
  await openDesk(page, host, '#/archive');
  await card.getByRole('button', { name: '解除封存' }).click();
  const unsealDialog = page.getByRole('dialog', { name: `解除${year}年度封存` });
  await expect(unsealDialog).toContainText('须重新封存');
  await expect(unsealDialog.getByRole('textbox', { name: '解除理由' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(unsealDialog).toContainText('请填写解除理由');
  await page.keyboard.type('更正批次名称');
  await page.keyboard.press('Enter');
  await expect(unsealDialog).toBeHidden();
  await expect(card).toContainText('未封存（已解除第1版）');
  await expect(card).toContainText('理由：更正批次名称');
  await card.getByRole('button', { name: '封存记录' }).click();
  const history = page.getByRole('dialog', { name: `${year}年度封存记录` });
  await expect(history).toContainText('第1版');
  await expect(history).toContainText('已解除封存');
  await expect(history).toContainText('理由：更正批次名称');
  await page.keyboard.press('Escape');
  await expect(history).toBeHidden();
  // unsealed: the same write now goes through
  // (the batch is designated: renaming it is a correction and carries its reason)
  const updated = await rpc<{ title: string }>(page, host, 'batches.update', {
    id: `${year}-1`,
    title: `${title}（更正）`,
    reason: '更正批次名称',
  });
  expect(updated.title).toBe(`${title}（更正）`);

  // ── 校验档案室退回的副本：翻转中间一个字节 ──
  const dir = await mkdtemp(path.join(os.tmpdir(), 'desk-archive-copy-'));
  try {
    const copy = path.join(dir, `副本-${archiveFile.fileName}`);
    await copyFile(archiveFile.path, copy);
    const bytes = await readFile(copy);
    const middle = Math.floor(bytes.length / 2);
    const damaged = entryAt(bytes, middle);
    expect(damaged, 'the middle byte lies in a zip entry').not.toBeNull();
    bytes[middle] = bytes[middle]! ^ 0xff;
    await writeFile(copy, bytes);

    const pathCard = page.getByTestId('verify-path-card');
    await pathCard.getByRole('textbox', { name: '档案文件路径' }).fill(copy);
    await pathCard.getByRole('textbox', { name: '档案文件路径' }).press('Enter');
    const result = pathCard.getByTestId('verify-result');
    await expect(result).toBeVisible({ timeout: 60_000 });
    await expect(result).not.toContainText('档案完好');
    await expect(result.getByTestId('verify-problems').locator('li')).not.toHaveCount(0);
    await expect(result.getByTestId('verify-problems')).toContainText(damaged!);
    await result.scrollIntoViewIfNeeded();
    await expect(page.getByTestId('progress-task')).toHaveCount(0); // the tray lingers a moment over the result
    await screenshot(page, 'archive-verify-damaged');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  expect(problems, 'no script errors').toEqual([]);
});
