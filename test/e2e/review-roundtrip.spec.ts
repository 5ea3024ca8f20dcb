/**
 * 离线评审往返 with two data folders: the secretariat's host (set up through the API) exports a review
 * package; the expert's host, in 专家模式 (#/expert), imports it with the one-time code (a wrong code first),
 * scores both applications (a score above the maximum is named under its field), exports the signed result
 * file and wipes the laptop; the secretariat imports the result file in 导入评分结果 and the results show the
 * expert's totals. Screens go to test-results/screens/expert-*.png for people to look at.
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect, type DeskHost } from './fixtures/host.js';
import { screenshot } from './fixtures/desk-page.js';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const uscc = (first17: string) =>
  first17 + ALPHABET[(31 - ([...first17].reduce((s, c, i) => s + ALPHABET.indexOf(c) * WEIGHTS[i]!, 0) % 31)) % 31];
const pdf = (text: string) =>
  Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');

const APPS = ['福州数科信息技术有限公司', '福州闽江生物科技有限公司'];
const EXPERT = '陈研究员';

/** The API with the host's token as a Bearer header (the two hosts share 127.0.0.1, so one cookie would clash). */
function bearer(host: DeskHost): Record<string, string> {
  return { Authorization: `Bearer ${new URL(host.url).searchParams.get('token') ?? ''}` };
}

async function rpc<T>(page: Page, host: DeskHost, name: string, data: unknown): Promise<T> {
  const res = await page.request.post(`${host.origin}/rpc/${name}`, { data, headers: bearer(host) });
  const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  expect(body.ok, `${name}: ${body.error?.message ?? ''}`).toBe(true);
  return body.value;
}

interface Criterion {
  key: string;
  title: string;
  max: number;
  step: number;
}

interface Seeded {
  batchId: string;
  expertId: string;
  appIds: string[];
  criteria: Criterion[];
  code: string;
  packageFile: { name: string; buffer: Buffer };
}

/** Secretariat: a batch, two accepted applications with a PDF each, two experts on the panel, a package for 陈研究员. */
async function seedSecretariat(page: Page, host: DeskHost): Promise<Seeded> {
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
  const batch = await rpc<{ id: string }>(page, host, 'batches.create', {
    year,
    title: `${year}年第一批产业知识产权协同保护与运营中心申报`,
    opensOn: `${year}-01-01`,
    closesOn: `${year}-12-31`,
  });
  const appIds: string[] = [];
  for (const [i, name] of APPS.entries()) {
    const app = await rpc<{ id: string }>(page, host, 'applications.create', {
      batchId: batch.id,
      applicant: {
        name,
        uscc: uscc(`91350100MA${String(i + 1).padStart(7, '0')}`),
        unitType: 'enterprise',
        legalRepresentative: '林某',
        contact: '陈某',
        phone: '13800000000',
        address: '福州市鼓楼区软件大道89号',
        district: '鼓楼区',
        industry: '软件信息',
      },
      proposedCenterName: `${name.replace('有限公司', '')}知识产权中心`,
    });
    const up = await page.request.post(`${host.origin}/upload?name=${encodeURIComponent('营业执照.pdf')}`, {
      data: pdf(`licence ${i + 1}`),
      headers: { ...bearer(host), 'Content-Type': 'application/octet-stream' },
    });
    const staged = (await up.json()) as { ok: boolean; value: { uploadId: string } };
    expect(staged.ok).toBe(true);
    await rpc(page, host, 'applications.attachFile', { applicationId: app.id, itemNo: 1, uploadId: staged.value.uploadId });
    await rpc(page, host, 'applications.submit', { id: app.id, acknowledgeMissing: true });
    await rpc(page, host, 'formalReview.accept', { applicationId: app.id });
    appIds.push(app.id);
  }
  const chen = await rpc<{ id: string }>(page, host, 'experts.create', {
    name: EXPERT,
    organisation: '福建省科学技术信息研究所',
    title: '研究员',
    field: '专利分析',
    phone: '13800000002',
  });
  const huang = await rpc<{ id: string }>(page, host, 'experts.create', {
    name: '黄工',
    organisation: '福州大学',
    title: '高级工程师',
    field: '新材料',
    phone: '13800000003',
  });
  await rpc(page, host, 'scoring.setPanel', { batchId: batch.id, expertIds: [chen.id, huang.id] });
  await rpc(page, host, 'scoring.assign', { batchId: batch.id, mode: 'all' });
  const template = await rpc<{ current: { criteria: Criterion[] } }>(page, host, 'scoring.getTemplate', { batchId: batch.id });
  const issued = await rpc<{ file: { path: string; fileName: string }; oneTimeCode: string }>(page, host, 'packages.export', {
    batchId: batch.id,
    expertId: chen.id,
  });
  return {
    batchId: batch.id,
    expertId: chen.id,
    appIds,
    criteria: template.current.criteria,
    code: issued.oneTimeCode,
    packageFile: { name: issued.file.fileName, buffer: await readFile(issued.file.path) },
  };
}

/** A valid score near `share` of the maximum, on the criterion's step. */
const scoreFor = (c: Criterion, share: number) => Math.round((c.max * share) / c.step) * c.step;

test('专家模式离线评审往返：导入评审包、评分、导出结果、清除，秘书处导入后显示总分', async ({ page, host, expertHost }) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  const seeded = await seedSecretariat(page, host);

  // ── the expert's laptop: 专家模式, its own shell without the secretariat's navigation
  await page.goto(`${expertHost.url}#/expert`);
  await expect(page.getByRole('heading', { name: '产业知识产权中心认定工作台 · 专家评审' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '主导航' })).toHaveCount(0);
  const importCard = page.getByTestId('import-package');
  await expect(importCard).toBeVisible();

  // a wrong code is refused with a Chinese sentence; the right one (typed in lower case, no dashes) imports
  await page
    .getByLabel('选择评审包文件')
    .setInputFiles({ name: seeded.packageFile.name, mimeType: 'application/octet-stream', buffer: seeded.packageFile.buffer });
  await expect(page.getByTestId('picked-file')).toContainText(seeded.packageFile.name);
  await expect(page.getByLabel('一次性口令')).toBeFocused();
  await page.keyboard.type('ABCD-EFGH-JKLM');
  await page.keyboard.press('Enter');
  await expect(importCard.getByRole('alert')).toContainText('一次性口令不正确', { timeout: 30_000 });
  await screenshot(page, 'expert-import-wrong-code');
  await page.getByLabel('一次性口令').fill(seeded.code.replace(/-/g, '').toLowerCase());
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('import-notice')).toContainText('已导入评审包', { timeout: 30_000 });
  await expect(page.getByTestId('expert-identity')).toContainText(EXPERT);

  // 评审工作台: both applications, nothing done yet; the first one's data and its material
  const list = page.getByTestId('package-application');
  await expect(list).toHaveCount(2);
  await expect(page.getByTestId('progress')).toContainText('已完成 0 / 2');
  const detail = page.getByTestId('application-detail');
  await expect(detail).toContainText(APPS[0]!);
  await expect(detail).toContainText('知识产权数据');
  const material = detail.getByTestId('package-material').getByRole('link', { name: '营业执照.pdf' });
  await expect(material).toBeVisible();
  const opened = await page.request.get(`${expertHost.origin}${await material.getAttribute('href')}`);
  expect((await opened.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // a score above the maximum is named under its field at once; fixing it clears the message
  const form = page.getByTestId('score-form');
  const first = seeded.criteria[0]!;
  // every score box starts empty: no 0 the expert never typed (issue 13 item 3)
  for (const c of seeded.criteria) await expect(form.getByRole('spinbutton', { name: c.title })).toHaveValue('');
  await form.getByRole('spinbutton', { name: first.title }).fill(String(first.max + 5));
  const firstItem = form.getByTestId(`criterion-${first.key}`);
  await expect(firstItem.getByTestId('field-problem')).toContainText(`超过满分${first.max}`);
  await screenshot(page, 'expert-score-error');
  const expected: number[] = [];
  for (const [n, share] of [0.8, 0.6].entries()) {
    if (n === 1) {
      await list.nth(1).click();
      await expect(detail).toContainText(APPS[1]!);
    }
    for (const c of seeded.criteria) await form.getByRole('spinbutton', { name: c.title }).fill(String(scoreFor(c, share)));
    await form
      .locator('.ant-radio-button-wrapper')
      .filter({ hasText: n === 0 ? /^推荐$/ : /^不推荐$/ })
      .click();
    await form.getByLabel('评语').fill(n === 0 ? '制度健全，团队专业，运营基础较好。' : '服务能力尚需加强。');
    const total = seeded.criteria.reduce((s, c) => s + scoreFor(c, share), 0);
    expected.push(total);
    await expect(form.getByTestId('draft-total')).toHaveText(String(total));
    await expect(form.getByTestId('sheet-state')).toHaveText('本份评分已完成');
    await expect(firstItem.getByTestId('field-problem')).toHaveCount(0);
    if (n === 0) {
      // 导出 before the second one is done lists what is missing
      await expect(list.nth(0)).toContainText(`已完成${total} 分`);
      await page.getByRole('button', { name: '导出评分结果' }).click();
      const panel = page.getByRole('dialog', { name: '导出评分结果' });
      await expect(panel.getByTestId('missing-item')).toContainText(APPS[1]!);
      await expect(panel.getByRole('button', { name: '导出评分结果文件' })).toBeDisabled();
      await screenshot(page, 'expert-export-missing');
      await panel.getByRole('button', { name: '返回评分' }).click();
      await expect(panel).toBeHidden();
    }
  }
  await expect(page.getByTestId('progress')).toContainText('已完成 2 / 2');
  await expect(page.getByTestId('save-status')).toContainText('草稿已保存');
  await screenshot(page, 'expert-workbench');

  // drafts survive a reload (they are on the expert's disk)
  await page.reload();
  await expect(page.getByTestId('progress')).toContainText('已完成 2 / 2');
  await expect(list.nth(1)).toContainText(`${expected[1]} 分`);

  // 导出评分结果 → download → 清除本机评审数据 (only after the file was saved)
  await page.getByRole('button', { name: '导出评分结果' }).click();
  const panel = page.getByRole('dialog', { name: '导出评分结果' });
  await panel.getByRole('button', { name: '导出评分结果文件' }).click();
  const link = panel.getByTestId('export-download');
  await expect(link).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByRole('button', { name: '清除本机评审数据' })).toBeDisabled();
  await screenshot(page, 'expert-export');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const resultName = download.suggestedFilename();
  const resultBytes = await readFile(await download.path());
  expect(resultBytes.length).toBeGreaterThan(100);
  await panel.getByRole('button', { name: '清除本机评审数据' }).click();
  const confirm = page.getByTestId('wipe-confirm');
  await expect(confirm).toContainText('评分草稿 2 份');
  await expect(confirm).toContainText('申报材料文件 2 个');
  await expect(confirm.getByTestId('wipe-keeps')).toContainText(
    `“${resultName}”已加密，不会删除，仍保留在导出文件夹 ${path.join(expertHost.dataDir, 'exports')} 中`,
  );
  await screenshot(page, 'expert-wipe-confirm');
  await page.getByRole('button', { name: '确认清除' }).click();
  await expect(page.getByTestId('wipe-notice')).toContainText('已从本机清除', { timeout: 30_000 });
  await expect(page.getByTestId('wipe-notice')).toContainText(
    `评分结果文件（已加密）没有删除，仍在导出文件夹 ${path.join(expertHost.dataDir, 'exports')} 中：${resultName}`,
  );
  await expect(page.getByTestId('import-package')).toBeVisible();
  const after = await rpc<{ package?: unknown; drafts: Record<string, unknown> }>(page, expertHost, 'expert.state', {});
  expect(after.package).toBeUndefined();
  expect(after.drafts).toEqual({});
  await screenshot(page, 'expert-wiped');

  // ── back at the secretariat: 导入评分结果 → preview → 应用; the results show the expert's totals
  await page.goto(`${host.url}#/review/import`);
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await page.getByLabel('选择评分结果文件').setInputFiles({ name: resultName, mimeType: 'application/octet-stream', buffer: resultBytes });
  const file = page.getByTestId('result-file');
  await expect(file).toContainText('可以导入', { timeout: 30_000 });
  await expect(file).toContainText(EXPERT);
  await page.getByRole('button', { name: /应用/ }).click();
  await expect(page.getByTestId('apply-summary')).toContainText('应用1个');
  await screenshot(page, 'expert-secretariat-import');
  const results = await rpc<{ rows: { applicationId: string; totals: { expertId: string; total: number }[] }[] }>(
    page,
    host,
    'scoring.results',
    { batchId: seeded.batchId },
  );
  for (const [i, id] of seeded.appIds.entries()) {
    const row = results.rows.find((r) => r.applicationId === id);
    expect(row?.totals).toContainEqual({ expertId: seeded.expertId, total: expected[i] });
  }
  // 评审结果 in the UI, with the 评审汇总表 as PDF and as xlsx
  await page.evaluate(() => (window.location.hash = '#/review/results'));
  await expect(page.getByTestId('method-text')).toBeVisible();
  await expect(page.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(seeded.appIds.length);
  for (const [button, magic] of [
    ['评审汇总表PDF', '%PDF-'],
    ['Excel', 'PK\u0003\u0004'],
  ] as const) {
    await page.getByRole('button', { name: button }).click();
    const link = page.getByRole('main').getByTestId('export-download');
    await expect(link).toHaveAttribute('href', button === 'Excel' ? /\.xlsx$/ : /\.pdf$/, { timeout: 30_000 });
    const body = await (await page.request.get(`${host.origin}${await link.getAttribute('href')}`, { headers: bearer(host) })).body();
    expect(body.subarray(0, magic.length).toString('latin1')).toBe(magic);
  }
  await screenshot(page, 'expert-secretariat-results');
  expect(problems, 'no script errors').toEqual([]);
});
