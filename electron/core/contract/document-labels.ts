/**
 * The kinds of official document (GB/T 9704-2012) and the documents the desk issues, with their labels.
 * Zod-free: the screens import it by value. Which document uses which kind, and its 公开方式, are
 * settings the bureau can change (contract/settings.ts `documentFormats`; defaults in domain/document-kinds.ts).
 */

/** 文件格式 (§7), 信函格式 (§10.1), 公示/公告 (title, body, signature and date; no 主送). */
export const DOCUMENT_KINDS = ['file', 'letter', 'announcement'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  file: '文件格式',
  letter: '信函格式',
  announcement: '公示公告格式',
};

/** 公开方式, printed as the 附注 (GB/T 9704 §7.3.7). */
export const DISCLOSURES = ['public', 'onRequest', 'none'] as const;
export type Disclosure = (typeof DISCLOSURES)[number];
export const DISCLOSURE_LABELS: Record<Disclosure, string> = {
  public: '主动公开',
  onRequest: '依申请公开',
  none: '不予公开',
};

/** Every document the desk issues with the bureau's name on it as an official document. */
export const ISSUED_DOCUMENT_TYPES = [
  'acceptanceNotice',
  'supplementNotice',
  'rejectionNotice',
  'reviewTaskLetter',
  'publicityNotice',
  'designationNotice',
  'assessmentNotice',
  'reviewDecision',
] as const;
export type IssuedDocumentType = (typeof ISSUED_DOCUMENT_TYPES)[number];
export const ISSUED_DOCUMENT_LABELS: Record<IssuedDocumentType, string> = {
  acceptanceNotice: '受理通知书',
  supplementNotice: '补正通知书',
  rejectionNotice: '不予受理通知书',
  reviewTaskLetter: '评审任务通知单',
  publicityNotice: '拟认定名单公示',
  designationNotice: '认定通知',
  assessmentNotice: '中期考核结果通知',
  reviewDecision: '复核决定',
};
