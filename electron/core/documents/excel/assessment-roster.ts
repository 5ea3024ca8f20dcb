/**
 * 中期考核汇总表 (Excel): one row per assessed center, ranked by total (the order of the result
 * notice): name, host unit, each criterion's score (header names its full marks), 总分, 等次, 考核日期,
 * 考核意见. Centers that submitted a summary but are not yet assessed follow, marked 未考核.
 */
import { GRADE_LABELS, type MidtermAssessment } from '../../contract/centers/annual.js';
import type { Criterion } from '../../contract/expert-review/scoring.js';
import type { Center } from '../../contract/designation.js';
import { formatChineseDate } from '../../domain/batches.js';
import { rankEntries } from '../pdf/assessment-notice.js';
import { buildRoster, workbookToBuffer, type RosterColumn, type RosterValue } from './style.js';

export interface AssessmentRosterRow {
  center: Pick<Center, 'name' | 'hostUnit'>;
  /** null: summary submitted, not yet assessed. */
  assessment: Pick<MidtermAssessment, 'scores' | 'total' | 'grade' | 'assessedOn' | 'comments' | 'assessors'> | null;
}

export interface AssessmentRosterInput {
  year: number;
  /** Criteria as columns (the year's template; older versions' extra criteria appended by the caller). */
  criteria: Pick<Criterion, 'key' | 'title' | 'max'>[];
  rows: AssessmentRosterRow[];
  bureauName: string;
  /** YYYY-MM-DD */
  generatedOn: string;
  /** 发文字号 of the result notice, when issued (subtitle). */
  noticeNumber?: string;
}

export const NOT_ASSESSED = '未考核';
export const assessmentRosterTitle = (year: number): string => `${year}年度产业知识产权协同保护与运营中心中期考核汇总表`;

const fmtMax = (n: number): string => String(Math.round(n * 100) / 100);

export function assessmentRosterColumns(criteria: AssessmentRosterInput['criteria']): RosterColumn[] {
  return [
    { header: '序号', key: 'no', width: 6, kind: 'number' },
    { header: '中心名称', key: 'name', width: 32 },
    { header: '依托单位', key: 'hostUnit', width: 24 },
    ...criteria.map((c): RosterColumn => ({
      header: `${c.title}（${fmtMax(c.max)}分）`,
      key: `c:${c.key}`,
      width: Math.min(16, Math.max(10, Math.ceil(c.title.length * 0.9) + 2)),
      kind: 'number',
    })),
    { header: `总分（${fmtMax(criteria.reduce((s, c) => s + c.max, 0))}分）`, key: 'total', width: 10, kind: 'number' },
    { header: '等次', key: 'grade', width: 8 },
    { header: '考核日期', key: 'assessedOn', width: 15, kind: 'date' },
    { header: '考核人员', key: 'assessors', width: 14 },
    { header: '考核意见', key: 'comments', width: 40 },
  ];
}

export async function renderAssessmentRosterXlsx(input: AssessmentRosterInput): Promise<Buffer> {
  const title = assessmentRosterTitle(input.year);
  const assessed = rankEntries(
    input.rows
      .filter((r): r is AssessmentRosterRow & { assessment: NonNullable<AssessmentRosterRow['assessment']> } => r.assessment !== null)
      .map((r) => ({ ...r, total: r.assessment.total, grade: r.assessment.grade })),
  );
  const pending = input.rows.filter((r) => r.assessment === null);
  const columns = assessmentRosterColumns(input.criteria);
  const counts = { excellent: 0, good: 0, pass: 0, fail: 0 };
  for (const r of assessed) counts[r.grade]++;
  const subtitle = [
    `制表单位：${input.bureauName}`,
    ...(input.noticeNumber ? [`结果通知：${input.noticeNumber}`] : []),
    `已考核${assessed.length}个（${(['excellent', 'good', 'pass', 'fail'] as const).map((g) => `${GRADE_LABELS[g]}${counts[g]}个`).join('、')}）${pending.length > 0 ? `，未考核${pending.length}个` : ''}`,
    `生成日期：${formatChineseDate(input.generatedOn)}`,
  ].join('\u3000\u3000');
  const rows: Record<string, RosterValue>[] = [
    ...assessed.map((r) => ({
      name: r.center.name,
      hostUnit: r.center.hostUnit,
      ...Object.fromEntries(input.criteria.map((c) => [`c:${c.key}`, r.assessment.scores[c.key] ?? null])),
      total: r.assessment.total,
      grade: GRADE_LABELS[r.assessment.grade],
      assessedOn: r.assessment.assessedOn,
      assessors: r.assessment.assessors.join('、'),
      comments: r.assessment.comments,
    })),
    ...pending.map((r) => ({ name: r.center.name, hostUnit: r.center.hostUnit, grade: NOT_ASSESSED })),
  ].map((r, i) => ({ no: i + 1, ...r }));
  const wb = buildRoster({ sheetName: `${input.year}年度中期考核`, title, subtitle, columns, rows, orientation: 'landscape' });
  wb.title = title;
  wb.company = input.bureauName;
  const created = new Date(`${input.generatedOn.slice(0, 10)}T00:00:00Z`);
  wb.created = created;
  wb.modified = created;
  return workbookToBuffer(wb);
}
