/**
 * 专家评审 (secretariat side) in Chromium against a fresh web host: expert pool form, panel, assign all with a
 * conflict, override with a reason, a review package with its one-time code, 代录 with a score above the maximum,
 * results with the method text and the summary PDF. Screens go to test-results/screens/review-*.png.
 */
import type { Page } from '@playwright/test';
import { test, expect, type DeskHost } from './fixtures/host.js';
import { openDesk, screenshot } from './fixtures/desk-page.js';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const uscc = (first17: string) =>
  first17 + ALPHABET[(31 - ([...first17].reduce((s, c, i) => s + ALPHABET.indexOf(c) * WEIGHTS[i]!, 0) % 31)) % 31];

const APPS = ['福州数科信息技术有限公司', '福州闽江生物科技有限公司', '福州榕城新材料有限公司'];

async function rpc<T>(page: Page, host: DeskHost, name: string, data: unknown): Promise<T> {
  const res = await page.request.post(`${host.origin}/rpc/${name}`, { data });
  const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  expect(body.ok, `${name}: ${body.error?.message ?? ''}`).toBe(true);
  return body.value;
}

/** A batch open all this year and three accepted applications; two experts, one working at the first applicant. */
async function seed(page: Page, host: DeskHost): Promise<void> {
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
  const batch = await rpc<{ id: string }>(page, host, 'batches.create', {
    year,
    title: `${year}年第一批产业知识产权协同保护与运营中心申报`,
    opensOn: `${year}-01-01`,
    closesOn: `${year}-12-31`,
  });
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
      proposedCenterName: `${name}知识产权中心`,
    });
    await rpc(page, host, 'applications.submit', { id: app.id, acknowledgeMissing: true });
    await rpc(page, host, 'formalReview.accept', { applicationId: app.id });
  }
  await rpc(page, host, 'experts.create', {
    name: '林教授',
    organisation: APPS[0],
    title: '教授',
    field: '知识产权管理',
    phone: '13800000001',
  });
  await rpc(page, host, 'experts.create', {
    name: '陈研究员',
    organisation: '福建省科学技术信息研究所',
    title: '研究员',
    field: '专利分析',
    phone: '13800000002',
  });
}

test('专家库、专家组、分配与回避、代录评分、评审结果与汇总表', async ({ page, host }) => {
  test.setTimeout(150_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await openDesk(page, host, '#/review/experts');
  await seed(page, host);
  await page.reload();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(2);

  // 新增专家 with the keyboard: the name field has the focus, Enter saves
  await page.getByRole('button', { name: '新增专家' }).click();
  const dialog = page.getByRole('dialog', { name: '新增专家' });
  await expect(dialog.getByLabel('姓名')).toBeFocused();
  await page.keyboard.type('黄工');
  await dialog.getByLabel('职称').fill('高级工程师');
  await dialog.getByLabel('工作单位').fill('福州大学');
  await dialog.getByLabel('专业领域').fill('新材料');
  await dialog.getByLabel('联系电话').fill('0591-87654321');
  await dialog.getByLabel('声明回避的单位').fill('福州榕城新材料有限公司');
  await page.keyboard.press('Enter');
  await expect(dialog.locator('.ant-select-selection-item')).toContainText('福州榕城新材料有限公司');
  await screenshot(page, 'review-expert-form');
  await dialog.getByLabel('联系电话').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: '黄工' })).toContainText('福州榕城新材料有限公司');
  await screenshot(page, 'review-experts');

  // 评审组织: the default template, the panel of three, assign all
  await page.evaluate(() => (window.location.hash = '#/review/organize'));
  await expect(page.getByTestId('template-card')).toContainText('知识产权管理制度与重视程度');
  const panel = page.getByTestId('panel-card');
  await panel.getByLabel('评审专家组').click();
  for (const name of ['林教授', '陈研究员', '黄工'])
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: name }).click();
  await page.keyboard.press('Escape');
  await panel.getByRole('button', { name: '保存专家组' }).click();
  await expect(page.getByText('评审专家组已保存，共3位专家。')).toBeVisible();
  const card = page.getByTestId('assignments-card');
  await card.getByRole('button', { name: '全部分配' }).click();
  await expect(card.getByTestId('assignment')).toHaveCount(9);
  const conflict = card.getByTestId('assignment').and(page.locator('[data-status="conflict"]'));
  await expect(conflict).toHaveCount(2);
  await expect(card.locator('.ant-table-row').filter({ hasText: APPS[0] })).toContainText('回避：同单位');
  await expect(card.locator('.ant-table-row').filter({ hasText: APPS[2] })).toContainText(
    '回避：专家申报的利害关系（福州榕城新材料有限公司）',
  );
  // the tag is worded from the conflict's reason code (a declared conflict names the declared unit)
  await expect(card.locator('.ant-table-row').filter({ hasText: APPS[0] }).locator('[data-reason="sameOrganisation"]')).toHaveText(
    '回避：同单位',
  );
  await expect(card.locator('.ant-table-row').filter({ hasText: APPS[2] }).locator('[data-reason="declared"]')).toHaveText(
    '回避：专家申报的利害关系（福州榕城新材料有限公司）',
  );
  await screenshot(page, 'review-organize');

  // override the same-organisation conflict with a reason (Enter saves)
  await card.locator('.ant-table-row').filter({ hasText: APPS[0] }).getByRole('button', { name: '例外分配' }).click();
  const why = page.getByRole('dialog', { name: '利益冲突例外分配' });
  await expect(why.getByLabel('理由')).toBeFocused();
  await page.keyboard.type('该领域本地专家不足，经分管领导同意');
  await screenshot(page, 'review-override');
  await page.keyboard.press('Enter');
  await expect(why).toBeHidden();
  await expect(card.locator('.ant-table-row').filter({ hasText: APPS[0] })).toContainText('例外理由：该领域本地专家不足');
  await expect(conflict).toHaveCount(1);

  // 评审包: the one-time code with the warning, the package and the letter
  const packages = page.getByTestId('packages-card');
  await packages.getByRole('button', { name: '导出陈研究员的评审包' }).click();
  // long work shows in the progress tray (it lingers briefly after finishing)
  await expect(page.getByRole('status', { name: '后台任务进度' })).toContainText('评审包');
  const issued = page.getByTestId('package-issued');
  await expect(issued.getByTestId('one-time-code')).toHaveText(/[A-Z0-9-]{10,}/, { timeout: 30_000 });
  await expect(issued).toContainText('请打印评审任务通知单');
  await expect(issued.getByTestId('export-result')).toHaveCount(2);
  await screenshot(page, 'review-package');
  await page.getByRole('button', { name: '我已记下并打印' }).click();
  await expect(packages.locator('.ant-table-row').filter({ hasText: '陈研究员' })).toContainText('已发出');

  // 代录: a score above the maximum is named; fix it and save
  await page.evaluate(() => (window.location.hash = '#/review/entry'));
  await page.getByLabel('申报单位').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: APPS[1] }).click();
  await page.getByLabel('评审专家').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '陈研究员' }).click();
  const form = page.getByTestId('sheet-form');
  const values = [20, 12, 8, 12, 12.5, 12, 12];
  const inputs = form.getByRole('spinbutton');
  await expect(inputs).toHaveCount(7);
  for (const [i, v] of values.entries()) await inputs.nth(i).fill(String(v));
  await expect(form.getByTestId('typed-sum')).toHaveText('88.5');
  await inputs.nth(6).press('Enter');
  await expect(form.getByRole('alert')).toContainText('“知识产权管理制度与重视程度”得分20超过满分15');
  await expect(form.locator('.ant-form-item-explain-error')).toContainText('超过满分15');
  await screenshot(page, 'review-entry-error');
  await inputs.nth(0).fill('13.5');
  await inputs.nth(0).press('Enter');
  await expect(page.getByText('评分已代录：总分 82 分（第1版）。')).toBeVisible();
  await expect(page.locator('.ant-card').filter({ hasText: '已录入的评分' }).locator('.ant-table-row')).toHaveCount(1);
  await screenshot(page, 'review-entry');

  // 评审结果: method text, the table, the summary PDF
  await page.evaluate(() => (window.location.hash = '#/review/results'));
  await expect(page.getByTestId('method-text')).toContainText('汇总方法');
  const results = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(results).toHaveCount(3);
  await expect(results.filter({ hasText: APPS[1] })).toContainText('82');
  await page.getByRole('button', { name: '评审汇总表PDF' }).click();
  const link = page.getByRole('main').getByTestId('export-download');
  await expect(link).toBeVisible({ timeout: 30_000 });
  const pdf = await page.request.get(`${host.origin}${await link.getAttribute('href')}`);
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(page.getByTestId('leniency-chart')).toBeVisible();
  await screenshot(page, 'review-results');
  expect(problems, 'no script errors').toEqual([]);
});

test('评分表冻结后修改须填写理由并生成新版本；坏的评分结果文件被拒绝并说明原因', async ({ page, host }) => {
  await openDesk(page, host, '#/review/organize');
  await seed(page, host);
  const experts = await rpc<{ id: string }[]>(page, host, 'experts.list', {});
  const batchId = `${new Date().getFullYear()}-1`;
  await rpc(page, host, 'scoring.setPanel', { batchId, expertIds: experts.map((e) => e.id) });
  await rpc(page, host, 'scoring.assign', { batchId, mode: 'all' });
  const scores = { c1: 12, c2: 12, c3: 8, c4: 12, c5: 12, c6: 12, c7: 12 };
  await rpc(page, host, 'scoring.enterSheet', {
    applicationId: `${batchId}-0002`,
    expertId: experts[1]!.id,
    scores,
    recommendation: 'recommend',
    comment: '',
  });
  await page.reload();

  const card = page.getByTestId('template-card');
  await expect(card).toContainText('已冻结');
  await card.getByRole('button', { name: '修改评分表' }).click();
  const edit = page.getByRole('dialog', { name: /修改评分表/ });
  await expect(edit.getByLabel('第1项名称')).toBeFocused();
  await edit.getByLabel('第1项说明').fill('制度健全、执行有记录');
  await edit.getByLabel('第1项说明').press('Enter');
  const why = page.getByRole('dialog', { name: '评分表已冻结：填写修改理由' });
  await expect(why.getByRole('textbox', { name: '修改理由' })).toBeFocused();
  await page.keyboard.type('补充第1项评分说明');
  await screenshot(page, 'review-template-reason');
  await page.keyboard.press('Enter');
  await expect(edit).toBeHidden();
  await expect(card.getByTestId('template-version')).toHaveText('第2版');
  await expect(card).toContainText('制度健全、执行有记录');

  await page.evaluate(() => (window.location.hash = '#/review/import'));
  await page.getByLabel('选择评分结果文件').setInputFiles({
    name: '评分结果-伪造.ipcdres',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('not a result file at all'),
  });
  const file = page.getByTestId('result-file');
  await expect(file).toContainText('已拒绝');
  await expect(file).toContainText('评分结果-伪造.ipcdres');
  await expect(page.getByRole('button', { name: /应用/ })).toBeDisabled();
  await screenshot(page, 'review-import-refused');
});
