/**
 * Documents of publicity and designation: 公示 notice, 认定通知, certificates, plaque sheet, roster.
 * Rendered from the records, never written here: the handlers save them into exports/, the yearly archive
 * into its staging folder, and decision.create renders them before it takes any number.
 */
import { DeskError } from '../../contract/errors.js';
import { voidStampLines } from '../../domain/voiding.js';
import type { VoidRecord } from '../../contract/common.js';
import type { Center } from '../../contract/designation.js';
import type { ParsedInput } from '../../contract/index.js';
import { batchLabel, formatChineseDate } from '../../domain/batches.js';
import { bureauDate } from '../../domain/clock.js';
import { disclosureLabel, officialFormat } from '../../domain/document-kinds.js';
import { centerName } from '../../domain/publicity.js';
import { centerStatusText, nextReviewDueOf } from '../../domain/center-lifecycle.js';
import { buildRoster, workbookToBuffer } from '../../documents/excel/style.js';
import { renderPublicityNotice } from '../../documents/pdf/publicity-notice.js';
import { renderDecisionNotice } from '../../documents/pdf/decision-notice.js';
import { renderCertificates, type CertificateInput } from '../../documents/pdf/certificate.js';
import { renderPlaqueSheet } from '../../documents/pdf/plaque-sheet.js';
import type { DocumentOutput } from '../../documents/pdf/page-model.js';
import type { ServiceContext } from '../context.js';
import { allApplications, findBatch } from '../records.js';
import type { GeneratedDocument, RenderOptions } from './generated.js';
import { templateText, type TemplateText } from '../templates.js';

/** 2026年第一批 (the label printed in notice titles). */
export function batchTitleLabel(batch: { year: number; sequence: number }): string {
  return batchLabel(batch);
}

export async function partOf(ctx: ServiceContext, batchId: string) {
  return ctx.store.readKeyed('designation', batchId);
}

export function centersOfDecision(ctx: ServiceContext, centerIds: readonly string[]): Center[] {
  const all = new Map(ctx.store.read('centers').centers.map((c) => [c.id, c]));
  return centerIds.map((id) => all.get(id)).filter((c): c is Center => !!c);
}

export async function decidedCenters(
  ctx: ServiceContext,
  batchId: string,
): Promise<{ centers: Center[]; docNumber: string; decidedOn: string; templateVersion?: number; voided?: VoidRecord }> {
  const batch = findBatch(ctx, batchId);
  const part = await partOf(ctx, batch.id);
  if (!part.decision) throw new DeskError('RULE_VIOLATION', `${batchTitleLabel(batch)}尚未作出认定决定，请先认定。`);
  return {
    centers: centersOfDecision(ctx, part.decision.centerIds),
    docNumber: part.decision.docNumber,
    decidedOn: part.decision.decidedOn,
    ...(part.decision.templateVersion ? { templateVersion: part.decision.templateVersion } : {}),
    ...(part.decision.voided ? { voided: part.decision.voided } : {}),
  };
}

/** A center's certificate worded by `template` (the version recorded on the center: certificateTemplate). */
export function certificateInput(c: DesignatedCenter, authority: string, template: TemplateText): CertificateInput {
  return {
    certificateNumber: c.certificateNumber,
    hostUnit: c.hostUnit,
    centerName: c.name,
    validFrom: c.designatedOn,
    validUntil: c.validUntil,
    authority,
    issuedOn: c.designatedOn,
    wording: { parts: template.parts, version: template.version },
  };
}

/** The 文书模板 “证书” version a center's certificate was issued with (centers issued before it: version 1). */
export function certificateTemplate(ctx: ServiceContext, c: Pick<Center, 'certificateTemplateVersion'>): TemplateText {
  return templateText(ctx, 'certificate', c.certificateTemplateVersion);
}

/** Paper size and the bureau's seal image from 设置 (the seal file must still be in the data folder). */
export async function certificateOptions(ctx: ServiceContext): Promise<{ size?: 'A4-landscape' | 'A3-landscape'; sealImage?: Buffer }> {
  const { certificateSize, sealImageSha256 } = ctx.store.read('settings').settings;
  const out: { size?: 'A4-landscape' | 'A3-landscape'; sealImage?: Buffer } = certificateSize ? { size: certificateSize } : {};
  if (sealImageSha256) {
    try {
      out.sealImage = await ctx.store.attachments.read(sealImageSha256);
    } catch {
      throw new DeskError('NOT_FOUND', '设置中的印章图片在数据文件夹中找不到，请在“设置 → 基本设置”重新导入印章图片，或清除后再打印。');
    }
  }
  return out;
}

/** The fields of a center the designation documents print (a planned center before it is stored, too). */
export type DesignatedCenter = Pick<Center, 'name' | 'hostUnit' | 'certificateNumber' | 'designatedOn' | 'validUntil' | 'plaque'>;

/** 认定通知 PDF of a decision, worded by `template` (the version the decision records). Pure rendering; no writes. */
export function renderDecisionNoticeOf(
  ctx: ServiceContext,
  batch: { year: number; sequence: number },
  docNumber: string,
  decidedOn: string,
  centers: readonly DesignatedCenter[],
  template: TemplateText,
  voided?: VoidRecord,
  output: DocumentOutput = 'pdf',
): Promise<Buffer> {
  const settings = ctx.store.read('settings').settings;
  return renderDecisionNotice({
    output,
    ...(voided ? { voidStamp: voidStampLines(voided) } : {}),
    authority: settings.bureauName,
    format: officialFormat(settings, 'designationNotice', decidedOn),
    template: template.parts,
    facts: settings,
    disclosure: disclosureLabel(settings, 'designationNotice'),
    ...(settings.annualSummaryDue ? { summaryDue: settings.annualSummaryDue } : {}),
    docNumber,
    batchLabel: batchTitleLabel(batch),
    decidedOn,
    entries: centers.map((c) => ({ centerName: c.name, hostUnit: c.hostUnit, certificateNumber: c.certificateNumber })),
  });
}

/** 牌匾内容确认单 PDF (pure rendering; no writes). */
export function renderPlaqueSheetOf(
  ctx: ServiceContext,
  batch: { year: number; sequence: number },
  decidedOn: string,
  centers: readonly DesignatedCenter[],
): Promise<Buffer> {
  return renderPlaqueSheet({
    authority: centers[0]!.plaque.authority,
    batchLabel: batchTitleLabel(batch),
    awardedOn: decidedOn,
    // The plaque lines are laid out by plaqueLines from the stored inscription, authority and date.
    plaques: centers.map((c) => ({ centerName: c.plaque.inscription, hostUnit: c.hostUnit, certificateNumber: c.plaque.number })),
    issuedOn: bureauDate(ctx.clock()),
  });
}

/**
 * Every document a decision numbers, rendered with the numbers it will get: the 认定通知, the certificates
 * and the plaque sheet. Throws (MISSING_GLYPHS, …) when any of them cannot be produced, so decision.create
 * takes no 发文字号 or certificate number for documents that could not be printed.
 */
export async function renderDesignationDocuments(
  ctx: ServiceContext,
  batch: { year: number; sequence: number },
  docNumber: string,
  decidedOn: string,
  centers: readonly DesignatedCenter[],
  template: TemplateText,
  certificate: TemplateText,
): Promise<void> {
  await renderDecisionNoticeOf(ctx, batch, docNumber, decidedOn, centers, template);
  const authority = ctx.store.read('settings').settings.bureauName;
  await renderCertificates(
    centers.map((c) => certificateInput(c, authority, certificate)),
    await certificateOptions(ctx),
  );
  await renderPlaqueSheetOf(ctx, batch, decidedOn, centers);
}

/** 公示通知 of a batch, as PDF or OFD (the contact and 成文日期 default to the publicity's own). */
export async function publicityNoticeDocument(
  ctx: ServiceContext,
  batchId: string,
  opts: Partial<Omit<ParsedInput<'publicity.noticePdf'>, 'batchId'>> = {},
): Promise<GeneratedDocument> {
  const batch = findBatch(ctx, batchId);
  const part = await partOf(ctx, batch.id);
  const p = part.publicity;
  if (!p) throw new DeskError('RULE_VIOLATION', `${batchTitleLabel(batch)}尚未发起公示。`);
  const contact = opts.contact ?? p.contact;
  if (!contact) throw new DeskError('INVALID_INPUT', '请填写公示通知上的联系人及联系电话。', { field: 'contact' });
  const apps = new Map((await allApplications(ctx, batch.id)).map((a) => [a.id, a]));
  // The notice lists what was published (withdrawals happen after it is issued).
  const entries = p.applicationIds.map((id) => {
    const a = apps.get(id);
    if (!a) throw new DeskError('NOT_FOUND', `公示名单中的申报 ${id} 已不存在。`);
    return {
      centerName: centerName(a.proposedCenterName, a.applicant.industry),
      hostUnit: a.applicant.name,
      industry: a.applicant.industry,
      district: a.applicant.district,
    };
  });
  const settings = ctx.store.read('settings').settings;
  const data = await renderPublicityNotice({
    authority: settings.bureauName,
    template: templateText(ctx, 'publicityNotice', p.templateVersion).parts,
    facts: settings,
    disclosure: disclosureLabel(settings, 'publicityNotice'),
    batchLabel: batchTitleLabel(batch),
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    workingDays: p.workingDays,
    entries,
    contact,
    issuedOn: opts.issuedOn ?? p.startsOn,
    format: officialFormat(settings, 'publicityNotice', opts.issuedOn ?? p.startsOn),
    output: opts.fileType ?? 'pdf',
  });
  return { fileName: `公示-${batchTitleLabel(batch)}拟认定名单.${opts.fileType ?? 'pdf'}`, data };
}

/** 认定通知 of a batch's decision, as PDF or OFD: the number, date and wording come from the issued decision. */
export async function decisionNoticeDocument(
  ctx: ServiceContext,
  batchId: string,
  output: DocumentOutput = 'pdf',
): Promise<GeneratedDocument> {
  const batch = findBatch(ctx, batchId);
  const { centers, docNumber, decidedOn, templateVersion, voided } = await decidedCenters(ctx, batch.id);
  const template = templateText(ctx, 'designationNotice', templateVersion);
  return {
    fileName: `认定通知-${docNumber}.${output}`,
    data: await renderDecisionNoticeOf(ctx, batch, docNumber, decidedOn, centers, template, voided, output),
  };
}

/** The certificate of one center (not of a revoked one), as PDF or OFD. */
export async function certificateDocument(
  ctx: ServiceContext,
  centerId: string,
  output: DocumentOutput = 'pdf',
): Promise<GeneratedDocument> {
  const c = ctx.store.read('centers').centers.find((x) => x.id === centerId);
  if (!c) throw new DeskError('NOT_FOUND', `找不到编号为 ${centerId} 的中心，请刷新后重试。`);
  if (c.status === 'revoked') throw new DeskError('RULE_VIOLATION', `${c.name}已被撤销认定，证书已收回，不能再打印。`);
  const data = await renderCertificates(
    [certificateInput(c, ctx.store.read('settings').settings.bureauName, certificateTemplate(ctx, c))],
    {
      ...(await certificateOptions(ctx)),
      output,
    },
  );
  return { fileName: `证书-${c.certificateNumber}.${output}`, data };
}

/**
 * The certificates of a batch's decision (revoked centers left out), checked and ready to render: rendering
 * may take a while, so the caller can run it as a cancellable task that reports progress.
 */
export async function batchCertificates(
  ctx: ServiceContext,
  batchId: string,
  output: DocumentOutput = 'pdf',
): Promise<{ count: number; render(opts?: RenderOptions): Promise<GeneratedDocument> }> {
  const batch = findBatch(ctx, batchId);
  const { centers, docNumber } = await decidedCenters(ctx, batch.id);
  const list = centers.filter((c) => c.status !== 'revoked');
  if (list.length === 0) throw new DeskError('RULE_VIOLATION', '本批没有需要打印证书的中心。');
  const authority = ctx.store.read('settings').settings.bureauName;
  const options = await certificateOptions(ctx);
  return {
    count: list.length,
    render: async (opts = {}) => {
      opts.onProgress?.(0, list.length);
      const data = await renderCertificates(
        list.map((c) => certificateInput(c, authority, certificateTemplate(ctx, c))),
        {
          ...options,
          output,
          ...(opts.signal ? { signal: opts.signal } : {}),
          ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
        },
      );
      return { fileName: `证书-${docNumber}-共${list.length}份.${output}`, data };
    },
  };
}

/** The certificates of a batch's decision as one PDF. */
export async function certificatesDocument(ctx: ServiceContext, batchId: string, opts: RenderOptions = {}): Promise<GeneratedDocument> {
  return (await batchCertificates(ctx, batchId)).render(opts);
}

/** 牌匾内容确认单 of a batch's decision (revoked centers left out). */
export async function plaqueSheetDocument(ctx: ServiceContext, batchId: string): Promise<GeneratedDocument> {
  const batch = findBatch(ctx, batchId);
  const { centers, docNumber, decidedOn } = await decidedCenters(ctx, batch.id);
  const list = centers.filter((c) => c.status !== 'revoked');
  if (list.length === 0) throw new DeskError('RULE_VIOLATION', '本批没有需要制作牌匾的中心。');
  return { fileName: `牌匾内容确认单-${docNumber}.pdf`, data: await renderPlaqueSheetOf(ctx, batch, decidedOn, list) };
}

/** 认定名单: every center with its status, next review and 共建协议. */
export async function centersRosterDocument(ctx: ServiceContext): Promise<GeneratedDocument> {
  const centers = ctx.store.read('centers').centers;
  const generatedOn = bureauDate(ctx.clock());
  const wb = buildRoster({
    sheetName: '认定名单',
    title: '福州市产业知识产权协同保护与运营中心认定名单',
    subtitle: `共${centers.length}家，导出日期：${formatChineseDate(generatedOn)}`,
    orientation: 'landscape',
    columns: [
      { header: '序号', key: 'no', width: 6, kind: 'number' },
      { header: '中心名称', key: 'name', width: 40 },
      { header: '依托单位', key: 'hostUnit', width: 32 },
      { header: '所属产业', key: 'industry', width: 12 },
      { header: '县（市）区', key: 'district', width: 12 },
      { header: '认定日期', key: 'designatedOn', width: 16, kind: 'date' },
      { header: '证书编号', key: 'certificateNumber', width: 18 },
      { header: '有效期至', key: 'validUntil', width: 16, kind: 'date' },
      { header: '状态', key: 'status', width: 26 },
      { header: '下次复核', key: 'nextReview', width: 16, kind: 'date' },
      { header: '共建协议', key: 'agreement', width: 36 },
    ],
    rows: centers.map((c, i) => ({
      no: i + 1,
      name: c.name,
      hostUnit: c.hostUnit,
      industry: c.industry,
      district: c.district,
      designatedOn: c.designatedOn,
      certificateNumber: c.certificateNumber,
      validUntil: c.validUntil,
      status: centerStatusText(c),
      nextReview: nextReviewDueOf(c)?.dueOn ?? null,
      agreement: c.agreement ? `${formatChineseDate(c.agreement.signedOn)}签订（${c.agreement.parties.join('、')}）` : '未签订',
    })),
  });
  const data = await workbookToBuffer(wb);
  return { fileName: `认定名单-${formatChineseDate(generatedOn)}.xlsx`, data };
}
