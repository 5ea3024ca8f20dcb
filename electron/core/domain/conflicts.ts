/**
 * 利益冲突 (conflict of interest) between an expert and an applicant. Pure.
 *
 * Matches: the same organisation (names normalised: NFKC so full-width letters, digits and brackets
 * become half-width; spaces removed; 有限责任公司 → 有限公司; 股份有限公司 kept distinct), the same USCC,
 * or a declared conflict naming the unit (equal after normalisation, or contained in the applicant's
 * name when it is at least 4 characters, e.g. “福州大学” for “福州大学科技园有限公司”) or its USCC.
 */
import { CONFLICT_REASON_LABELS, CONFLICT_REASON_UNKNOWN_LABEL, type ConflictReason } from '../contract/expert-review-labels.js';

export interface ConflictExpert {
  organisation: string;
  organisationUscc?: string | undefined;
  declaredConflicts: readonly string[];
}

export interface ConflictApplicant {
  name: string;
  uscc: string;
}

export function normaliseOrgName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/有限责任公司$/, '有限公司')
    .replace(/有限责任公司/g, '有限公司')
    .toLowerCase();
}

function normaliseCode(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

const USCC_LIKE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** One conflict: its kind (the screen words it from CONFLICT_REASON_LABELS) and the Chinese sentence for documents. */
export interface ConflictFinding {
  reason: ConflictReason;
  text: string;
}

/** Why the expert should not review the applicant, each with its kind; empty when there is no conflict. */
export function conflictFindings(expert: ConflictExpert, applicant: ConflictApplicant): ConflictFinding[] {
  const found: ConflictFinding[] = [];
  const appName = normaliseOrgName(applicant.name);
  const appUscc = normaliseCode(applicant.uscc);
  if (appName && normaliseOrgName(expert.organisation) === appName)
    found.push({ reason: 'sameOrganisation', text: `专家工作单位“${expert.organisation}”与申报单位为同一单位` });
  if (expert.organisationUscc && appUscc && normaliseCode(expert.organisationUscc) === appUscc)
    found.push({ reason: 'sameUscc', text: `专家工作单位的统一社会信用代码与申报单位相同（${appUscc}）` });
  for (const declared of expert.declaredConflicts) {
    const code = normaliseCode(declared);
    if (USCC_LIKE.test(code)) {
      if (code === appUscc) found.push({ reason: 'declared', text: `专家申报回避的单位代码 ${code} 即申报单位` });
      continue;
    }
    const d = normaliseOrgName(declared);
    if (!d) continue;
    if (d === appName) found.push({ reason: 'declared', text: `专家申报回避“${declared.trim()}”` });
    else if ([...d].length >= 4 && appName.includes(d))
      found.push({ reason: 'declared', text: `专家申报回避“${declared.trim()}”，与申报单位“${applicant.name}”相关` });
  }
  return found;
}

/** Reasons (Chinese sentences) why the expert should not review the applicant; empty when none. */
export function findConflicts(expert: ConflictExpert, applicant: ConflictApplicant): string[] {
  return conflictFindings(expert, applicant).map((f) => f.text);
}

/** The unit a declared-conflict sentence names (its quoted name, or the USCC it gives); undefined when none. */
export function declaredConflictUnit(sentence: string): string | undefined {
  return /“([^”]+)”/.exec(sentence)?.[1] ?? /单位代码 ([0-9A-Z]{18})/.exec(sentence)?.[1];
}

/**
 * The short tag of one conflict on screen: “回避：同单位”, “回避：同信用代码”, or for a conflict the expert
 * declared “回避：专家申报的利害关系（福州大学）”. `code` absent: a record made before reason codes.
 */
export function conflictTag(code: ConflictReason | undefined, sentence: string): string {
  if (!code) return CONFLICT_REASON_UNKNOWN_LABEL;
  if (code !== 'declared') return CONFLICT_REASON_LABELS[code];
  const unit = declaredConflictUnit(sentence);
  return unit ? `${CONFLICT_REASON_LABELS.declared}（${unit}）` : CONFLICT_REASON_LABELS.declared;
}
