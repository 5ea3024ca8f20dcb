/**
 * Look before an irreversible step (issue 13, item 1): every numbered act has a read-only preview that
 * takes nothing and shows the 发文字号 the act then takes (refused, taking nothing, if another document took it
 * meanwhile); a publicity that starts before today needs a reason, recorded with it and in the audit entry.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Application } from '../../electron/core/contract/applications/entities.js';
import { fail as failEnvelope, fullApplicant, ok, seedBatches } from '../helpers/applications.js';

import { scoredBatch } from '../helpers/designation.js';
import { CENTER_UNITS, designatedCenters } from '../helpers/centers.js';
import { deskPerTest } from '../helpers/desk.js';
import { pdfText } from './documents/pdf-helpers.js';

const fail = async (p: Parameters<typeof failEnvelope>[0]) =>
  (await failEnvelope(p)) as { code: string; message: string; details?: unknown };

const flat = (s: string): string => s.replace(/\s+/g, '');
const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** counters.json and every audit file, by content hash: what a preview must leave untouched. */
function written(root: string): Record<string, string> {
  const counters = path.join(root, 'store', 'counters.json');
  const out: Record<string, string> = { counters: existsSync(counters) ? sha(counters) : '(missing)' };
  for (const f of readdirSync(path.join(root, 'audit'))) out[f] = sha(path.join(root, 'audit', f));
  return out;
}

function auditEntries(root: string): { method: string; summary: string; after?: unknown }[] {
  const dir = path.join(root, 'audit');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) =>
      readFileSync(path.join(dir, f), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { method: string; summary: string; after?: unknown }),
    );
}

describe('look before acting: previews and the backdated publicity', () => {
  const env = deskPerTest('2026-03-10T02:00:00.000Z');
  const { clock } = env;

  async function accepted(name: string, n: number): Promise<Application> {
    const app = await env.desk.call('applications.create', {
      batchId: '2026-1',
      applicant: fullApplicant(name, n),
      proposedCenterName: `${name}知识产权中心`,
    });
    await ok(env.desk.invoke('applications.submit', { id: app.id, acknowledgeMissing: true }));
    return env.desk.call('formalReview.accept', { applicationId: app.id });
  }

  it('formalReview.previewNotice shows the number the notice then takes, takes nothing, and a stale number is refused taking none', async () => {
    await seedBatches(env.desk);
    const a = await accepted('福州闽江纺织科技有限公司', 1);
    const b = await accepted('福州榕城软件有限公司', 2);
    const before = written(env.dir);
    const pa = await env.desk.call('formalReview.previewNotice', { applicationId: a.id });
    const pa2 = await env.desk.call('formalReview.previewNotice', { applicationId: a.id });
    expect(pa).toEqual({
      docNumber: '榕市监知〔2026〕1号',
      reprint: false,
      issuedOn: '2026-03-10',
      title: '受理通知书',
      addressee: a.applicant.name,
    });
    expect(pa2.docNumber).toBe(pa.docNumber);
    expect(written(env.dir)).toEqual(before); // previewing wrote nothing: no counter, no audit entry

    // b prints first (without a look): a's previewed number is gone; a's print with it is refused and takes none
    const fileB = await env.desk.call('formalReview.notice', { applicationId: b.id });
    expect(flat(pdfText(fileB.path))).toContain('榕市监知〔2026〕1号');
    const afterB = written(env.dir);
    const stale = await fail(env.desk.invoke('formalReview.notice', { applicationId: a.id, expectedDocNumber: pa.docNumber }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toContain('发文字号已变化');
    expect(stale.details).toMatchObject({ expected: '榕市监知〔2026〕1号', docNumber: '榕市监知〔2026〕2号' });
    expect(written(env.dir)).toEqual(afterB);

    // looked at again: the number shown is the number taken
    const again = await env.desk.call('formalReview.previewNotice', { applicationId: a.id });
    expect(again.docNumber).toBe('榕市监知〔2026〕2号');
    const fileA = await env.desk.call('formalReview.notice', { applicationId: a.id, expectedDocNumber: again.docNumber });
    expect(flat(pdfText(fileA.path))).toContain('榕市监知〔2026〕2号');
    const stored = (await env.desk.call('applications.get', { id: a.id })).application.formalReviews.at(-1)!;
    expect(stored.docNumber).toBe(again.docNumber);
    // a reprint previews the number it keeps
    expect(await env.desk.call('formalReview.previewNotice', { applicationId: a.id })).toMatchObject({
      docNumber: again.docNumber,
      reprint: true,
    });
  });

  it('decision.preview shows the 发文字号 and certificate numbers 认定 then takes; previewing takes nothing', async () => {
    await scoredBatch(env.desk, CENTER_UNITS);
    clock.set('2026-09-27T02:00:00.000Z');
    await ok(env.desk.invoke('publicity.create', { batchId: '2026-1', startsOn: '2026-09-28' }));
    clock.set('2026-10-12T02:00:00.000Z');
    const before = written(env.dir);
    const p = await env.desk.call('decision.preview', { batchId: '2026-1', decidedOn: '2026-10-12' });
    expect(written(env.dir)).toEqual(before);
    expect(p.docNumber).toBe('榕市监知〔2026〕1号');
    expect(p.centers.map((c) => c.name)).toEqual(CENTER_UNITS.map((u) => u.proposedCenterName));
    expect(p).toMatchObject({ validUntil: '2029-10-11', firstReviewDue: '2029-10-12' });
    // a stale number is refused and takes none
    const wrong = await fail(
      env.desk.invoke('decision.create', { batchId: '2026-1', decidedOn: '2026-10-12', expectedDocNumber: '榕市监知〔2026〕9号' }),
    );
    expect(wrong.code).toBe('CONFLICT');
    expect(written(env.dir)).toEqual(before);
    const out = await env.desk.call('decision.create', { batchId: '2026-1', decidedOn: '2026-10-12', expectedDocNumber: p.docNumber });
    expect(out.decision.docNumber).toBe(p.docNumber);
    expect(out.centers.map((c) => [c.name, c.certificateNumber])).toEqual(p.centers.map((c) => [c.name, c.certificateNumber]));
  });

  it('assessments.previewNotice and triennial.previewDecision show the numbers then taken, with the unassessed list; triennial.preview saves nothing', async () => {
    await designatedCenters(env.desk, clock);
    clock.set('2026-11-25T02:00:00.000Z');
    const indicators = {
      trainings: 1,
      trainingAttendees: 40,
      assistanceCases: 1,
      disputesMediated: 1,
      allianceMembers: 2,
      transfersLicences: 1,
      pledgeFinancing: 100.5,
      navigationProjects: 1,
      trademarkGuidance: 1,
    };
    for (const centerId of ['C1', 'C2'])
      await ok(
        env.desk.invoke('summaries.save', { year: 2026, centerId, submittedOn: '2026-11-20', indicators, narrative: '全年工作总结。' }),
      );
    await ok(
      env.desk.invoke('assessments.save', {
        year: 2026,
        centerId: 'C1',
        scores: { t1: 10, t2: 14, t3: 15, t4: 10, t5: 15, t6: 10, t7: 15, t8: 10 },
        comments: '工作扎实。',
        assessedOn: '2026-11-24',
        assessors: ['张三'],
      }),
    );
    const before = written(env.dir);
    const pn = await env.desk.call('assessments.previewNotice', { year: 2026 });
    expect(pn).toMatchObject({ docNumber: '榕市监知〔2026〕2号', reprint: false, issuedOn: '2026-11-25' });
    expect(pn.listed.map((l) => l.centerId)).toEqual(['C1']);
    expect(pn.unassessed.map((u) => u.centerId)).toEqual(['C2']);

    // revoking: the preview shows the plaque return date the decision then records, and saves nothing
    const input = { centerId: 'C3', outcome: 'revoke' as const, decidedOn: '2026-11-25', opinion: '未按要求开展工作。' };
    const look = await env.desk.call('triennial.preview', input);
    expect(look.center.status).toBe('revoked');
    expect(look.review.plaqueReturnDueOn).toBe('2026-12-16'); // 15 working days after 2026-11-25
    expect(written(env.dir)).toEqual(before);
    expect((await env.desk.call('centers.list', {})).find((c) => c.id === 'C3')!.status).toBe('active');
    const decided = await env.desk.call('triennial.decide', input);
    expect(decided.review.plaqueReturnDueOn).toBe(look.review.plaqueReturnDueOn);

    const notice = await env.desk.call('assessments.noticePdf', {
      year: 2026,
      acknowledgeUnassessed: true,
      expectedDocNumber: pn.docNumber,
    });
    expect(flat(pdfText(notice.path))).toContain(pn.docNumber);
    const pd = await env.desk.call('triennial.previewDecision', { reviewId: decided.review.id });
    expect(pd).toMatchObject({ docNumber: '榕市监知〔2026〕3号', reprint: false, addressee: CENTER_UNITS[2]!.name });
    const pdf = await env.desk.call('triennial.decisionPdf', { reviewId: decided.review.id, expectedDocNumber: pd.docNumber });
    expect(flat(pdfText(pdf.path))).toContain(pd.docNumber);
    expect(await env.desk.call('triennial.previewDecision', { reviewId: decided.review.id })).toMatchObject({
      docNumber: pd.docNumber,
      reprint: true,
    });
  });

  it('a publicity starting before today is refused without a reason (NEEDS_REASON naming the field) and records the reason given', async () => {
    await scoredBatch(env.desk, CENTER_UNITS);
    clock.set('2026-10-09T02:00:00.000Z'); // 2026-10-09 in Fuzhou
    const p = await env.desk.call('publicity.preview', { batchId: '2026-1', startsOn: '2026-09-28', workingDays: 5 });
    expect(p).toMatchObject({ startsOn: '2026-09-28', endsOn: '2026-10-09', today: '2026-10-09', backdated: true });
    expect(p.entries.map((e) => e.applicantName)).toEqual(CENTER_UNITS.map((u) => u.name));
    const refused = await fail(env.desk.invoke('publicity.create', { batchId: '2026-1', startsOn: '2026-09-28' }));
    expect(refused.code).toBe('NEEDS_REASON');
    expect(refused.details).toMatchObject({ field: 'backdateReason' });
    expect(refused.message).toContain('开始日期早于今天的理由');
    expect((await env.desk.call('publicity.get', { batchId: '2026-1' })).publicity).toBeNull();

    const reason = '公示已于9月28日在局网站发布，现补登记录';
    const v = await env.desk.call('publicity.create', { batchId: '2026-1', startsOn: '2026-09-28', backdateReason: reason });
    expect(v.publicity).toMatchObject({ startsOn: '2026-09-28', endsOn: p.endsOn, backdateReason: reason });
    const entry = auditEntries(env.dir).find((e) => e.method === 'publicity.create' && e.summary.includes('发起公示'))!;
    expect(entry.summary).toContain(`理由：${reason}`);
    expect(entry.after).toMatchObject({ backdateReason: reason });
  });

  it('a publicity starting today or later needs no reason and records none', async () => {
    await scoredBatch(env.desk, CENTER_UNITS);
    clock.set('2026-09-28T02:00:00.000Z');
    expect((await env.desk.call('publicity.preview', { batchId: '2026-1', startsOn: '2026-09-28', workingDays: 5 })).backdated).toBe(false);
    const v = await env.desk.call('publicity.create', { batchId: '2026-1', startsOn: '2026-09-28', backdateReason: '不需要的理由' });
    expect(v.publicity!.backdateReason).toBeUndefined();
  });
});
