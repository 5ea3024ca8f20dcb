/**
 * 设置 › 文书模板: edit a template in the UI (live preview while typing, an unknown placeholder refused by
 * name), save it as a new version, and the next notice printed carries the new text and records the version.
 */
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { test, expect, type DeskHost } from './fixtures/host.js';
import { openDesk, screenshot } from './fixtures/desk-page.js';
import { fullApplicant } from '../helpers/applications.js';

async function rpc<T>(page: Page, host: DeskHost, method: string, input: unknown): Promise<T> {
  const res = await page.request.post(`${host.origin}/rpc/${method}`, { data: input });
  const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  expect(body.ok, body.error?.message).toBe(true);
  return body.value;
}

test('文书模板：修改受理通知书，预览随输入更新，保存后下一份通知书使用新版本', async ({ page, host }) => {
  await openDesk(page, host, '#/settings/templates');
  // An application ready to be accepted (through the API: the UI part under test is the template editor).
  // A batch open today (bureau time, UTC+8).
  const day = (offset: number): string => new Date(Date.now() + 8 * 3600_000 + offset * 86400_000).toISOString().slice(0, 10);
  const year = Number(day(0).slice(0, 4));
  const batch = await rpc<{ id: string }>(page, host, 'batches.create', {
    year,
    title: `${year}年第一批`,
    opensOn: day(-1),
    closesOn: day(20),
  });
  const app = await rpc<{ id: string }>(page, host, 'applications.create', {
    batchId: batch.id,
    applicant: fullApplicant('福州模板测试科技有限公司', 7),
    proposedCenterName: '福州市软件信息产业知识产权协同保护与运营中心',
  });
  await rpc(page, host, 'applications.submit', { id: app.id, acknowledgeMissing: true });

  const facts = page.getByRole('form', { name: '文书信息' });
  await facts.getByLabel('联系人').fill('王秘书');
  await facts.getByLabel('联系电话').fill('0591-83330000');
  await facts.getByLabel('联系人').press('Enter');
  await expect(page.getByText('文书信息已保存')).toBeVisible();

  const editor = page.getByTestId('template-editor');
  const body = editor.getByLabel('正文');
  await expect(body).toHaveValue(/决定予以受理/);
  await expect(page.getByTestId('preview-text')).toContainText('决定予以受理');
  // The court is not set yet: the preview warns.
  await expect(page.getByTestId('template-preview')).toContainText('尚未设置行政诉讼法院');

  // An unknown placeholder: the preview names it.
  const original = await body.inputValue();
  await body.fill(`${original}\n请于{回复期限}前回复。`);
  await expect(page.getByTestId('template-preview')).toContainText('{回复期限}');
  await screenshot(page, 'templates-unknown-placeholder');

  // Edit the text: the preview follows; a placeholder is inserted with a click.
  await body.fill(original.replace('决定予以受理', '经审查决定予以受理（模板已修改）'));
  await body.press('End');
  await editor.getByTestId('placeholder-申报单位').click();
  await expect(body).toHaveValue(/\{申报单位\}/);
  await expect(page.getByTestId('preview-text')).toContainText('经审查决定予以受理（模板已修改）');
  await expect(page.getByTestId('pdf-preview')).toBeVisible();
  // the live preview is the real PDF drawn by pdf.js: a page canvas with ink on it
  await expect(page.getByTestId('pdf-page-count')).toContainText(/共 \d+ 页/);
  await expect
    .poll(async () =>
      page
        .getByTestId('pdf-preview')
        .locator('canvas')
        .first()
        .evaluate((el) => {
          const c = el as HTMLCanvasElement;
          const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
          let dark = 0;
          for (let i = 0; i < d.length; i += 4) if (d[i]! + d[i + 1]! + d[i + 2]! < 384) dark++;
          return dark;
        }),
    )
    .toBeGreaterThan(500);
  await screenshot(page, 'templates-editor');
  await body.press('Control+s');
  await expect(page.getByText('已保存为第2版')).toBeVisible();
  await expect(page.getByTestId('template-item-acceptanceNotice')).toContainText('第2版');

  // The next notice uses the new text and records version 2.
  await rpc(page, host, 'formalReview.accept', { applicationId: app.id });
  const file = await rpc<{ path: string }>(page, host, 'formalReview.notice', { applicationId: app.id });
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file.path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toContain('经审查决定予以受理（模板已修改）');
  expect(text).toContain('联系人：王秘书，联系电话：0591-83330000');
  const detail = await rpc<{ application: { formalReviews: { templateVersion?: number }[] } }>(page, host, 'applications.get', {
    id: app.id,
  });
  expect(detail.application.formalReviews[0]!.templateVersion).toBe(2);

  // Restore the default: a third version, the default text again.
  await editor.getByRole('button', { name: '恢复默认' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '恢复默认' }).click();
  await expect(page.getByTestId('template-item-acceptanceNotice')).toContainText('第3版');
  await expect(page.getByTestId('template-editor').getByLabel('正文')).toHaveValue(/决定予以受理/);
  await expect(page.getByTestId('template-editor').getByLabel('正文')).not.toHaveValue(/模板已修改/);

  // Another template: the 不予受理 one carries the remedy notice in its preview.
  await page.getByTestId('template-item-rejectionNotice').click();
  await expect(page.getByTestId('preview-text')).toContainText('申请行政复议');
  await screenshot(page, 'templates-rejection');
});

/** Dark pixels on the first page canvas of the live preview (the real PDF drawn by pdf.js). */
async function previewInk(page: Page): Promise<number> {
  return page
    .getByTestId('pdf-preview')
    .locator('canvas')
    .first()
    .evaluate((el) => {
      const c = el as HTMLCanvasElement;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let dark = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i]! + d[i + 1]! + d[i + 2]! < 384) dark++;
      return dark;
    });
}

test('文书模板：证书的文字可修改，横版预览随输入更新，未知占位符和过长文字被拒绝', async ({ page, host }) => {
  await openDesk(page, host, '#/settings/templates');
  await page.getByTestId('template-item-certificate').click();
  const editor = page.getByTestId('template-editor');
  // The card's title: the template and how it prints.
  await expect(page.getByText('证书（横版）', { exact: true })).toBeVisible();
  const body = editor.getByLabel('正文');
  await expect(body).toHaveValue('经评审，认定为{中心名称}。\n特发此证。');
  await expect(editor.getByLabel('称谓行')).toHaveValue('{依托单位}：');
  await expect(editor.getByLabel('有效期行')).toHaveValue('有效期：{有效期起}至{有效期止}');
  // Only the certificate's own placeholders (no contact or remedy facts of the notices).
  await expect(editor.getByTestId('placeholder-证书编号')).toBeVisible();
  await expect(editor.getByTestId('placeholder-联系方式')).toHaveCount(0);
  await expect(page.getByTestId('preview-text')).toContainText('特发此证。');
  await expect(page.getByTestId('pdf-page-count')).toContainText('共 1 页');
  await expect.poll(() => previewInk(page)).toBeGreaterThan(500);
  // The page is landscape: wider than high.
  const box = (await page.getByTestId('pdf-preview').locator('canvas').first().boundingBox())!;
  expect(box.width).toBeGreaterThan(box.height);
  await screenshot(page, 'templates-certificate');

  // An unknown placeholder is named; a body too long for the certificate is refused by the preview.
  await body.fill('经评审，认定为{中心名称}。\n{联系方式}');
  await expect(page.getByTestId('template-preview')).toContainText('{联系方式}');
  await body.fill(Array.from({ length: 12 }, () => '经评审，认定为{中心名称}，依托{依托单位}建设，特发此证。').join('\n'));
  await expect(page.getByTestId('template-preview')).toContainText('文书模板“证书”的正文过长');
  await screenshot(page, 'templates-certificate-too-long');

  // Edit: the preview follows; save makes version 2.
  await body.fill('经专家评审和社会公示，认定为{中心名称}。\n特此发证。');
  await editor.getByLabel('标题').fill('认定证书');
  await expect(page.getByTestId('preview-text')).toContainText('特此发证。');
  await expect(page.getByTestId('preview-text')).toContainText('认定证书');
  await expect.poll(() => previewInk(page)).toBeGreaterThan(500);
  await screenshot(page, 'templates-certificate-edited');
  await body.press('Control+s');
  await expect(page.getByText('已保存为第2版')).toBeVisible();
  await expect(page.getByTestId('template-item-certificate')).toContainText('第2版');
  const saved = await rpc<{ version: number; parts: { title?: string; body?: string } }>(page, host, 'templates.get', {
    id: 'certificate',
  });
  expect(saved.version).toBe(2);
  expect(saved.parts.title).toBe('认定证书');
  expect(saved.parts.body).toBe('经专家评审和社会公示，认定为{中心名称}。\n特此发证。');
});
