import type { ArchiveYearStatus, VerifyProblem } from '../../../electron/core/contract/index.js';

/** What a year holds, in Chinese: 批次1个 · 申报3份 … */
export function countLines(c: ArchiveYearStatus['counts']): string[] {
  return [
    `申报批次 ${c.batches} 个`,
    `申报 ${c.applications} 份`,
    `认定中心 ${c.centersDesignated} 家`,
    `年度工作总结 ${c.summaries} 份`,
    `中期考核 ${c.assessments} 份`,
    `复核 ${c.reviews} 次`,
    `附件 ${c.attachments} 个`,
  ];
}

export const PROBLEM_LABELS: Record<VerifyProblem['kind'], string> = {
  missing: '文件缺失',
  extra: '清单外文件',
  hash: '内容被改动',
  size: '大小不符',
  unreadable: '无法读取',
  manifest: '清单问题',
  seal: '封存记录不符',
};
