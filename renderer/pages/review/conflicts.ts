/** A short tag text for a conflict reason sentence from the API (the full sentence goes in the tooltip). */
export function conflictTag(reason: string): string {
  if (reason.includes('同一单位')) return '回避：同单位';
  if (reason.includes('信用代码')) return '回避：同信用代码';
  if (reason.includes('申报回避')) return '回避：本人申报';
  return '回避：利益冲突';
}
