/** What an exported file is, by its name: the lower-case extension without the dot ('pdf', 'xlsx', 'ofd', 'zip'…). */
export function exportFormat(fileName: string): string {
  return /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
}

/** Files the app shows itself: PDFs in the viewer, xlsx rosters as a table. */
export function canPreview(fileName: string): boolean {
  return ['pdf', 'xlsx'].includes(exportFormat(fileName));
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLabel(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
