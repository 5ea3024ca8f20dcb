/** manifest.json and 说明.txt of a year's archive, and the archive's file name. */
import type { ArchiveManifest, ManifestFile } from '../contract/archive.js';
import { bureauDateTimeTextOf } from '../domain/bureau-time.js';
import type { SkippedDocument } from './documents.js';

export const ARCHIVE_FOLDER = '年度档案';

/** 2026年11月25日 10:00 (bureau time, UTC+8). */
export function bureauTimeText(iso: string): string {
  return bureauDateTimeTextOf(iso);
}

export function archiveFileName(year: number, version: number): string {
  return `福州市产业知识产权中心年度档案-${year}-第${version}版.zip`;
}

export function manifestBytes(head: Omit<ArchiveManifest, 'files'>, files: readonly ManifestFile[]): Buffer {
  const manifest: ArchiveManifest = { ...head, files: [...files] };
  return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
}

export interface ReadmeInput {
  year: number;
  sealVersion: number;
  sealedAtText: string;
  sealedBy: string;
  bureauName: string;
  counts: Record<string, number>;
  acknowledged: readonly string[];
  skipped: readonly SkippedDocument[];
}

export function readmeText(r: ReadmeInput): Buffer {
  const lines = [
    `${r.bureauName}`,
    `福州市产业知识产权协同保护与运营中心 ${r.year}年度档案（第${r.sealVersion}版）`,
    '',
    `封存时间：${r.sealedAtText}`,
    `封存人：${r.sealedBy}`,
    '',
    '一、档案内容',
    '  manifest.json          文件清单：本档案中其余每个文件的路径、大小和 SHA-256 校验值。',
    '  说明.txt               本说明。',
    '  00-档案目录.xlsx       档案目录：每件的档号、全宗号、年度、保管期限、题名、责任者、文号、日期、页数、格式、大小、',
    '                         SHA-256 和 SM3 校验值及档案内位置（可直接打印归档）。',
    '  00-档案目录.json/.csv  同一目录的机读文本（JSON、CSV）。档号 = 全宗号-年度-保管期限代码（永久Y、30年D30、10年D10）-件号。',
    '  00-四性检测报告.pdf/.json  封存时的四性检测（真实性、完整性、可用性、安全性）结果。',
    '  数据/                  本年度的原始记录（JSON，键名排序）：settings 设置、batches 批次、',
    '                         batch-年度-序号 申报与形式审查、scores-… 专家评审、designation-… 公示异议与认定、',
    `                         centers-${r.year} 年度工作总结与中期考核、centers 中心名录、triennialReviews 复核。`,
    '  01-申报批次/           批次一览表（PDF、Excel）。',
    '  02-申报与形式审查/     各批申报汇总表、已发出的受理/补正/不予受理通知书。',
    '  03-专家评审/           评审汇总表（PDF、Excel），专家评分表（已录入的评分，附校验码）。',
    '  04-公示与认定/         公示通知、认定通知、证书、牌匾内容确认单。',
    '  05-中心管理/           中心认定名单、年度工作总结汇总表、中期考核汇总表与结果通知、复核决定。',
    '  附件/                  各申报和年度工作总结所附的全部文件（按申报、中心分文件夹）。',
    '',
    '二、数量',
    ...Object.entries(r.counts).map(([k, v]) => `  ${k}：${v}`),
    '',
    '三、封存时确认的未办结事项',
    ...(r.acknowledged.length ? r.acknowledged.map((a, i) => `  ${i + 1}. ${a}`) : ['  无']),
    '',
    '四、未能收入的文书',
    ...(r.skipped.length ? r.skipped.map((s, i) => `  ${i + 1}. ${s.label}：${s.reason}`) : ['  无']),
    '',
    '五、如何校验',
    '  在工作台“年度档案”页点击“校验”，或在程序目录运行：',
    '    npm run verify-archive -- <本档案文件路径>',
    '  校验程序逐个重新计算每个文件的 SHA-256 和 SM3，与 manifest.json 比对；任何文件缺失、多出、大小或内容不符都会列出文件名，',
    '  并重新进行四性检测，与封存时的检测报告比对。',
    '',
  ];
  return Buffer.from(lines.join('\r\n'), 'utf8');
}
