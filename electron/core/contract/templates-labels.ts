/**
 * 文书模板: the wording of every issued document, kept in the data folder and edited in 设置 › 文书模板.
 * Zod-free: the screens import it by value. The placeholders, conditions and default wording are in
 * domain/templates.ts.
 */
import { ISSUED_DOCUMENT_LABELS, type IssuedDocumentType } from './document-labels.js';

/** One template per issued wording (the 复核决定 has one per outcome: its title and text differ). */
export const TEMPLATE_IDS = [
  'acceptanceNotice',
  'supplementNotice',
  'rejectionNotice',
  'reviewTaskLetter',
  'publicityNotice',
  'designationNotice',
  'assessmentNotice',
  'reviewRetain',
  'reviewRectify',
  'reviewRevoke',
  'certificate',
] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** A template that words one document is named as that document; the 复核决定's three outcomes by their titles. */
export const TEMPLATE_LABELS: Record<TemplateId, string> = {
  acceptanceNotice: ISSUED_DOCUMENT_LABELS.acceptanceNotice,
  supplementNotice: ISSUED_DOCUMENT_LABELS.supplementNotice,
  rejectionNotice: ISSUED_DOCUMENT_LABELS.rejectionNotice,
  reviewTaskLetter: ISSUED_DOCUMENT_LABELS.reviewTaskLetter,
  publicityNotice: ISSUED_DOCUMENT_LABELS.publicityNotice,
  designationNotice: ISSUED_DOCUMENT_LABELS.designationNotice,
  assessmentNotice: ISSUED_DOCUMENT_LABELS.assessmentNotice,
  reviewRetain: '复核结果通知',
  reviewRectify: '限期整改通知',
  reviewRevoke: '撤销认定决定',
  certificate: '证书',
};

/**
 * The issued document (its kind, 附注 and 版记 in 设置) each template words; null: not an official notice
 * (the 证书 has its own landscape page, documents/pdf/certificate.ts).
 */
export const TEMPLATE_DOCUMENT: Record<TemplateId, IssuedDocumentType | null> = {
  acceptanceNotice: 'acceptanceNotice',
  supplementNotice: 'supplementNotice',
  rejectionNotice: 'rejectionNotice',
  reviewTaskLetter: 'reviewTaskLetter',
  publicityNotice: 'publicityNotice',
  designationNotice: 'designationNotice',
  assessmentNotice: 'assessmentNotice',
  reviewRetain: 'reviewDecision',
  reviewRectify: 'reviewDecision',
  reviewRevoke: 'reviewDecision',
  certificate: null,
};

/** How a template that words no official notice prints (the kind label shown beside its name). */
export const CERTIFICATE_KIND_LABEL = '证书（横版）';

/**
 * The parts a template may have: 标题, 主送机关, 正文 (one paragraph per line), the attached list's title; and
 * the certificate's own lines: 编号 (top right), the holder line, 有效期, the authority and the date.
 */
export const TEMPLATE_PARTS = [
  'title',
  'addressee',
  'body',
  'listTitle',
  'numberLine',
  'holder',
  'validity',
  'signer',
  'dateLine',
] as const;
export type TemplatePart = (typeof TEMPLATE_PARTS)[number];
export const TEMPLATE_PART_LABELS: Record<TemplatePart, string> = {
  title: '标题',
  addressee: '主送机关',
  body: '正文',
  listTitle: '附件名单标题',
  numberLine: '编号行',
  holder: '称谓行',
  validity: '有效期行',
  signer: '落款机关',
  dateLine: '落款日期',
};

/** Where a version came from. */
export const TEMPLATE_SOURCES = ['default', 'edited'] as const;
export type TemplateSource = (typeof TEMPLATE_SOURCES)[number];
export const TEMPLATE_SOURCE_LABELS: Record<TemplateSource, string> = { default: '默认文本', edited: '修改' };

/** Limits of the parts (characters). */
export const TEMPLATE_LIMITS: Record<TemplatePart, number> = {
  title: 120,
  addressee: 120,
  body: 6000,
  listTitle: 120,
  numberLine: 120,
  holder: 120,
  validity: 120,
  signer: 120,
  dateLine: 120,
};
