/**
 * 中心名称不得重复: a name (or plaque inscription) already borne by an active or rectifying center cannot be
 * published or designated again, nor can two entries of one list bear the same name. Pure.
 *
 * Names compare after NFKC (full-width letters, digits and brackets become half-width) with every space
 * removed, so “福州市 纺织化纤产业…” and “福州市纺织化纤产业…” are the same name.
 */
import { DeskError } from '../contract/errors.js';
import type { Center } from '../contract/designation.js';
import { CENTER_STATUS_LABELS } from '../contract/designation-labels.js';

export function normaliseCenterName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

/** One entry about to be published or designated. */
export interface NameCandidate {
  applicationId: string;
  /** The center's name (its plaque inscription is the same text). */
  name: string;
}

export interface NameClash {
  applicationId: string;
  name: string;
  /** The center already bearing the name (absent when the clash is inside the list). */
  existing?: { id: string; name: string; certificateNumber: string; status: Center['status'] };
  /** The other application of the list with the same name. */
  sameAs?: string;
}

/**
 * Entries whose name equals the name or plaque inscription of an active or rectifying center (revoked ones no
 * longer hold their name), or the name of an earlier entry of the same list.
 */
export function centerNameClashes(
  candidates: readonly NameCandidate[],
  centers: readonly Pick<Center, 'id' | 'name' | 'certificateNumber' | 'status' | 'plaque'>[],
): NameClash[] {
  const holders = new Map<string, (typeof centers)[number]>();
  for (const c of centers) {
    if (c.status === 'revoked') continue;
    for (const n of [c.name, c.plaque.inscription]) {
      const key = normaliseCenterName(n);
      if (key && !holders.has(key)) holders.set(key, c);
    }
  }
  const seen = new Map<string, string>();
  const out: NameClash[] = [];
  for (const cand of candidates) {
    const key = normaliseCenterName(cand.name);
    const holder = holders.get(key);
    if (holder) {
      out.push({
        applicationId: cand.applicationId,
        name: cand.name,
        existing: { id: holder.id, name: holder.name, certificateNumber: holder.certificateNumber, status: holder.status },
      });
    } else if (seen.has(key)) {
      out.push({ applicationId: cand.applicationId, name: cand.name, sameAs: seen.get(key)! });
    }
    if (!seen.has(key)) seen.set(key, cand.applicationId);
  }
  return out;
}

/** One sentence per clash, naming the center in use (name, certificate number, status). */
export function nameClashText(clash: NameClash): string {
  if (clash.existing) {
    const e = clash.existing;
    return `申报 ${clash.applicationId} 的中心名称“${clash.name}”已被在册中心使用：${e.name}（证书编号${e.certificateNumber}，${CENTER_STATUS_LABELS[e.status]}）`;
  }
  return `申报 ${clash.applicationId} 的中心名称“${clash.name}”与本名单中的申报 ${clash.sameAs!} 相同`;
}

/** CONFLICT naming every clash; `step` is 公示 or 认定. */
export function assertCenterNamesFree(
  step: '公示' | '认定',
  candidates: readonly NameCandidate[],
  centers: Parameters<typeof centerNameClashes>[1],
): void {
  const clashes = centerNameClashes(candidates, centers);
  if (clashes.length === 0) return;
  throw new DeskError(
    'CONFLICT',
    `中心名称重复，不能${step}：${clashes.map(nameClashText).join('；')}。同一名称（含牌匾文字）只能由一个有效或整改中的中心使用，请与申报单位核实并修改拟建中心名称后再${step}。`,
    { clashes },
  );
}
