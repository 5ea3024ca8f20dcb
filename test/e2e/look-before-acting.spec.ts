/**
 * Look before an irreversible step (issue 13, item 1), by keyboard at 1366×768: Enter in the publicity date field
 * confirms the date only; 发起公示 shows the list and both dates (as the core computes them) and asks, with 取消 as
 * the default (Enter cancels); a start date in the past asks for a reason, recorded; 认定发文 shows the number it
 * will take, says so when another document took it meanwhile, and takes the number shown; revoking shows the
 * plaque return date and the consequences; the first print of a 复核决定 shows its number; sealing and restoring
 * show theirs. Screens: test-results/screens/look-*.png.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect, type DeskHost } from './fixtures/host.js';
import { openDesk, screenshot } from './fixtures/desk-page.js';
import { cnDate as cn, rpc, seedDesignatedCenters, seedScoredBatch, shanghaiDate } from './fixtures/seed-centers.js';

const APPS = [
  { name: '福建长乐纺织化纤集团有限公司', industry: '纺织化纤', district: '长乐区', share: 0.8 },
  { name: '福州闽江生物科技有限公司', industry: '生物医药', district: '闽侯县', share: 0.5 },
  { name: '福州数科信息技术有限公司', industry: '软件信息', district: '鼓楼区', share: 0.9 },
];

interface PublicityPreview {
  startsOn: string;
  endsOn: string;
  entries: { applicantName: string }[];
}

/** Types a date into the focused-by-click DatePicker and confirms it with Enter (which must do nothing more). */
async function typeDateWithEnter(input: Locator, iso: string): Promise<void> {
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.pressSequentially(iso);
  await input.press('Enter');
  await expect(input).toHaveValue(iso);
}

async function publicityOf(page: Page, host: DeskHost, batchId: string) {
  return (
    await rpc<{ publicity: { startsOn: string; endsOn: string; backdateReason?: string } | null }>(page, host, 'publicity.get', { batchId })
  ).publicity;
}

test('公示与认定：先看后办，回车不发起，过去的开始日期须说明理由，认定显示并取用同一发文字号', async ({ page, host }) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await openDesk(page, host, '#/designation');
  const batchId = await seedScoredBatch(page, host, APPS);
  await page.reload();
  const pubCard = page.getByTestId('publicity-card');
  await expect(pubCard.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(2);
  const dateField = pubCard.getByRole('textbox', { name: '公示开始日期' });

  // ── Enter in the date field confirms the date only: no confirmation, nothing started
  const today = shanghaiDate();
  await typeDateWithEnter(dateField, today);
  await expect(dateField).toBeFocused();
  await expect(page.getByTestId('confirm-publicity')).toHaveCount(0);
  expect(await publicityOf(page, host, batchId)).toBeNull();

  // ── Tab on to 发起公示 and press Enter on it: the look, with the list and the dates the core computes
  await page.keyboard.press('Tab'); // 公示期
  await page.keyboard.press('Tab'); // 联系人
  await page.keyboard.type('王女士');
  await page.keyboard.press('Tab'); // 电话
  await page.keyboard.type('0591-87654321');
  await page.keyboard.press('Tab');
  await expect(pubCard.getByRole('button', { name: /发起公示（2家）/ })).toBeFocused();
  await page.keyboard.press('Enter');
  const look = page.getByRole('dialog', { name: '发起公示' });
  await expect(look.getByTestId('confirm-publicity')).toBeVisible();
  const preview = await rpc<PublicityPreview>(page, host, 'publicity.preview', { batchId, startsOn: today, workingDays: 5 });
  await expect(look.getByTestId('confirm-publicity-start')).toHaveText(cn(preview.startsOn));
  await expect(look.getByTestId('confirm-publicity-end')).toHaveText(cn(preview.endsOn));
  const rows = look.getByTestId('confirm-publicity-entries').locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(2);
  for (const e of preview.entries) await expect(look).toContainText(e.applicantName);
  await expect(look.getByTestId('confirm-publicity-consequences')).toContainText('发起后名单和公示期不能修改');
  await expect(look.getByRole('button', { name: '取消' })).toBeFocused();
  await screenshot(page, 'look-publicity');
  // Enter on the open confirmation does not start it: 取消 is the default
  await page.keyboard.press('Enter');
  await expect(look).toBeHidden();
  expect(await publicityOf(page, host, batchId)).toBeNull();

  // ── a start date 30 days ago asks for a reason; the act's button is disabled until it is given
  const past = shanghaiDate(-30);
  await typeDateWithEnter(dateField, past);
  await expect(page.getByTestId('confirm-publicity')).toHaveCount(0);
  await pubCard.getByRole('button', { name: /发起公示（2家）/ }).click();
  await expect(look.getByTestId('confirm-publicity-backdated')).toContainText(`早于今天（${cn(today)}）`);
  const reason = look.getByRole('textbox', { name: '开始日期早于今天的理由' });
  await expect(reason).toBeFocused();
  await expect(look.getByRole('button', { name: /^发起公示/ })).toBeDisabled();
  await page.keyboard.press('Enter'); // a new line in the reason, nothing else
  expect(await publicityOf(page, host, batchId)).toBeNull();
  await reason.fill('公示已于当日在局网站发布，现补登记录');
  await screenshot(page, 'look-publicity-backdated');
  await page.keyboard.press('Tab'); // 取消
  await page.keyboard.press('Tab'); // 发起公示（2家）
  await expect(look.getByRole('button', { name: /^发起公示/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(look).toBeHidden();
  // the dialog closes as the act starts; the publicity is there once the card shows its period
  await expect(page.getByTestId('publicity-period')).toBeVisible();
  const started = await publicityOf(page, host, batchId);
  expect(started).toMatchObject({ startsOn: past, backdateReason: '公示已于当日在局网站发布，现补登记录' });
  await expect(page.getByTestId('publicity-period')).toContainText(cn(started!.endsOn));

  // ── 认定发文: the number that will be taken; another document takes it meanwhile; the dialog says so; the number shown is taken
  const decisionCard = page.getByTestId('decision-card');
  await decisionCard.getByRole('button', { name: '认定发文' }).click();
  const decide = page.getByRole('dialog', { name: '认定发文' });
  const shown = decide.getByTestId('confirm-doc-number');
  const first = await rpc<{ docNumber: string; centers: { certificateNumber: string }[] }>(page, host, 'decision.preview', {
    batchId,
    decidedOn: today,
  });
  await expect(shown).toHaveText(first.docNumber);
  await expect(decide.getByTestId('confirm-decision-centers').locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(2);
  await expect(decide).toContainText(first.centers[0]!.certificateNumber);
  await expect(decide.getByRole('button', { name: '取消' })).toBeFocused();
  await screenshot(page, 'look-decision');
  // meanwhile the failed application's 受理通知书 is printed elsewhere and takes that number
  const results = await rpc<{ rows: { applicationId: string; passed: boolean }[] }>(page, host, 'scoring.results', { batchId });
  await rpc(page, host, 'formalReview.notice', { applicationId: results.rows.find((r) => !r.passed)!.applicationId });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(decide.getByTestId('confirm-decision-notice')).toContainText(`刚才显示的${first.docNumber}已被其他文书取用`);
  const second = await rpc<{ docNumber: string }>(page, host, 'decision.preview', { batchId, decidedOn: today });
  expect(second.docNumber).not.toBe(first.docNumber);
  await expect(shown).toHaveText(second.docNumber);
  await screenshot(page, 'look-decision-changed');
  await decide.getByRole('button', { name: '认定发文' }).click();
  await expect(decide).toBeHidden();
  await expect(page.getByTestId('decision-doc-number')).toHaveText(second.docNumber);
  expect(problems).toEqual([]);
});

test('撤销、复核决定取号、封存与恢复：先显示后果再确认', async ({ page, host }) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await openDesk(page, host, '#/centers/reviews');
  const { names, centerIds } = await seedDesignatedCenters(page, host);
  await page.reload();
  await expect(page.getByRole('heading', { name: '三年复核' })).toBeVisible();

  // ── 撤销: the confirmation shows the plaque return date the core computes, then revokes
  const all = page.getByTestId('reviews-centers').locator('.ant-table-tbody tr.ant-table-row');
  await all.filter({ hasText: names[1]! }).getByRole('button', { name: /复核/ }).click();
  const dialog = page.getByRole('dialog', { name: '复核' });
  await dialog.getByRole('radio', { name: '撤销' }).check();
  const opinion = '该中心连续两年未开展公益培训，服务能力不符合认定条件。';
  await dialog.getByRole('textbox', { name: '复核意见' }).fill(opinion);
  await dialog.getByRole('button', { name: '保存复核结论' }).click();
  const revoke = page.getByRole('dialog', { name: `撤销认定：${names[1]!}` });
  const look = await rpc<{ review: { plaqueReturnDueOn: string } }>(page, host, 'triennial.preview', {
    centerId: centerIds[1],
    outcome: 'revoke',
    decidedOn: shanghaiDate(),
    opinion,
  });
  await expect(revoke.getByTestId('confirm-revoke-plaque')).toHaveText(cn(look.review.plaqueReturnDueOn));
  await expect(revoke.getByTestId('confirm-revoke-consequences')).toContainText('不能恢复');
  await expect(revoke.getByRole('button', { name: '取消' })).toBeFocused();
  await screenshot(page, 'look-revoke');
  await page.keyboard.press('Enter'); // 取消: nothing decided
  await expect(revoke).toBeHidden();
  const still = await rpc<{ id: string; status: string }[]>(page, host, 'centers.list', {});
  expect(still.find((c) => c.id === centerIds[1])!.status).toBe('active');
  await dialog.getByRole('button', { name: '保存复核结论' }).click();
  await expect(revoke).toBeVisible();
  await revoke.getByRole('button', { name: '撤销认定' }).click();
  await expect(page.getByTestId('review-decided')).toContainText('已撤销');
  const after = await rpc<{ id: string; status: string }[]>(page, host, 'centers.list', {});
  expect(after.find((c) => c.id === centerIds[1])!.status).toBe('revoked');

  // ── the first print of the 复核决定 shows the number it takes; the printed decision has it
  await page.getByTestId('review-decided').getByRole('button', { name: '生成复核决定' }).click();
  const numbered = page.getByRole('dialog', { name: '生成复核决定并取号' });
  const reviews = await rpc<{ id: string; centerId: string }[]>(page, host, 'triennial.list', {});
  const reviewId = reviews.find((r) => r.centerId === centerIds[1])!.id;
  const p = await rpc<{ docNumber: string }>(page, host, 'triennial.previewDecision', { reviewId });
  await expect(numbered.getByTestId('confirm-doc-number')).toHaveText(p.docNumber);
  await expect(numbered.getByRole('button', { name: '取消' })).toBeFocused();
  await screenshot(page, 'look-number-review-decision');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(numbered).toBeHidden();
  await expect(page.getByRole('main').getByTestId('export-download')).toBeVisible();
  const taken = await rpc<{ id: string; notice?: { docNumber: string } }[]>(page, host, 'triennial.list', {});
  expect(taken.find((r) => r.id === reviewId)!.notice!.docNumber).toBe(p.docNumber);

  // ── 封存: the confirmation lists what goes in and what follows; Enter cancels
  await openDesk(page, host, '#/archive');
  const year = shanghaiDate().slice(0, 4);
  await page.getByTestId(`year-card-${year}`).getByRole('button', { name: '封存年度档案' }).click();
  const seal = page.getByRole('dialog', { name: `封存${year}年度档案` });
  await expect(seal.getByTestId('confirm-seal-consequences')).toContainText('只能查看、不能修改');
  await expect(seal.getByRole('button', { name: '取消' })).toBeFocused();
  await screenshot(page, 'look-seal');
  await page.keyboard.press('Enter');
  await expect(seal).toBeHidden();
  expect(await rpc<number[]>(page, host, 'archive.sealedYears', {})).toEqual([]);

  // ── 从快照恢复: the confirmation names the snapshot and the consequences; Esc cancels
  await openDesk(page, host, '#/settings/backups');
  const restoreButtons = page.getByRole('button', { name: '恢复' });
  await restoreButtons.first().click();
  const restore = page.getByRole('dialog', { name: '从快照恢复全部数据' });
  await expect(restore.getByTestId('confirm-restore-consequences')).toContainText('恢复前备份');
  await expect(restore.getByRole('button', { name: '取消' })).toBeFocused();
  await screenshot(page, 'look-restore');
  await page.keyboard.press('Escape');
  await expect(restore).toBeHidden();
  expect(problems).toEqual([]);
});
