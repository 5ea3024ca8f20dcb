/**
 * Forms that keep the clerk's work (issue 13 item 3), by keyboard at 1366×768: Esc on a filled application form
 * asks and keeps the data on 继续编辑; Tab after a dropdown goes to the next field, not its clear (×) button; the
 * USCC is checked when the field is left; a save the server refuses puts the cursor on the field it names; a
 * settings card with changes asks before the page is left; 代录 score boxes start empty and an empty box is named.
 * Screens go to test-results/screens/forms-*.png.
 */
import type { Page } from '@playwright/test';
import { test, expect, type DeskHost } from './fixtures/host.js';
import { openDesk, pressEscape, screenshot } from './fixtures/desk-page.js';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const uscc = (first17: string) =>
  first17 + ALPHABET[(31 - ([...first17].reduce((s, c, i) => s + ALPHABET.indexOf(c) * WEIGHTS[i]!, 0) % 31)) % 31];

const NAME = '福州数科知识产权服务有限公司';

async function rpc<T>(page: Page, host: DeskHost, name: string, data: unknown): Promise<T> {
  const res = await page.request.post(`${host.origin}/rpc/${name}`, { data });
  const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  expect(body.ok, `${name}: ${body.error?.message ?? ''}`).toBe(true);
  return body.value;
}

const thisYear = () => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

async function openBatch(page: Page, host: DeskHost): Promise<string> {
  const year = thisYear();
  const batch = await rpc<{ id: string }>(page, host, 'batches.create', {
    year,
    title: `${year}年第一批产业知识产权协同保护与运营中心申报`,
    opensOn: `${year}-01-01`,
    closesOn: `${year}-12-31`,
  });
  return batch.id;
}

test('申报表: Esc asks, Tab skips the clear button, USCC on leaving, a refused save goes to its field', async ({ page, host }) => {
  test.setTimeout(90_000);
  await openDesk(page, host, '#/applications');
  await openBatch(page, host);
  await page.reload();
  await expect(page.getByText('本批次还没有申报')).toBeVisible();

  // an untouched form closes on Esc without a question
  await page.getByRole('button', { name: '新增申报' }).focus();
  await page.keyboard.press('Enter');
  const drawer = page.locator('.ant-drawer');
  await expect(drawer.getByLabel('单位名称')).toBeFocused();
  await pressEscape(page);
  await expect(drawer).toBeHidden();
  await expect(page.getByRole('dialog', { name: '有未保存的修改' })).toHaveCount(0);

  // where the focus goes while the drawer opens: to 单位名称 and nowhere else. (The drawer used to focus its own
  // panel after the field's autoFocus; on a busy machine a fast typist's Tab then went to the close button.)
  await page.getByRole('button', { name: '新增申报' }).focus();
  await page.evaluate(() => {
    const trail: string[] = [];
    (window as unknown as { focusTrail: string[] }).focusTrail = trail;
    document.addEventListener('focusin', (e) => {
      const el = e.target as HTMLElement;
      trail.push(el.id || `${el.tagName}.${String(el.className).slice(0, 40)}`);
    });
  });
  await page.keyboard.press('Enter');
  await expect(drawer.getByLabel('单位名称')).toBeFocused();
  await expect(drawer).toHaveClass(/ant-drawer-open/);
  await page.waitForTimeout(600); // the opening animation has ended and afterOpenChange has run
  const trail = await page.evaluate(() => (window as unknown as { focusTrail: string[] }).focusTrail);
  expect(trail, `focus trail: ${trail.join(' → ')}`).toEqual([await drawer.getByLabel('单位名称').getAttribute('id')]);
  await page.keyboard.type(NAME);
  await page.keyboard.press('Tab');
  const usccBox = drawer.getByLabel('统一社会信用代码');
  await expect(usccBox).toBeFocused();
  await page.keyboard.type('91350100M000100Y42');
  const usccItem = drawer.locator('.ant-form-item').filter({ has: page.getByLabel('统一社会信用代码') });
  await expect(usccItem.locator('.ant-form-item-explain-error')).toHaveCount(0); // not while typing
  await page.keyboard.press('Tab'); // leaving the field checks it (GB 32100 check character)
  await expect(usccItem.locator('.ant-form-item-explain-error')).toHaveText('统一社会信用代码：第18位校验码应为“3”，现为“2”，请核对');
  await screenshot(page, 'forms-uscc-on-blur');
  await usccBox.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('91350100M000100Y43');
  await page.keyboard.press('Tab');
  await expect(usccItem.locator('.ant-form-item-explain-error')).toHaveCount(0);

  // 单位类型 by keyboard, then Tab: the next field, not the select's clear (×) button
  const unitType = drawer.getByLabel('单位类型');
  await expect(unitType).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.ant-select-dropdown:visible')).toBeVisible();
  await page.keyboard.press('Enter');
  const clear = drawer
    .locator('.ant-form-item')
    .filter({ has: page.getByLabel('单位类型') })
    .locator('.ant-select-clear');
  await expect(clear).toHaveCount(1);
  await expect(clear).toHaveAttribute('tabindex', '-1');
  // as a person sees the list close before moving on (a Tab while it is open picks the option and stays, by antd's design)
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await page.keyboard.press('Tab');
  await expect(drawer.getByLabel('法定代表人')).toBeFocused();
  await page.keyboard.type('林海');

  // Esc on the filled form asks; Enter answers 继续编辑 (the default) and everything typed is still there
  await pressEscape(page);
  const ask = page.getByRole('dialog').filter({ hasText: '有未保存的修改' });
  await expect(ask).toBeVisible();
  await expect(ask.getByRole('button', { name: '继续编辑' })).toBeFocused();
  await screenshot(page, 'forms-ask-before-closing');
  await page.keyboard.press('Enter');
  await expect(ask).toBeHidden();
  await expect(drawer).toBeVisible();
  await expect(drawer.getByLabel('单位名称')).toHaveValue(NAME);
  await expect(drawer.getByLabel('法定代表人')).toHaveValue('林海');

  // a save the server refuses (a character no font prints, further down the form) puts the cursor on that field
  const center = drawer.getByLabel('拟建中心名称');
  await center.fill('福州市𠈌产业知识产权协同保护与运营中心');
  await drawer.getByLabel('单位名称').focus();
  await page.keyboard.press('Enter');
  const centerItem = drawer.locator('.ant-form-item').filter({ has: page.getByLabel('拟建中心名称') });
  await expect(centerItem.locator('.ant-form-item-explain-error')).toContainText('𠈌');
  await expect(center).toBeFocused();
  await expect(center).toBeInViewport();
  await screenshot(page, 'forms-refused-save-focus');

  // Esc, then 放弃修改 (Tab from 继续编辑): the drawer closes and nothing was registered
  await pressEscape(page);
  await expect(ask).toBeVisible();
  await page.keyboard.press('Shift+Tab');
  await expect(ask.getByRole('button', { name: '放弃修改' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(drawer).toBeHidden();
  expect((await rpc<{ total: number }>(page, host, 'applications.list', { batchId: `${thisYear()}-1` })).total).toBe(0);
});

test('基本设置 with an unsaved change asks before the page is left', async ({ page, host }) => {
  await openDesk(page, host, '#/settings');
  const operator = page.getByLabel('操作人');
  await operator.fill('王秘书');
  await page.getByRole('navigation', { name: '主导航' }).getByText('申报批次').click();
  const ask = page.getByRole('dialog').filter({ hasText: '有未保存的修改' });
  await expect(ask).toBeVisible();
  await page.keyboard.press('Enter'); // 继续编辑
  await expect(ask).toBeHidden();
  await expect(page.getByRole('heading', { name: '基本设置' })).toBeVisible();
  await expect(operator).toHaveValue('王秘书');
  expect(page.url()).toContain('#/settings');

  // saved: leaving no longer asks
  await operator.press('Enter');
  await expect(page.getByText('设置已保存。')).toBeVisible();
  await page.getByRole('navigation', { name: '主导航' }).getByText('申报批次').click();
  await expect(page.getByRole('heading', { name: '申报批次' })).toBeVisible();
  await expect(ask).toHaveCount(0);
});

test('代录: score boxes start empty; saving with an empty box names it and goes there', async ({ page, host }) => {
  test.setTimeout(90_000);
  await openDesk(page, host, '#/applications');
  const batchId = await openBatch(page, host);
  const app = await rpc<{ id: string }>(page, host, 'applications.create', {
    batchId,
    applicant: {
      name: NAME,
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
  await rpc(page, host, 'scoring.setPanel', { batchId, expertIds: [expert.id] });
  await rpc(page, host, 'scoring.assign', { batchId, mode: 'all' });

  await page.evaluate(() => (window.location.hash = '#/review/entry'));
  await page.getByLabel('申报单位').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.getByLabel('评审专家').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  const form = page.getByTestId('sheet-form');
  const boxes = form.getByRole('spinbutton');
  await expect(boxes).toHaveCount(7);
  for (let i = 0; i < 7; i++) await expect(boxes.nth(i)).toHaveValue('');
  await expect(form.getByTestId('typed-sum')).toHaveText('—');
  await screenshot(page, 'forms-sheet-empty');

  // the first box typed, Enter in the third: the second is named and gets the cursor
  await boxes.nth(0).focus();
  await page.keyboard.type('12');
  await boxes.nth(2).focus();
  await page.keyboard.type('8');
  await page.keyboard.press('Enter');
  const second = form
    .locator('.ant-form-item')
    .filter({ has: page.getByRole('spinbutton') })
    .nth(1);
  await expect(second.locator('.ant-form-item-explain-error')).toHaveText(/^请填写“.+”的得分$/);
  await expect(boxes.nth(1)).toBeFocused();
  const sheets = await rpc<{ sheets: unknown[] }>(page, host, 'scoring.overview', { batchId });
  expect(sheets.sheets).toEqual([]);
});
