/**
 * Pure page planning of ruled tables: which rows go on which page, the header repeated on each. A row
 * never stands alone on a page (DOMAIN "Forms and tables"): a table does not start with one row at the foot
 * of a page, and its last page never holds one row while the page before gives one up.
 */

export interface RowPlanInput {
  /** Height of each body row, in points. */
  rows: readonly number[];
  /** Height of the header row repeated at the top of each page (0: none). */
  header: number;
  /** Room left on the page where the table starts, in points. */
  firstRoom: number;
  /** Room on a fresh page. */
  fullRoom: number;
  /** Height that must follow the last row on its page (notes, a date line), kept with at least two rows. */
  tail?: number;
}

/**
 * Rows per page (indices), first page first. The first entry is empty when the table must start on a
 * fresh page. A row taller than a page gets a page of its own.
 */
export function planRows(input: RowPlanInput): number[][] {
  const { rows, header, fullRoom } = input;
  const n = rows.length;
  const tail = input.tail ?? 0;
  const pages: number[][] = [[]];
  let room = input.firstRoom - header;
  const fresh = (): void => {
    pages.push([]);
    room = fullRoom - header;
  };
  for (let i = 0; i < n; i++) {
    const h = rows[i]!;
    const cur = pages[pages.length - 1]!;
    // The first rows of the table: header plus two rows (or the whole table) must fit, else start fresh.
    if (pages.length === 1 && cur.length === 0) {
      const need = rows.slice(0, Math.min(2, n)).reduce((a, b) => a + b, 0) + (n <= 2 ? tail : 0);
      if (need > room + 1e-6 && input.firstRoom < fullRoom - 1e-6) fresh();
    }
    const page = pages[pages.length - 1]!;
    if (h > room + 1e-6 && page.length > 0) fresh();
    pages[pages.length - 1]!.push(i);
    room -= h;
  }
  // The tail must fit after the last row; else carry rows down so it goes with at least two of them.
  if (tail > 0 && room < tail - 1e-6) {
    fresh();
  }
  // Last page: never one row alone (nor the tail with no row) when the page before can give rows.
  const lastRows = (): number[] => pages[pages.length - 1]!;
  const before = (): number[] | undefined => pages[pages.length - 2];
  const height = (idx: readonly number[]): number => idx.reduce((s, i) => s + rows[i]!, 0);
  let guard = 0;
  const canGive = (): boolean => {
    const b = before();
    // A middle page keeps at least two rows; the first page may give all of them (the table then starts fresh).
    return !!b && b.length > 0 && (b.length > 2 || pages.length === 2);
  };
  while (canGive() && lastRows().length < Math.min(2, n) && guard++ < n) {
    const moved = before()!.pop()!;
    if (height([moved, ...lastRows()]) + tail > fullRoom - header + 1e-6) {
      before()!.push(moved);
      break;
    }
    lastRows().unshift(moved);
  }
  return pages;
}
