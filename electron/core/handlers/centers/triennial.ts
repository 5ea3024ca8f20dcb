/** 三年复核: the due list, decisions (status changes) and the records kept forever; a center's whole history. */
import { DeskError } from '../../contract/errors.js';
import type { AnnualSummary, MidtermAssessment, TriennialReview } from '../../contract/centers/annual.js';
import { formatChineseDate } from '../../domain/batches.js';
import {
  applyReviewOutcome,
  DEFAULT_PLAQUE_RETURN_WORKING_DAYS,
  nextReviewId,
  outcomeText,
  plaqueReturnDue,
  reviewDueList,
} from '../../domain/center-lifecycle.js';
import { workingCalendar } from '../../services/calendar.js';
import { operator } from '../applications/store.js';
import { centerYearPart, todayOf } from './summaries.js';
import { findCenter } from './centers.js';
import type { MethodInput } from '../../contract/index.js';
import type { AreaHandlers, HandlerContext } from '../types.js';

type Methods = 'triennial.due' | 'triennial.preview' | 'triennial.decide' | 'triennial.list' | 'centers.history';

/** Decisions run one at a time (read the center, decide, write the center and its review record). */
let decideChain: Promise<unknown> = Promise.resolve();
function serialised<R>(job: () => Promise<R>): Promise<R> {
  const run = decideChain.then(job, job);
  decideChain = run.catch(() => undefined);
  return run;
}

function byDecision(a: TriennialReview, b: TriennialReview): number {
  return (
    a.decidedOn.localeCompare(b.decidedOn) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id, 'en', { numeric: true })
  );
}

/** The inputs of applyReviewOutcome for a decision (the same for its preview and the act). */
function decisionContext(ctx: HandlerContext, input: MethodInput<'triennial.decide'>) {
  const center = findCenter(ctx, input.centerId);
  const reviewId = nextReviewId(center.id, ctx.store.read('centers').reviews);
  const returnDays = ctx.store.read('settings').settings.plaqueReturnWorkingDays ?? DEFAULT_PLAQUE_RETURN_WORKING_DAYS;
  const rc = {
    today: todayOf(ctx),
    reviewId,
    at: ctx.clock().toISOString(),
    by: operator(ctx),
    ...(input.outcome === 'revoke' ? { plaqueReturnDueOn: plaqueReturnDue(input.decidedOn, returnDays, workingCalendar(ctx)) } : {}),
  };
  const decision = {
    outcome: input.outcome,
    decidedOn: input.decidedOn,
    opinion: input.opinion,
    rectifyDeadline: input.rectifyDeadline,
  };
  return { center, reviewId, rc, decision };
}

export const triennialHandlers: AreaHandlers<Methods> = {
  'triennial.due': (input, ctx) => reviewDueList(ctx.store.read('centers').centers, todayOf(ctx), input.horizonDays),

  /** What the decision would do (the center after it, the review record with e.g. the plaque return date); nothing is saved. */
  'triennial.preview': (input, ctx) => {
    const { center, rc, decision } = decisionContext(ctx, input);
    const r = applyReviewOutcome(center, decision, rc);
    return { review: r.review, center: r.center };
  },

  'triennial.decide': (input, ctx) =>
    serialised(async () => {
      await ctx.recheckYearLock?.(); // a seal may have begun while this decision waited for the one before
      const { center, reviewId, rc, decision } = decisionContext(ctx, input);
      applyReviewOutcome(center, decision, rc); // refuse before writing anything
      // One write: the center's new status and the review record land together or not at all.
      const result = await ctx.store.write(
        'centers',
        (draft) => {
          const i = draft.centers.findIndex((c) => c.id === center.id);
          if (i < 0) throw new DeskError('NOT_FOUND', `找不到编号为 ${center.id} 的中心，请刷新后重试。`);
          if (draft.reviews.some((x) => x.id === reviewId)) throw new DeskError('CONFLICT', `复核记录 ${reviewId} 已存在，请刷新后重试。`);
          const before = structuredClone(draft.centers[i]!);
          const r = applyReviewOutcome(before, decision, rc);
          draft.centers[i] = r.center;
          draft.reviews.push(structuredClone(r.review));
          return { before, ...structuredClone(r) };
        },
        (r) => ({
          method: 'triennial.decide',
          entity: `center:${center.id}`,
          summary: `${center.name}复核结论（${formatChineseDate(input.decidedOn)}，${r.review.id}）：${outcomeText(r.review)}；${r.center.statusHistory.at(-1)!.reason}`,
          before: r.before,
          after: { center: r.center, review: r.review },
        }),
      );
      return { review: result.review, center: result.center };
    }),

  'triennial.list': (input, ctx) =>
    ctx.store
      .read('centers')
      .reviews.filter(
        (r) => (!input.centerId || r.centerId === input.centerId) && (!input.year || r.decidedOn.startsWith(`${input.year}-`)),
      )
      .map((r) => structuredClone(r))
      .sort(byDecision),

  'centers.history': async (input, ctx) => {
    const center = structuredClone(findCenter(ctx, input.centerId));
    const reviews = ctx.store
      .read('centers')
      .reviews.filter((r) => r.centerId === center.id)
      .map((r) => structuredClone(r))
      .sort(byDecision);
    const summaries: AnnualSummary[] = [];
    const assessments: MidtermAssessment[] = [];
    const first = Number(center.designatedOn.slice(0, 4));
    const last = Number(todayOf(ctx).slice(0, 4));
    for (let year = first; year <= last; year++) {
      const part = await centerYearPart(ctx, year);
      for (const s of part.summaries) if (s.centerId === center.id) summaries.push(structuredClone(s));
      for (const a of part.assessments) if (a.centerId === center.id) assessments.push(structuredClone(a));
    }
    return { center, reviews, summaries, assessments };
  },
};
