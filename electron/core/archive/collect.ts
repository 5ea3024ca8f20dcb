/** 年度档案: what one year holds — its records, its open items, and the attachments of its applications and summaries. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Application } from '../contract/applications/entities.js';
import type { Batch } from '../contract/batches.js';
import type { Center } from '../contract/designation.js';
import type { CenterYearPart, TriennialReview } from '../contract/centers/annual.js';
import type { RecordKind } from '../contract/archive-labels.js';
import { bureauDateOf } from '../domain/bureau-time.js';
import { canonicalJson } from '../exchange/canonical-json.js';
import { summaryDueDate, summaryRequired } from '../domain/center-lifecycle.js';
import { safeFileName } from '../store/exports.js';
import type { ServiceContext } from '../services/context.js';
import { batchLabel } from '../services/records.js';

/** What the catalogue says of an item besides its bytes (absent fields: the bureau, the seal date). */
export interface RecordMeta {
  recordKind: RecordKind;
  /** 责任者 (default: the bureau). */
  responsible?: string;
  /** 文号 */
  docNumber?: string;
  /** 日期, YYYY-MM-DD bureau date (default: the seal date). */
  date?: string;
}

export interface BufferEntry {
  path: string;
  kind: string;
  data: Buffer;
  /** 题名 for the archive catalogue (default: the file name). */
  title?: string;
  record?: RecordMeta;
}

export interface FileEntry {
  path: string;
  kind: string;
  /** Absolute path of the file to copy in. */
  file: string;
  size: number;
  /** What the store says the content hash is (attachments are addressed by it). */
  expectedSha256?: string;
  /** 题名 for the archive catalogue (default: the file name). */
  title?: string;
  record?: RecordMeta;
}

export type ArchiveEntry = BufferEntry | FileEntry;

export interface YearRecords {
  year: number;
  batches: Batch[];
  applications: Application[];
  /** Centers designated in the year, or with a summary, assessment or re-review of the year. */
  centers: Center[];
  centersDesignated: number;
  centerYear: CenterYearPart;
  reviews: TriennialReview[];
}

const yearOf = (iso: string): number => Number(iso.slice(0, 4));

/** Years the data folder holds anything for (batches, centers, summaries, re-reviews, seals), newest first. */
export async function yearsWithData(ctx: ServiceContext, today: string): Promise<number[]> {
  const years = new Set<number>([yearOf(today)]);
  for (const b of ctx.store.read('batches').batches) years.add(b.year);
  for (const c of ctx.store.read('centers').centers) years.add(yearOf(c.designatedOn));
  for (const r of ctx.store.read('centers').reviews) years.add(yearOf(r.decidedOn));
  for (const s of ctx.store.read('archives').seals) years.add(s.year);
  for (const key of await ctx.store.keyedKeys('centers')) years.add(Number(key));
  return [...years].sort((a, b) => b - a);
}

export async function yearRecords(ctx: ServiceContext, year: number): Promise<YearRecords> {
  const batches = ctx.store
    .read('batches')
    .batches.filter((b) => b.year === year)
    .sort((a, b) => a.sequence - b.sequence);
  const applications: Application[] = [];
  for (const b of batches) applications.push(...(await ctx.store.readKeyed('batch', b.id)).applications);
  const centerYear = (await ctx.store.readKeyed('centers', String(year))) as CenterYearPart;
  const reviews = ctx.store.read('centers').reviews.filter((r) => yearOf(r.decidedOn) === year);
  const ids = new Set<string>([
    ...centerYear.summaries.map((s) => s.centerId),
    ...centerYear.assessments.map((a) => a.centerId),
    ...reviews.map((r) => r.centerId),
  ]);
  const all = ctx.store.read('centers').centers;
  const centers = all.filter((c) => yearOf(c.designatedOn) === year || ids.has(c.id));
  return {
    year,
    batches,
    applications,
    centers,
    centersDesignated: all.filter((c) => yearOf(c.designatedOn) === year).length,
    centerYear,
    reviews,
  };
}

/** Unfinished work of the year, in Chinese (sealing asks to acknowledge them). */
export async function openItems(ctx: ServiceContext, rec: YearRecords): Promise<string[]> {
  const items: string[] = [];
  for (const b of rec.batches) {
    const label = batchLabel(b);
    const apps = rec.applications.filter((a) => a.batchId === b.id);
    if (b.status === 'open' || b.status === 'reviewing' || b.status === 'publicity') {
      items.push(`${label}尚未完成认定（当前：${({ open: '受理中', reviewing: '评审中', publicity: '公示中' } as const)[b.status]}）`);
    } else if (
      b.status === 'closed' &&
      apps.some((a) => a.status === 'submitted' || a.status === 'accepted' || a.status === 'supplementRequired')
    ) {
      items.push(`${label}已截止受理，但尚未评审认定`);
    }
    const open = (await ctx.store.readKeyed('designation', b.id)).objections.filter((o) => o.status === 'open');
    if (open.length) items.push(`${label}有${open.length}件公示异议尚未处理`);
  }
  const settings = ctx.store.read('settings').settings;
  const dueOn = summaryDueDate(rec.year, settings.annualSummaryDue);
  const summarised = new Set(rec.centerYear.summaries.map((s) => s.centerId));
  const assessed = new Set(rec.centerYear.assessments.map((a) => a.centerId));
  const all = ctx.store.read('centers').centers;
  const missing = all.filter((c) => summaryRequired(c, rec.year, dueOn) && !summarised.has(c.id));
  if (missing.length) items.push(`${missing.length}家中心尚未提交${rec.year}年度工作总结：${names(missing)}`);
  const unassessed = rec.centerYear.summaries.filter((s) => !assessed.has(s.centerId));
  if (unassessed.length) {
    const byId = new Map(all.map((c) => [c.id, c]));
    items.push(
      `${unassessed.length}份${rec.year}年度工作总结尚未考核：${names(unassessed.map((s) => byId.get(s.centerId) ?? { name: s.centerId }))}`,
    );
  }
  // Rectifications ordered in this year and still running (one ordered later belongs to its own year).
  const rectifying = all.filter(
    (c) => c.status === 'rectifying' && c.statusHistory.findLast((h) => h.to === 'rectifying')?.on.startsWith(`${rec.year}-`),
  );
  if (rectifying.length) items.push(`${rectifying.length}家中心正在限期整改：${names(rectifying)}`);
  return items;
}

function names(list: readonly { name: string }[]): string {
  const shown = list
    .slice(0, 5)
    .map((c) => c.name)
    .join('、');
  return list.length > 5 ? `${shown}等` : shown;
}

const json = (value: unknown): Buffer => Buffer.from(canonicalJson(value), 'utf8');
const RECORDS: RecordMeta = { recordKind: 'records' };

/** 数据/…: the year's records as stored (canonical JSON), named like the store's parts. */
export async function dataEntries(ctx: ServiceContext, rec: YearRecords): Promise<BufferEntry[]> {
  const out: BufferEntry[] = [
    { path: '数据/settings.json', kind: 'data', record: RECORDS, data: json(ctx.store.read('settings')) },
    { path: '数据/batches.json', kind: 'data', record: RECORDS, data: json({ batches: rec.batches }) },
  ];
  for (const b of rec.batches) {
    out.push({ path: `数据/batch-${b.id}.json`, kind: 'data', record: RECORDS, data: json(await ctx.store.readKeyed('batch', b.id)) });
    out.push({ path: `数据/scores-${b.id}.json`, kind: 'data', record: RECORDS, data: json(await ctx.store.readKeyed('scores', b.id)) });
    out.push({
      path: `数据/designation-${b.id}.json`,
      kind: 'data',
      record: RECORDS,
      data: json(await ctx.store.readKeyed('designation', b.id)),
    });
  }
  out.push({ path: `数据/centers-${rec.year}.json`, kind: 'data', record: RECORDS, data: json(rec.centerYear) });
  out.push({ path: '数据/centers.json', kind: 'data', record: RECORDS, data: json({ centers: rec.centers }) });
  out.push({ path: '数据/triennialReviews.json', kind: 'data', record: RECORDS, data: json({ reviews: rec.reviews }) });
  return out;
}

/** Gives each path once within the archive (case-insensitive, like Windows): a repeat becomes `name（2）.pdf`. */
export class UniquePaths {
  private readonly seen = new Set<string>();
  take(wanted: string): string {
    const ext = path.posix.extname(wanted);
    const base = wanted.slice(0, wanted.length - ext.length);
    let candidate = wanted;
    for (let n = 2; this.seen.has(candidate.toLowerCase()); n++) candidate = `${base}（${n}）${ext}`;
    this.seen.add(candidate.toLowerCase());
    return candidate;
  }
}

/** A file name safe inside the zip, with the extension of its kind when it lacks one. */
export function entryName(name: string, kind?: string): string {
  let safe = safeFileName(name).replace(/[\u0000-\u001f\u007f]/g, '_');
  if (kind && !safe.toLowerCase().endsWith(`.${kind}`) && !(kind === 'jpg' && /\.jpe?g$/i.test(safe))) safe = `${safe}.${kind}`;
  return safe;
}

/** 附件/…: every attachment of the year's applications and annual summaries, under readable names. */
export async function attachmentEntries(
  ctx: ServiceContext,
  rec: YearRecords,
  unique: UniquePaths,
  warn: (text: string) => void = () => undefined,
): Promise<FileEntry[]> {
  const files = ctx.store.attachments;
  const out: FileEntry[] = [];
  const add = async (folder: string, name: string, ref: { sha256: string; kind: string; addedAt: string }, record: RecordMeta) => {
    const file = files.pathOf(ref.sha256);
    const stat = await fs.stat(file).catch(() => null);
    if (!stat) {
      const text = `附件“${name}”（${folder}）在数据文件夹中找不到，未收入档案。`;
      warn(text);
      ctx.log?.(`[archive.seal] ${text}（${ref.sha256}）`);
      return false;
    }
    out.push({
      path: unique.take(`${folder}/${entryName(name, ref.kind)}`),
      kind: 'attachment',
      file,
      size: stat.size,
      expectedSha256: ref.sha256,
      title: name.replace(/\.[^.]+$/, ''),
      record: { ...record, date: bureauDateOf(ref.addedAt) },
    });
    return true;
  };
  const batches = new Map(rec.batches.map((b) => [b.id, b]));
  for (const a of rec.applications) {
    const b = batches.get(a.batchId);
    const folder = `附件/申报/${b ? batchLabel(b) : a.batchId}/${entryName(`${a.id}-${a.applicant.name}`)}`;
    for (const item of a.materials)
      for (const f of item.files)
        await add(folder, `材料${item.no}-${f.name}`, f, { recordKind: 'applicationMaterials', responsible: a.applicant.name });
  }
  const centers = new Map(ctx.store.read('centers').centers.map((c) => [c.id, c]));
  for (const s of rec.centerYear.summaries) {
    const c = centers.get(s.centerId);
    const folder = `附件/中心/${entryName(`${s.centerId}-${c?.name ?? ''}`)}/${rec.year}年度工作总结`;
    for (const f of s.files) await add(folder, f.name, f, { recordKind: 'summaryMaterials', responsible: c?.name ?? s.centerId });
  }
  return out;
}

/** How many attachment references the year's records hold. */
export function attachmentCount(rec: YearRecords): number {
  return (
    rec.applications.reduce((n, a) => n + a.materials.reduce((m, i) => m + i.files.length, 0), 0) +
    rec.centerYear.summaries.reduce((n, s) => n + s.files.length, 0)
  );
}
