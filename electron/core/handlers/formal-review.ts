/** 形式审查 (formal review): accept, require a supplement (repeatable rounds), reject. */
import { DeskError } from '../contract/errors.js';
import type { Application, FormalReview } from '../contract/applications/entities.js';
import { returnToDraftRefusal, transition, type StatusAction } from '../domain/application-status.js';
import { bureauDate } from '../domain/clock.js';
import { formatChineseDate } from '../domain/batches.js';
import { calendarWarning, deadlineAfter } from '../domain/working-days.js';
import { workingCalendar } from '../services/calendar.js';
import type { AreaHandlers, FirstPrintYears, HandlerContext } from './types.js';
import { operator, updateApplication } from './applications/store.js';
import { previewReviewNotice, printReviewNotice, reviewNoticeFirstPrintYears } from './formal-review-notices.js';

type Methods =
  | 'formalReview.accept'
  | 'formalReview.requireSupplement'
  | 'formalReview.supplementDeadline'
  | 'formalReview.reject'
  | 'formalReview.returnToDraft'
  | 'formalReview.previewNotice'
  | 'formalReview.notice';

/** The deadline of a 补正 issued today with `workingDays` (the same computation requireSupplement records). */
function supplementDeadline(ctx: HandlerContext, workingDays: number) {
  const issuedOn = bureauDate(ctx.clock());
  const calendar = workingCalendar(ctx);
  const deadline = deadlineAfter(issuedOn, workingDays, calendar);
  const warning = calendarWarning([issuedOn, deadline], calendar);
  return { issuedOn, deadline, warning, text: `须于${formatChineseDate(deadline)}前补正（${workingDays}个工作日，自通知次日起算）` };
}

// The working-day calendar lives in services/calendar.ts (shared with designation and the center documents).
export { workingCalendar } from '../services/calendar.js';

function move(app: Application, action: StatusAction): void {
  const t = transition(app.status, action);
  if (!t.ok) throw new DeskError('RULE_VIOLATION', t.message);
  app.status = t.to;
}

type NewRound = FormalReview extends infer R ? (R extends FormalReview ? Omit<R, 'round'> : never) : never;

function addRound(app: Application, round: NewRound): FormalReview {
  const full = { ...round, round: app.formalReviews.length + 1 } as FormalReview;
  app.formalReviews.push(full);
  return full;
}

function base(ctx: HandlerContext) {
  return { at: ctx.clock().toISOString(), by: operator(ctx) };
}

export const formalReviewHandlers: AreaHandlers<Methods> = {
  'formalReview.accept': (input, ctx) =>
    updateApplication(ctx, input.applicationId, 'formalReview.accept', 'formalReview', (app) => {
      move(app, 'accept');
      addRound(app, { outcome: 'accepted', ...base(ctx), ...(input.note ? { note: input.note } : {}) });
      return { action: '形式审查：受理', ...(input.note ? { note: input.note } : {}) };
    }),

  'formalReview.requireSupplement': (input, ctx) => {
    const seen = new Set<number>();
    for (const item of input.items) {
      if (seen.has(item.no))
        throw new DeskError('INVALID_INPUT', `第${item.no}项材料重复列出。补正通知须把每项缺漏一次写清，请把同一项的理由合并后再提交。`);
      seen.add(item.no);
    }
    const items = [...input.items].sort((a, b) => a.no - b.no);
    const { issuedOn, deadline, warning, text } = supplementDeadline(ctx, input.workingDays);
    return updateApplication(ctx, input.applicationId, 'formalReview.requireSupplement', 'formalReview', (app) => {
      move(app, 'requireSupplement');
      const round = addRound(app, {
        outcome: 'supplementRequired',
        ...base(ctx),
        items,
        workingDays: input.workingDays,
        issuedOn,
        deadline,
        ...(input.note ? { note: input.note } : {}),
      });
      const list = items.map((i) => `第${i.no}项（${i.reason}）`).join('；');
      const note = `第${round.round}轮，${text}：${list}${warning ? `。${warning}` : ''}`;
      return { action: '形式审查：要求补正', note };
    });
  },

  'formalReview.supplementDeadline': (input, ctx) => {
    const { warning, ...rest } = supplementDeadline(ctx, input.workingDays);
    return { ...rest, workingDays: input.workingDays, ...(warning ? { warning } : {}) };
  },

  'formalReview.reject': (input, ctx) =>
    updateApplication(ctx, input.applicationId, 'formalReview.reject', 'formalReview', (app) => {
      move(app, 'reject');
      addRound(app, { outcome: 'rejected', ...base(ctx), reason: input.reason });
      return { action: '形式审查：不予受理', note: `理由：${input.reason}` };
    }),

  // 退回修改: the secretariat sends a submitted application back to the applicant's draft (its rounds are kept).
  'formalReview.returnToDraft': (input, ctx) =>
    updateApplication(ctx, input.applicationId, 'formalReview.returnToDraft', 'formalReview', (app) => {
      const refusal = returnToDraftRefusal(app.status);
      if (refusal) throw new DeskError('INVALID_STATE', `“${app.applicant.name}”${refusal}`, { status: app.status });
      app.status = 'draft';
      delete app.submittedAt;
      return { action: '退回修改（已提交 → 草稿）', note: `理由：${input.reason}` };
    }),

  'formalReview.previewNotice': (input, ctx) => previewReviewNotice(ctx, input.applicationId, input.round),
  'formalReview.notice': (input, ctx) => printReviewNotice(ctx, input.applicationId, input.round, input.expectedDocNumber, input.fileType),
};

/** 年度封存 of the notices (`yearLock: 'print'`): only a first print writes into the application's year. */
export const formalReviewFirstPrints: FirstPrintYears<'formalReview.notice'> = {
  'formalReview.notice': (input, ctx) => reviewNoticeFirstPrintYears(ctx, input.applicationId, input.round),
};
