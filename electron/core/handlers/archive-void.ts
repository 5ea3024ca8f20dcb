/**
 * 作废 (archive.voidDocument): mark an issued numbered document void on the record that keeps its number. The
 * counter is not touched (the number is never reused); the act the document records stands (domain/voiding.ts).
 * One durable, audited write per void; the reason is in the audit summary and on the record.
 */
import { DeskError } from '../contract/errors.js';
import type { DocumentRef, IssuedDocumentRow } from '../contract/archive.js';
import type { VoidRecord } from '../contract/common.js';
import type { ParsedInput } from '../contract/index.js';
import { voidRefusal } from '../domain/voiding.js';
import { issuedDocumentRows } from '../archive/register.js';
import { yearRecords } from '../archive/collect.js';
import { operator, updateApplication } from './applications/store.js';
import { assertStoreYearOpen } from './sealed-years.js';
import type { HandlerContext } from './types.js';

function refuse(message: string, ref: DocumentRef): DeskError {
  return new DeskError('INVALID_STATE', message, { ref });
}

/** Throw INVALID_STATE when the record's number cannot be voided (none, another number, already voided). */
function check(
  held: { docNumber?: string | undefined; voided?: VoidRecord | undefined } | undefined,
  docNumber: string,
  ref: DocumentRef,
): void {
  const refusal = held ? voidRefusal(held, docNumber) : '找不到该文书的记录，请刷新后重试。';
  if (refusal) throw refuse(refusal, ref);
}

const summaryOf = (docNumber: string, what: string, v: VoidRecord) => `作废${what}（${docNumber}），文号不再使用。理由：${v.reason}`;

export async function voidDocument(ctx: HandlerContext, input: ParsedInput<'archive.voidDocument'>): Promise<IssuedDocumentRow> {
  const { ref, docNumber } = input;
  const voided: VoidRecord = { at: ctx.clock().toISOString(), by: operator(ctx), reason: input.reason };
  let year: number;
  switch (ref.kind) {
    case 'formalReviewNotice': {
      year = Number(ref.applicationId.slice(0, 4));
      await updateApplication(ctx, ref.applicationId, 'archive.voidDocument', 'printNotice', (app) => {
        const round = app.formalReviews.find((r) => r.round === ref.round);
        check(round, docNumber, ref);
        round!.voided = voided;
        return { action: '作废形式审查通知书', note: `${docNumber}，文号不再使用。理由：${voided.reason}` };
      });
      break;
    }
    case 'designationNotice': {
      year = Number(ref.batchId.slice(0, 4));
      await ctx.store.writeKeyed(
        'designation',
        ref.batchId,
        (draft) => {
          check(draft.decision, docNumber, ref);
          draft.decision!.voided = voided;
        },
        () => ({
          method: 'archive.voidDocument',
          entity: `decision:${ref.batchId}`,
          summary: summaryOf(docNumber, '认定通知', voided),
          after: { docNumber, voided },
        }),
      );
      break;
    }
    case 'assessmentNotice': {
      year = ref.year;
      await ctx.store.writeKeyed(
        'centers',
        String(ref.year),
        (draft) => {
          check(draft.resultNotice, docNumber, ref);
          draft.resultNotice!.voided = voided;
        },
        () => ({
          method: 'archive.voidDocument',
          entity: `centers-${ref.year}:resultNotice`,
          summary: summaryOf(docNumber, `${ref.year}年度中期考核结果通知`, voided),
          after: { docNumber, voided },
        }),
      );
      break;
    }
    case 'reviewDecision': {
      const stored = ctx.store.read('centers').reviews.find((r) => r.id === ref.reviewId);
      if (!stored) throw new DeskError('NOT_FOUND', `找不到复核记录 ${ref.reviewId}，请刷新后重试。`);
      year = Number(stored.decidedOn.slice(0, 4));
      // The centers part is not year-keyed: the review's own year is checked here.
      assertStoreYearOpen(ctx.store, year);
      await ctx.store.write(
        'centers',
        (draft) => {
          const review = draft.reviews.find((r) => r.id === ref.reviewId);
          check(review?.notice, docNumber, ref);
          review!.notice!.voided = voided;
        },
        () => ({
          method: 'archive.voidDocument',
          entity: `review:${ref.reviewId}`,
          summary: summaryOf(docNumber, '复核决定', voided),
          after: { docNumber, voided },
        }),
      );
      break;
    }
  }
  const row = (await issuedDocumentRows(ctx, await yearRecords(ctx, year))).find((r) => r.docNumber === docNumber);
  if (!row) throw new DeskError('NOT_FOUND', `已作废，但未能在${year}年度发文登记中找到 ${docNumber}，请刷新后查看。`);
  return row;
}
