/**
 * 四性检测 of a yearly archive (after DA/T 70-2018《文书类电子档案检测一般要求》): 真实性, 完整性, 可用性 and
 * 安全性, from the facts gathered while the archive is written (seal) or re-read (verifier). Pure: the
 * facts come in, the report (FourChecksReport) goes out; `fourChecksPdf` lays it out with the PDF table code.
 */
import { FOUR_CHECK_LABELS, FOUR_CHECKS, type FourCheck } from '../contract/archive-labels.js';
import type { FourChecksProblem, FourChecksReport, FourChecksSummary } from '../contract/archive.js';
import { renderFourChecksReport } from '../documents/pdf/four-checks-report.js';
import { bureauDateTimeTextOf } from '../domain/bureau-time.js';
import { unsafeName, type Inspection } from './inspect.js';

export const REPORT_JSON = '00-四性检测报告.json';
export const REPORT_PDF = '00-四性检测报告.pdf';

export interface ItemFacts {
  path: string;
  sha256: string;
  sm3: string;
  size: number;
  inspection: Inspection;
  /** Produced by the desk (PDFs must carry PDF/A markers). */
  generated: boolean;
  /** The content address the records hold for it (attachments). */
  recordedSha256?: string;
}

export interface FourChecksInput {
  stage: 'seal' | 'verify';
  checkedAt: string;
  year: number;
  sealVersion: number;
  items: readonly ItemFacts[];
  /** Problems found outside the items' own bytes (skipped documents, missing files, hashes against the manifest …). */
  problems: readonly FourChecksProblem[];
  /** Counts for the 完整性 criteria line. */
  planned: { documents: number; attachments: number };
  included: { documents: number; attachments: number };
}

function itemProblems(it: ItemFacts): FourChecksProblem[] {
  const out: FourChecksProblem[] = [];
  const add = (check: FourCheck, message: string) => out.push({ check, path: it.path, message });
  if (it.recordedSha256 && it.recordedSha256 !== it.sha256)
    add('authenticity', '内容与业务记录登记的SHA-256校验值不符：数据文件夹中的原件在登记后被改动或已损坏');
  if (it.inspection.unusable) add('usability', it.inspection.unusable);
  else if (it.generated && it.inspection.format === 'PDF' && !it.inspection.pdfa)
    add('usability', '本系统生成的PDF缺少PDF/A标识（pdfaid）');
  for (const e of it.inspection.executable) add('security', `含有可执行或活动内容：${e}`);
  const name = unsafeName(it.path);
  if (name) add('security', name);
  return out;
}

export function fourChecks(input: FourChecksInput): FourChecksReport {
  const problems = [...input.problems, ...input.items.flatMap(itemProblems)];
  const pdfs = input.items.filter((i) => i.inspection.format === 'PDF');
  const generatedPdfs = pdfs.filter((i) => i.generated);
  const xlsx = input.items.filter((i) => i.inspection.format === 'XLSX');
  const criteria: Record<FourCheck, string[]> = {
    authenticity: [
      `${input.items.length}个文件的SHA-256与SM3（GB/T 32905-2016）校验值${input.stage === 'seal' ? '已计算并记入清单和目录' : '与清单和目录一致'}`,
      `附件内容与业务记录登记的校验值一致（${input.items.filter((i) => i.recordedSha256).length}个附件）`,
      input.stage === 'seal' ? '档案年度、版本、封存时间与封存记录一致' : '档案年度、版本、封存时间及档案文件和清单的校验值与封存记录一致',
    ],
    integrity: [
      `应收文书${input.planned.documents}份，收入${input.included.documents}份`,
      `应收附件${input.planned.attachments}个，收入${input.included.attachments}个`,
      input.stage === 'seal' ? '清单列出档案中的每个文件' : '清单和目录中的每个文件都在档案中，档案中没有清单以外的文件',
    ],
    usability: [
      `${pdfs.length}个PDF文件结构完整可解析（文件头、交叉引用、页面树），页数已计入目录`,
      `${generatedPdfs.length}个本系统生成的PDF带有PDF/A-2b标识（pdfaid:part=2, conformance=B）`,
      `${xlsx.length}个Excel文件可以打开；JSON、文本和图片文件格式有效`,
    ],
    security: [
      'PDF中无JavaScript脚本、启动外部程序动作、富媒体或嵌入文件',
      'Office文件中无宏（VBA）',
      '文件名无控制字符、相对路径、保留名称和可执行文件类型',
    ],
  };
  const checks = FOUR_CHECKS.map((check) => {
    const list = problems.filter((p) => p.check === check);
    return { check, ok: list.length === 0, criteria: criteria[check], problems: list };
  });
  const ok = problems.length === 0;
  const named = [...new Set(problems.map((p) => p.path).filter(Boolean))];
  const failed = checks.filter((c) => !c.ok).map((c) => FOUR_CHECK_LABELS[c.check]);
  const summary = ok
    ? `四性检测通过：${input.items.length}个文件的真实性、完整性、可用性、安全性均符合要求。`
    : `四性检测发现${problems.length}项问题（${failed.join('、')}）${named.length ? `，涉及：${named.slice(0, 3).join('、')}${named.length > 3 ? `等${named.length}个文件` : ''}` : ''}。`;
  return {
    format: 'ipc-desk-four-checks',
    version: 1,
    stage: input.stage,
    checkedAt: input.checkedAt,
    year: input.year,
    sealVersion: input.sealVersion,
    items: input.items.length,
    counts: {
      plannedDocuments: input.planned.documents,
      documents: input.included.documents,
      plannedAttachments: input.planned.attachments,
      attachments: input.included.attachments,
    },
    ok,
    checks,
    summary,
  };
}

/** What the seal record keeps (the first 50 problems). */
export function fourChecksSummary(r: FourChecksReport): FourChecksSummary {
  return { ok: r.ok, summary: r.summary, problems: r.checks.flatMap((c) => c.problems).slice(0, 50) };
}

/** The same findings (check and file), whatever the wording: how the verifier compares itself with the seal's report. */
export function sameFindings(a: FourChecksReport, b: FourChecksReport): boolean {
  const key = (r: FourChecksReport) =>
    [...new Set(r.checks.flatMap((c) => c.problems.map((p) => `${p.check}\u0000${p.path}`)))].sort().join('\n');
  return key(a) === key(b);
}

export function fourChecksJson(r: FourChecksReport): Buffer {
  return Buffer.from(`${JSON.stringify(r, null, 2)}\n`, 'utf8');
}

export function fourChecksPdf(r: FourChecksReport, head: { bureauName: string; archiveName: string }): Promise<Buffer> {
  return renderFourChecksReport({
    title: `${r.year}年度档案四性检测报告（第${r.sealVersion}版）`,
    bureauName: head.bureauName,
    lines: [
      `档案文件：${head.archiveName}`,
      `检测时间：${bureauDateTimeTextOf(r.checkedAt)}（${r.stage === 'seal' ? '封存时' : '校验时'}）\u3000检测文件：${r.items}个`,
      `结论：${r.summary}`,
    ],
    checks: r.checks.map((c) => [FOUR_CHECK_LABELS[c.check], c.criteria.join('；'), c.ok ? '通过' : `未通过（${c.problems.length}项）`]),
    problems: r.checks.flatMap((c) => c.problems.map((p) => [FOUR_CHECK_LABELS[p.check], p.path || '（整个档案）', p.message])),
    checkedOn: r.checkedAt,
  });
}
