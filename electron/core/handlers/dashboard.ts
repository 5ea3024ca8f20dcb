/** 首页/统计: chart figures, deadlines, reminders; charts saved as PNG. */
import { DeskError } from '../contract/errors.js';
import type { Center } from '../contract/designation.js';
import { bureauDate } from '../domain/clock.js';
import { openSupplementDeadline } from '../domain/application-query.js';
import { summaryDueDate, summaryRequired, reviewDueList } from '../domain/center-lifecycle.js';
import {
  applicationsByYear,
  buildReminders,
  centersByStatus,
  countByName,
  deadlineWindow,
  indicatorTotals,
  isPng,
  passRate,
  pngFileName,
  summaryYears,
  type DeadlineItem,
} from '../domain/dashboard.js';
import { writeExport } from '../store/exports.js';
import { allApplications, batchLabel } from './applications/store.js';
import { scoringResults } from '../services/scoring.js';
import type { AreaHandlers, HandlerContext } from './types.js';

type Methods = 'stats.dashboard' | 'stats.savePng';

/** Years that have a centers-<year> part on disk (or that the caller already knows of), ascending. */
async function centerYears(ctx: HandlerContext, known: readonly number[]): Promise<number[]> {
  const years = new Set([...known, ...(await ctx.store.keyedKeys('centers')).map(Number)]);
  return [...years].sort((a, b) => a - b);
}

/** How many centers owe a summary for `year` (due `dueOn`) and how many of them have none. */
async function summaryYearFacts(
  ctx: HandlerContext,
  centers: readonly Center[],
  year: number,
  dueOn: string,
): Promise<{ year: number; dueOn: string; required: number; missing: number }> {
  const owing = centers.filter((c) => summaryRequired(c, year, dueOn));
  if (!owing.length) return { year, dueOn, required: 0, missing: 0 };
  const submitted = new Set((await ctx.store.readKeyed('centers', String(year))).summaries.map((s) => s.centerId));
  return { year, dueOn, required: owing.length, missing: owing.filter((c) => !submitted.has(c.id)).length };
}

export const dashboardHandlers: AreaHandlers<Methods> = {
  'stats.dashboard': async (input, ctx) => {
    const today = bureauDate(ctx.clock());
    const horizonDays = input.horizonDays;
    const batches = [...ctx.store.read('batches').batches].sort((a, b) => a.year - b.year || a.sequence - b.sequence);
    const centers = ctx.store.read('centers').centers;
    const yearOf = new Map(batches.map((b) => [b.id, b.year]));
    const apps = await allApplications(ctx);

    const year = input.year ?? null;
    const inYear = year === null ? apps : apps.filter((a) => yearOf.get(a.batchId) === year);

    // Pass rates: only batches with score sheets are aggregated (scoring.results is the expensive call).
    const passRates = [];
    for (const b of batches) {
      const part = await ctx.store.readKeyed('scores', b.id);
      if (!part.scoreSheets.length) continue;
      const results = await scoringResults(ctx, b.id);
      passRates.push({ batchId: b.id, label: batchLabel(b), ...passRate(results.rows) });
    }

    // Summaries: the current summary year and an overdue previous year.
    const rule = ctx.store.read('settings').settings.annualSummaryDue;
    const dueOf = (y: number) => summaryDueDate(y, rule);
    const sy = summaryYears(today, dueOf);
    const current = await summaryYearFacts(ctx, centers, sy.current, dueOf(sy.current));
    const summaryFacts = sy.overdue === null ? [current] : [await summaryYearFacts(ctx, centers, sy.overdue, dueOf(sy.overdue)), current];

    const trendYears = await centerYears(ctx, []);
    const indicatorTrends = [];
    for (const y of trendYears) {
      const part = await ctx.store.readKeyed('centers', String(y));
      if (part.summaries.length) indicatorTrends.push(indicatorTotals(y, part.summaries));
    }

    const items: DeadlineItem[] = [];
    const supplements: string[] = [];
    for (const a of apps) {
      const due = openSupplementDeadline(a);
      if (!due) continue;
      supplements.push(due);
      items.push({ kind: 'supplement', dueOn: due, title: `${a.applicant.name} 补正期限`, route: '/applications' });
    }
    const publicities = [];
    const openBatches = [];
    for (const b of batches) {
      if (b.status === 'open') {
        openBatches.push({ label: batchLabel(b), closesOn: b.closesOn });
        items.push({ kind: 'batchCloses', dueOn: b.closesOn, title: `${batchLabel(b)}申报截止`, route: '/batches' });
      }
      if (b.status === 'publicity') {
        const part = await ctx.store.readKeyed('designation', b.id);
        if (part.publicity && !part.decision) {
          publicities.push({ label: batchLabel(b), endsOn: part.publicity.endsOn });
          items.push({ kind: 'publicityEnd', dueOn: part.publicity.endsOn, title: `${batchLabel(b)}公示期满`, route: '/designation' });
        }
      }
    }
    for (const s of summaryFacts) {
      if (s.missing > 0)
        items.push({
          kind: 'summaryDue',
          dueOn: s.dueOn,
          title: `${s.year}年度工作总结截止（${s.missing}个中心未提交）`,
          route: '/centers/summaries',
        });
    }
    const reviews = reviewDueList(centers, today, horizonDays);
    for (const r of reviews) {
      items.push(
        r.kind === 'followUp'
          ? { kind: 'rectifyDue', dueOn: r.dueOn, title: `${r.center.name} 整改期满`, route: '/centers/reviews' }
          : { kind: 'reviewDue', dueOn: r.dueOn, title: `${r.center.name} 三年复核到期`, route: '/centers/reviews' },
      );
    }

    return {
      today,
      year,
      years: [...new Set(batches.map((b) => b.year))].sort((a, b) => a - b),
      applicationsByYear: applicationsByYear(batches, apps),
      applicationsByDistrict: countByName(inYear.map((a) => a.applicant.district)),
      applicationsByIndustry: countByName(inYear.map((a) => a.applicant.industry)),
      passRates,
      centersByStatus: centersByStatus(centers),
      summaryYear: current,
      indicatorTrends,
      deadlines: deadlineWindow(items, today, horizonDays),
      reminders: buildReminders({
        today,
        horizonDays,
        summaries: summaryFacts,
        reviews: reviews.map((r) => ({ dueOn: r.dueOn, kind: r.kind })),
        supplements,
        publicities,
        openBatches,
      }),
    };
  },

  'stats.savePng': async (input, ctx) => {
    const data = new Uint8Array(Buffer.from(input.dataUrl.slice(input.dataUrl.indexOf(',') + 1), 'base64'));
    if (!isPng(data)) {
      throw new DeskError('INVALID_INPUT', `“${input.title}”的图片数据不是有效的PNG图片，未保存。请刷新页面后重新导出。`);
    }
    return writeExport(ctx.store.dirs.exports, pngFileName(input.title, bureauDate(ctx.clock())), data);
  },
};
