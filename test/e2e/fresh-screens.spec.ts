/**
 * Fresh, consistent screens (issue 13 item 5), by keyboard at 1366×768 over the --demo data: the batch the clerk
 * chose is kept from page to page; batch labels read 2026年第一批; the default scoring template says 系统默认
 * (not 1970年1月1日); the results table fits the page with its 标记 column whole; 中心名录 finds a center by
 * pinyin initials. A second test: a batch's status changes on the page right after the first 评审分配.
 * Screens go to test-results/screens/fresh-*.png.
 */
import type { Page } from '@playwright/test';
import { test, expect, type DeskHost } from './fixtures/host.js';
import { openDesk, screenshot } from './fixtures/desk-page.js';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const uscc = (first17: string) =>
  first17 + ALPHABET[(31 - ([...first17].reduce((s, c, i) => s + ALPHABET.indexOf(c) * WEIGHTS[i]!, 0) % 31)) % 31];

async function rpc<T>(page: Page, host: DeskHost, name: string, data: unknown): Promise<T> {
  const res = await page.request.post(`${host.origin}/rpc/${name}`, { data });
  const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  expect(body.ok, `${name}: ${body.error?.message ?? ''}`).toBe(true);
  return body.value;
}

/** Picks an option of the 评审批次 / 申报批次 select by keyboard: focus, type to filter is off, so arrow to it. */
async function chooseBatch(page: Page, label: string, option: string): Promise<void> {
  const select = page.getByLabel(label, { exact: true });
  await select.focus();
  await page.keyboard.press('Enter');
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option });
  await expect(item).toBeVisible();
  for (let i = 0; i < 8 && !(await item.evaluate((el) => el.classList.contains('ant-select-item-option-active'))); i++)
    await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

const go = (page: Page, route: string) => page.evaluate((r) => (window.location.hash = r), route);

test.describe('over the demo data', () => {
  test.use({ demo: true });

  test('the chosen batch follows the clerk; one label form; 系统默认; results fit 1366 px; 中心名录 search', async ({ page, host }) => {
    test.setTimeout(120_000);
    await openDesk(page, host, '#/applications');
    const intakeSelect = page.getByLabel('申报批次', { exact: true });
    await expect(intakeSelect.locator('xpath=ancestor::div[contains(@class,"ant-select")][1]')).toContainText(/\d{4}年第[一二三四]批/);

    // choose 2026年第二批 on 评审组织, then the other pages open on it (not on the newest open batch)
    await go(page, '#/review/organize');
    await chooseBatch(page, '评审批次', '2026年第二批');
    const bar = () => page.locator('.ant-card').filter({ has: page.getByLabel('评审批次', { exact: true }) });
    await expect(bar()).toContainText('2026年第二批');
    // nothing saved for this batch: the built-in template has no date of its own
    await expect(page.getByTestId('template-made')).toHaveText('系统默认');
    await screenshot(page, 'fresh-default-template');

    await chooseBatch(page, '评审批次', '2026年第一批');
    await go(page, '#/review/results');
    await expect(bar()).toContainText('2026年第一批（已认定）');
    await go(page, '#/designation');
    await expect(bar()).toContainText('2026年第一批（已认定）');
    await go(page, '#/applications');
    await expect(page.locator('.ant-select').filter({ has: intakeSelect })).toContainText('2026年第一批');

    // 评审结果 at 1366×768: no horizontal page scroll; 标记 is whole inside the page
    await go(page, '#/review/results');
    await expect(page.getByTestId('method-text')).toBeVisible();
    await expect(page.locator('.ant-table-row').first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const flagsHeader = page.locator('.ant-table-thead th').filter({ hasText: /^标记$/ });
    const box = (await flagsHeader.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1366);
    const main = (await page.locator('.ant-layout-content').boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(main.x + main.width);
    await expect(flagsHeader).toBeInViewport({ ratio: 1 });
    await screenshot(page, 'fresh-results-1366');

    // 中心名录: pinyin initials of 电子信息 find that one center, as 申报登记 does
    await go(page, '#/centers');
    await expect(page.getByTestId('centers-count')).toHaveText('共6家');
    await page.getByLabel('搜索中心').focus();
    await page.keyboard.type('dzxx');
    await expect(page.getByTestId('centers-count')).toHaveText('共1家');
    await expect(page.locator('.ant-table-row')).toContainText('福州市电子信息产业知识产权协同保护与运营中心');
    await screenshot(page, 'fresh-centers-search');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('不存在');
    await expect(page.getByTestId('centers-count')).toHaveText('共0家');
    await expect(page.getByText('没有符合条件的中心。')).toBeVisible();
  });
});

test('the batch status changes on the page after the first 评审分配, without a reload', async ({ page, host }) => {
  test.setTimeout(90_000);
  await openDesk(page, host, '#/applications');
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
  const batch = await rpc<{ id: string }>(page, host, 'batches.create', {
    year,
    title: `${year}年第一批产业知识产权协同保护与运营中心申报`,
    opensOn: `${year}-01-01`,
    closesOn: `${year}-12-31`,
  });
  const app = await rpc<{ id: string }>(page, host, 'applications.create', {
    batchId: batch.id,
    applicant: {
      name: '福州数科信息技术有限公司',
      uscc: uscc('91350100MA0000001'),
      unitType: 'enterprise',
      legalRepresentative: '林某',
      contact: '陈某',
      phone: '13800000000',
      address: '福州市鼓楼区软件大道89号',
      district: '鼓楼区',
      industry: '软件信息',
    },
    proposedCenterName: '福州市软件信息产业知识产权协同保护与运营中心',
  });
  await rpc(page, host, 'applications.submit', { id: app.id, acknowledgeMissing: true });
  await rpc(page, host, 'formalReview.accept', { applicationId: app.id });
  const expert = await rpc<{ id: string }>(page, host, 'experts.create', { name: '陈研究员', organisation: '福建省科学技术信息研究所' });
  await rpc(page, host, 'scoring.setPanel', { batchId: batch.id, expertIds: [expert.id] });

  await go(page, '#/review/organize');
  const bar = page.locator('.ant-card').filter({ has: page.getByLabel('评审批次', { exact: true }) });
  await expect(bar).toContainText(`${year}年第一批（受理中）`);
  await page.getByRole('button', { name: '全部分配' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.ant-message-notice')).toBeVisible();
  await expect(bar).toContainText(`${year}年第一批（评审中）`);
  await screenshot(page, 'fresh-status-after-assign');
});
