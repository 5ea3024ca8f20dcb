/**
 * Which GB/T 9704-2012 kind each issued document uses and what its 版头/附注/版记 print, from the
 * settings (pure). Nothing here is hard-coded in a renderer: the PDF layout gets an `OfficialFormat`.
 */
import { DISCLOSURE_LABELS, type Disclosure, type DocumentKind, type IssuedDocumentType } from '../contract/document-labels.js';
import type { Settings } from '../contract/settings.js';

/**
 * Defaults: notices to the districts and decisions are 文件格式 (§7); letters to one applicant or one
 * expert are 信函格式 (§10.1); the 公示 is an announcement (no 主送).
 */
export const DEFAULT_DOCUMENT_KINDS: Record<IssuedDocumentType, DocumentKind> = {
  acceptanceNotice: 'letter',
  supplementNotice: 'letter',
  rejectionNotice: 'letter',
  reviewTaskLetter: 'letter',
  publicityNotice: 'announcement',
  designationNotice: 'file',
  assessmentNotice: 'file',
  reviewDecision: 'file',
};

/**
 * Default 公开方式 (the 附注): the bureau's decisions are published (主动公开); letters to one party print
 * none unless the bureau sets one.
 */
export const DEFAULT_DISCLOSURE: Record<IssuedDocumentType, Disclosure | null> = {
  acceptanceNotice: null,
  supplementNotice: null,
  rejectionNotice: null,
  reviewTaskLetter: null,
  publicityNotice: null,
  designationNotice: 'public',
  assessmentNotice: 'public',
  reviewDecision: 'public',
};

/** （此件主动公开） */
export const disclosureNote = (d: Disclosure): string => `（此件${DISCLOSURE_LABELS[d]}）`;

/** The 公开方式 of `type` as the settings say (its label, e.g. 主动公开), or '' when none is set. */
export function disclosureLabel(settings: Pick<Settings, 'documentFormats'>, type: IssuedDocumentType): string {
  const d = settings.documentFormats?.[type]?.disclosure ?? DEFAULT_DISCLOSURE[type];
  return d ? DISCLOSURE_LABELS[d] : '';
}

/** What the layout needs besides the wording: kind, 发文机关标志, 附注, 版记. */
export interface OfficialFormat {
  kind: DocumentKind;
  /** 发文机关标志: "福州市市场监督管理局文件" (文件格式) or the organ's name (信函格式). */
  mark: string;
  /** 附注, e.g. （此件主动公开）; absent: none printed. */
  note?: string;
  /** 版记: 抄送 (every kind with a 版记), 印发机关 and 印发日期 (文件格式 only). */
  colophon?: { copyTo: string[]; issuingOffice?: string; printedOn?: string };
}

/** The format of `type` as the settings say, for a document dated `issuedOn` (YYYY-MM-DD). */
export function officialFormat(
  settings: Pick<Settings, 'bureauName' | 'fileMark' | 'issuingOffice' | 'copyTo' | 'documentFormats'>,
  type: IssuedDocumentType,
  issuedOn: string,
): OfficialFormat {
  const own = settings.documentFormats?.[type];
  const kind = own?.kind ?? DEFAULT_DOCUMENT_KINDS[type];
  const disclosure = own?.disclosure ?? DEFAULT_DISCLOSURE[type];
  const bureau = settings.bureauName.trim();
  const copyTo = kind === 'file' ? [...(settings.copyTo ?? [])] : [];
  return {
    kind,
    mark: kind === 'file' ? settings.fileMark?.trim() || `${bureau}文件` : bureau,
    ...(disclosure && kind !== 'announcement' ? { note: disclosureNote(disclosure) } : {}),
    ...(kind === 'file'
      ? { colophon: { copyTo, issuingOffice: settings.issuingOffice?.trim() || `${bureau}办公室`, printedOn: issuedOn } }
      : copyTo.length > 0
        ? { colophon: { copyTo } }
        : {}),
  };
}
