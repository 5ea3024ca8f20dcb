/**
 * 发文登记: every numbered document of a year (the 发文字号 each record keeps: formal-review notices, 认定通知,
 * 中期考核结果通知, 复核决定), with its 作废 state. Read from the same year records as the archive, so the register
 * and the sealed archive list the same documents.
 */
import type { DocumentRef, IssuedDocumentRow } from '../contract/archive.js';
import type { VoidRecord } from '../contract/common.js';
import { VOID_CONSEQUENCES } from '../domain/voiding.js';
import { bureauDateTimeTextOf } from '../domain/bureau-time.js';
import type { ServiceContext } from '../services/context.js';
import { issuedOnOf, NOTICE_TITLES } from '../services/documents/formal-review.js';
import { batchLabel } from '../services/records.js';
import type { YearRecords } from './collect.js';

/** The marker a voided document's title carries in the archive catalogue and the skipped list. */
export function voidMarker(v: VoidRecord | undefined): string {
  return v ? `（已作废：${v.reason}；${bureauDateTimeTextOf(v.at)}，${v.by}）` : '';
}

export async function issuedDocumentRows(ctx: ServiceContext, rec: YearRecords): Promise<IssuedDocumentRow[]> {
  const rows: IssuedDocumentRow[] = [];
  const row = (
    ref: DocumentRef,
    docNumber: string,
    typeLabel: string,
    subject: string,
    issuedOn: string,
    voided: VoidRecord | undefined,
  ): IssuedDocumentRow => ({
    ref,
    year: rec.year,
    docNumber,
    typeLabel,
    subject,
    issuedOn,
    ...(voided ? { voided } : {}),
    voidConsequence: VOID_CONSEQUENCES[ref.kind],
  });
  for (const a of rec.applications)
    for (const r of a.formalReviews)
      if (r.docNumber)
        rows.push(
          row(
            { kind: 'formalReviewNotice', applicationId: a.id, round: r.round },
            r.docNumber,
            NOTICE_TITLES[r.outcome],
            a.applicant.name,
            issuedOnOf(r),
            r.voided,
          ),
        );
  for (const b of rec.batches) {
    const d = (await ctx.store.readKeyed('designation', b.id)).decision;
    if (d) rows.push(row({ kind: 'designationNotice', batchId: b.id }, d.docNumber, '认定通知', batchLabel(b), d.decidedOn, d.voided));
  }
  const n = rec.centerYear.resultNotice;
  if (n)
    rows.push(row({ kind: 'assessmentNotice', year: rec.year }, n.docNumber, '中期考核结果通知', `${rec.year}年度`, n.issuedOn, n.voided));
  const names = new Map(ctx.store.read('centers').centers.map((c) => [c.id, c.name]));
  for (const r of rec.reviews)
    if (r.notice)
      rows.push(
        row(
          { kind: 'reviewDecision', reviewId: r.id },
          r.notice.docNumber,
          '复核决定',
          names.get(r.centerId) ?? r.centerId,
          r.notice.issuedOn,
          r.notice.voided,
        ),
      );
  return rows.sort((x, y) => y.issuedOn.localeCompare(x.issuedOn) || y.docNumber.localeCompare(x.docNumber, 'zh', { numeric: true }));
}
