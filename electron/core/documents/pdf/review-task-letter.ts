/**
 * 评审任务通知单 (信函格式 by default), to one expert: the applications assigned, the encrypted package and
 * its one-time code, how to use it, the return deadline and the secretariat's contact. Worded by its
 * template (domain/templates.ts `reviewTaskLetter`).
 */
import { DeskError } from '../../contract/errors.js';
import { formatChineseDate } from '../../domain/batches.js';
import { officialFormat, type OfficialFormat } from '../../domain/document-kinds.js';
import type { FilledWording } from '../../domain/templates.js';
import type { FontSet } from '../fonts/registry.js';
import { renderNotice } from './notice.js';
import type { DocumentOutput } from './page-model.js';
import { noticeWording, type WordingOptions } from './wording.js';

export interface ReviewTaskLetterInput extends WordingOptions {
  authority: string;
  expertName: string;
  /** e.g. 2026年第一批 */
  batchLabel: string;
  /** The applications assigned, in order. */
  applications: { unitName: string; centerName: string }[];
  packageFile: string;
  packageId: string;
  code: string;
  /** 交回期限 YYYY-MM-DD. */
  returnBy: string;
  /** 成文日期 YYYY-MM-DD. */
  issuedOn: string;
  fonts?: FontSet;
  format?: OfficialFormat;
  /** PDF (default) or OFD from the same page model. */
  output?: DocumentOutput;
}

export function reviewTaskLetterWording(input: ReviewTaskLetterInput): FilledWording {
  return noticeWording(
    'reviewTaskLetter',
    { ...input, date: input.issuedOn },
    {
      values: {
        专家姓名: input.expertName,
        批次: input.batchLabel,
        申报数量: String(input.applications.length),
        申报清单: input.applications.map(
          (a, i) => `${i + 1}．${a.unitName}${a.centerName.trim() ? `（拟建：${a.centerName.trim()}）` : ''}`,
        ),
        评审包文件: input.packageFile,
        评审包编号: input.packageId,
        一次性口令: input.code,
        交回期限: formatChineseDate(input.returnBy),
      },
      conditions: {},
    },
  );
}

export function renderReviewTaskLetter(input: ReviewTaskLetterInput): Promise<Buffer> {
  if (input.applications.length === 0)
    throw new DeskError('RULE_VIOLATION', `${input.expertName}的评审包中没有申报，无需打印评审任务通知单。`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.returnBy))
    throw new DeskError('INVALID_INPUT', '请填写评分结果的交回期限。', { field: 'deadline' });
  const w = reviewTaskLetterWording(input);
  return renderNotice({
    authority: input.authority,
    title: w.title,
    ...(w.addressee ? { addressee: w.addressee } : {}),
    paragraphs: w.paragraphs,
    signer: input.authority,
    date: input.issuedOn,
    format: input.format ?? officialFormat({ bureauName: input.authority }, 'reviewTaskLetter', input.issuedOn),
    ...(input.fonts ? { fonts: input.fonts } : {}),
    ...(input.output ? { output: input.output } : {}),
  });
}
