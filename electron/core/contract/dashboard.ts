/** 首页/统计 (dashboard): figures for the charts, upcoming deadlines, reminders; charts saved as PNG. */
import { z } from 'zod';
import { method, IsoDate } from './define.js';
import { Text } from './text.js';
import { ExportedFile } from './common.js';
import { Year } from './batches.js';
import { CenterStatus } from './designation.js';

const NamedCount = z.object({ name: z.string(), count: z.number().int() });

export const DeadlineKind = z.enum(['supplement', 'publicityEnd', 'summaryDue', 'reviewDue', 'rectifyDue', 'batchCloses']);
export type DeadlineKind = z.infer<typeof DeadlineKind>;
export { DEADLINE_KIND_LABELS } from './dashboard-labels.js';

export const Deadline = z.object({
  kind: DeadlineKind,
  dueOn: IsoDate,
  /** e.g. “福州市某某中心 三年复核到期” */
  title: z.string(),
  /** The renderer route that handles it (e.g. `/centers`), with an optional query. */
  route: z.string(),
  daysLeft: z.number().int(),
  overdue: z.boolean(),
});
export type Deadline = z.infer<typeof Deadline>;

export const Dashboard = z.object({
  today: IsoDate,
  /** Filter applied to district/industry figures (null: all years). */
  year: z.number().int().nullable(),
  years: z.array(z.number().int()),
  applicationsByYear: z.array(z.object({ year: z.number().int(), count: z.number().int() })),
  applicationsByDistrict: z.array(NamedCount),
  applicationsByIndustry: z.array(NamedCount),
  passRates: z.array(
    z.object({ batchId: z.string(), label: z.string(), scored: z.number().int(), passed: z.number().int(), rate: z.number().nullable() }),
  ),
  centersByStatus: z.array(z.object({ status: CenterStatus, label: z.string(), count: z.number().int() })),
  /** The current summary year (previous year until its due date, then this year): who owes one, who has none. */
  summaryYear: z.object({ year: z.number().int(), dueOn: IsoDate, required: z.number().int(), missing: z.number().int() }),
  /** Sum of each indicator over the year's summaries (keys as in INDICATORS). */
  indicatorTrends: z.array(z.object({ year: z.number().int(), summaries: z.number().int(), totals: z.record(z.string(), z.number()) })),
  /** Deadlines from 30 days ago to `horizonDays` ahead, soonest first. */
  deadlines: z.array(Deadline),
  /** Home-screen reminders in Chinese (e.g. “2026年度工作总结截止2027年1月31日，尚有3个中心未提交”). */
  reminders: z.array(z.object({ text: z.string(), route: z.string(), level: z.enum(['info', 'warning', 'error']) })),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const dashboardContract = {
  'stats.dashboard': method({
    input: z.object({ year: Year.optional(), horizonDays: z.number().int().min(1).max(730).default(60) }).strict(),
    output: Dashboard,
    writes: false,
    summary: '首页统计与提醒',
  }),
  'stats.savePng': method({
    input: z
      .object({
        title: Text({ label: '图表名称', min: 1, max: 60 }),
        /** data:image/png;base64,… as produced by ECharts getDataURL. */
        dataUrl: z
          .string()
          .max(15_000_000, '图片过大（超过10 MB）')
          .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, '图片格式应为PNG'),
      })
      .strict(),
    output: ExportedFile,
    writes: false,
    summary: '导出图表（PNG）',
  }),
};
