/**
 * 打印范围: the pages a clerk asks for, as typed in the print box — empty for all, or numbers and ranges
 * separated by commas (“1-3,5”, “１－３，５”, “7-”). Pages are 1-based, returned in the order the document has
 * them, each once. A wrong entry gives a Chinese message naming what is wrong.
 */
export type PageRange = { pages: number[] } | { error: string };

export function parsePageRange(text: string, total: number): PageRange {
  const all = Array.from({ length: total }, (_, i) => i + 1);
  // full-width digits and punctuation as typed with a Chinese input method
  const t = text
    .normalize('NFKC')
    .replace(/[～~—–－]/g, '-')
    .replace(/[，、；;\s]+/g, ',')
    .replace(/^,+|,+$/g, '');
  if (!t) return { pages: all };
  const wanted = new Set<number>();
  for (const part of t.split(',')) {
    const m = /^(\d+)?(?:(-)(\d+)?)?$/.exec(part);
    if (!m || (!m[1] && !m[3])) return { error: `打印范围“${part}”无法识别，请写页码或页码范围，如 1-3,5` };
    const from = m[1] ? Number(m[1]) : 1;
    const to = m[2] ? (m[3] ? Number(m[3]) : total) : from;
    if (from < 1 || to < 1) return { error: `打印范围“${part}”：页码从 1 开始` };
    if (from > total || to > total) return { error: `打印范围“${part}”超出文件页数（共 ${total} 页）` };
    if (from > to) return { error: `打印范围“${part}”：起始页大于结束页` };
    for (let p = from; p <= to; p++) wanted.add(p);
  }
  return { pages: all.filter((p) => wanted.has(p)) };
}
