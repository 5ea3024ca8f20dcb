/**
 * What the 四性检测 needs to know about one archived file, from its bytes: its format, page count (PDF),
 * whether it opens (可用性), its PDF/A markers, and any executable content (安全性). Used at seal and by the verifier.
 *
 * PDFs are read structurally, without a renderer (pdf.js is a dev dependency, not shipped): the header, the
 * `startxref` offset pointing at an xref table or stream, every xref-table offset pointing at its object,
 * and the page tree's /Count reached from the trailer's /Root (objects in compressed object streams are
 * inflated). xlsx files are opened with exceljs; Office files carrying a VBA project are flagged.
 */
import { inflateSync } from 'node:zlib';
import path from 'node:path';
import { openZip } from '../base/zip-read.js';
import { nodeRequire } from '../base/node-require.js';

export interface Inspection {
  /** PDF, XLSX, JSON, TXT, … (upper-case extension for formats not checked further). */
  format: string;
  /** Pages of a PDF (null: not a PDF, or unreadable). */
  pages: number | null;
  /** `PDF/A-2B` when the XMP names part and conformance (null: none). */
  pdfa: string | null;
  /** Why the file does not open (null: it does, or its format is not checked). */
  unusable: string | null;
  /** Whether the format was checked at all. */
  checked: boolean;
  /** Executable or active content found (安全性). */
  executable: string[];
}

const latin1 = (b: Buffer): string => b.toString('latin1');

interface PdfObjects {
  objects: Map<number, string>;
  /** Dictionaries of trailers and xref streams, in file order. */
  trailers: string[];
  text: string;
}

function objectsOf(buf: Buffer): PdfObjects {
  const text = latin1(buf);
  const objects = new Map<number, string>();
  const trailers: string[] = [];
  const streams: { dict: string; start: number }[] = [];
  const re = /(\d+)\s+(\d+)\s+obj\b/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    const streamAt = text.indexOf('stream', start);
    const stop = end < 0 ? text.length : streamAt >= 0 && streamAt < end ? streamAt : end;
    const body = text.slice(start, stop);
    objects.set(Number(m[1]), body);
    if (/\/Type\s*\/XRef\b/.test(body)) trailers.push(body);
    if (/\/Type\s*\/ObjStm\b/.test(body) && streamAt >= 0 && streamAt < (end < 0 ? text.length : end))
      streams.push({ dict: body, start: streamAt });
    if (end > 0) re.lastIndex = end;
  }
  for (const t of text.matchAll(/trailer\s*(<<[\s\S]*?>>)\s*startxref/g)) trailers.push(t[1]!);
  for (const s of streams) {
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(s.dict);
    let from = s.start + 'stream'.length;
    if (text[from] === '\r') from++;
    if (text[from] === '\n') from++;
    const to = length ? from + Number(length[1]) : text.indexOf('endstream', from);
    let data = buf.subarray(from, to);
    try {
      if (/\/FlateDecode/.test(s.dict)) data = inflateSync(data);
    } catch {
      continue;
    }
    const first = Number(/\/First\s+(\d+)/.exec(s.dict)?.[1] ?? 'NaN');
    const n = Number(/\/N\s+(\d+)/.exec(s.dict)?.[1] ?? 'NaN');
    if (!Number.isFinite(first) || !Number.isFinite(n)) continue;
    const inner = latin1(data);
    const head = inner.slice(0, first).trim().split(/\s+/).map(Number);
    for (let i = 0; i < n; i++) {
      const num = head[2 * i]!;
      const off = first + head[2 * i + 1]!;
      const next = i + 1 < n ? first + head[2 * i + 3]! : inner.length;
      if (!objects.has(num)) objects.set(num, inner.slice(off, next));
    }
  }
  return { objects, trailers, text };
}

const ref = (dict: string, key: string): number | null => {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+\\d+\\s+R`).exec(dict);
  return m ? Number(m[1]) : null;
};

/** PDF names may hide letters as #xx escapes (/J#61vaScript). */
const decodeNames = (s: string): string => s.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

const PDF_ACTIVE: [RegExp, string][] = [
  [/\/S\s*\/JavaScript\b|\/JavaScript\s/, 'JavaScript 脚本'],
  [/\/JS\s*[(<]|\/JS\s+\d+\s+\d+\s+R/, 'JavaScript 脚本'],
  [/\/S\s*\/Launch\b|\/Launch\s*<</, '启动外部程序（Launch）动作'],
  [/\/RichMedia\b/, '富媒体（RichMedia）内容'],
  [/\/EmbeddedFile\b/, '嵌入文件'],
];

export function inspectPdf(buf: Buffer): Omit<Inspection, 'format' | 'checked'> {
  const out = { pages: null as number | null, pdfa: null as string | null, unusable: null as string | null, executable: [] as string[] };
  const head = latin1(buf.subarray(0, 1024));
  if (!/%PDF-[12]\.\d/.test(head)) return { ...out, unusable: '不是PDF文件（缺少 %PDF- 文件头）' };
  const tail = latin1(buf.subarray(Math.max(0, buf.length - 2048)));
  const sx = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!sx) return { ...out, unusable: 'PDF文件不完整（文件尾缺少 startxref 和 %%EOF，可能被截断）' };
  const at = Number(sx[1]);
  const xrefHead = latin1(buf.subarray(at, at + 64));
  const { objects, trailers, text } = objectsOf(buf);
  if (xrefHead.startsWith('xref')) {
    // Every in-use entry of the last xref section must point at its object.
    const table = /^xref\s+((?:\d+\s+\d+\s+(?:\d{10}\s\d{5}\s[nf]\s*)+)+)/.exec(
      latin1(buf.subarray(at, Math.min(buf.length, at + 20 * 200000))),
    );
    if (!table) return { ...out, unusable: 'PDF交叉引用表（xref）无法读取' };
    const lines = table[1]!.trim().split(/\r?\n|\r/);
    let num = 0;
    for (const line of lines) {
      const sub = /^(\d+)\s+(\d+)$/.exec(line.trim());
      if (sub) {
        num = Number(sub[1]);
        continue;
      }
      const e = /^(\d{10})\s(\d{5})\s([nf])/.exec(line.trim());
      if (!e) continue;
      if (e[3] === 'n') {
        const off = Number(e[1]);
        if (!new RegExp(`^${num}\\s+\\d+\\s+obj\\b`).test(latin1(buf.subarray(off, off + 32))))
          return { ...out, unusable: `PDF交叉引用表指向的对象 ${num} 不在记录的位置（文件被改动或损坏）` };
      }
      num++;
    }
  } else if (!/^\d+\s+\d+\s+obj\b/.test(xrefHead)) {
    return { ...out, unusable: 'PDF交叉引用位置（startxref）不指向交叉引用表或流（文件被改动或损坏）' };
  }
  const trailer = trailers.at(-1) ?? '';
  if (/\/Encrypt\b/.test(trailer)) return { ...out, unusable: 'PDF已加密，长期保存时可能无法打开' };
  const root = ref(trailer, 'Root');
  const catalog = root === null ? undefined : objects.get(root);
  const pagesRef = catalog ? ref(catalog, 'Pages') : null;
  const pagesObj = pagesRef === null ? undefined : objects.get(pagesRef);
  const count = pagesObj ? /\/Count\s+(\d+)/.exec(pagesObj) : null;
  if (!count) return { ...out, unusable: 'PDF的页面树无法读取（找不到文档目录或页数）' };
  out.pages = Number(count[1]);
  const xmp = /<pdfaid:part>\s*(\d)\s*<\/pdfaid:part>[\s\S]*?<pdfaid:conformance>\s*([ABUabu])\s*<\/pdfaid:conformance>/.exec(text);
  const xmpAttr = /pdfaid:part="(\d)"[\s\S]*?pdfaid:conformance="([ABUabu])"/.exec(text);
  const pdfa = xmp ?? xmpAttr;
  if (pdfa) out.pdfa = `PDF/A-${pdfa[1]}${pdfa[2]!.toUpperCase()}`;
  const scanned = decodeNames([...objects.values()].join('\n') + trailer);
  for (const [re, label] of PDF_ACTIVE) if (re.test(scanned) && !out.executable.includes(label)) out.executable.push(label);
  return out;
}

async function officeZip(buf: Buffer): Promise<{ names: string[] } | { error: string }> {
  try {
    const zip = await openZip(buf);
    const names = [...zip.entries.keys()];
    zip.close();
    return { names };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

const MACRO = (names: string[]): string[] => (names.some((n) => /vbaProject\.bin$/i.test(n)) ? ['宏（VBA）'] : []);

export async function inspectFile(entryPath: string, data: Buffer): Promise<Inspection> {
  const ext = path.posix.extname(entryPath).slice(1).toLowerCase();
  const base = { pages: null, pdfa: null, unusable: null, executable: [] as string[] };
  if (ext === 'pdf') return { format: 'PDF', checked: true, ...inspectPdf(data) };
  if (ext === 'xlsx' || ext === 'xlsm' || ext === 'docx' || ext === 'pptx') {
    const zip = await officeZip(data);
    if ('error' in zip) return { ...base, format: ext.toUpperCase(), checked: true, unusable: `无法作为Office文件打开（${zip.error}）` };
    const executable = MACRO(zip.names);
    if (ext !== 'xlsx' && ext !== 'xlsm') return { ...base, format: ext.toUpperCase(), checked: true, executable };
    try {
      // Loaded when first needed, so the digest workers start without it (most entries are not xlsx).
      const ExcelJS = nodeRequire()('exceljs') as typeof import('exceljs');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(data as unknown as ArrayBuffer);
      if (wb.worksheets.length === 0) return { ...base, format: 'XLSX', checked: true, unusable: '工作簿中没有工作表', executable };
      return { ...base, format: 'XLSX', checked: true, executable };
    } catch (err) {
      return { ...base, format: 'XLSX', checked: true, unusable: `Excel无法打开（${(err as Error).message}）`, executable };
    }
  }
  if (ext === 'json') {
    try {
      JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data));
      return { ...base, format: 'JSON', checked: true };
    } catch {
      return { ...base, format: 'JSON', checked: true, unusable: '不是有效的JSON（UTF-8）' };
    }
  }
  if (ext === 'txt' || ext === 'csv') {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(data);
      return { ...base, format: ext.toUpperCase(), checked: true };
    } catch {
      return { ...base, format: ext.toUpperCase(), checked: true, unusable: '不是有效的UTF-8文本' };
    }
  }
  if (ext === 'jpg' || ext === 'jpeg')
    return { ...base, format: 'JPEG', checked: true, unusable: data[0] === 0xff && data[1] === 0xd8 ? null : '不是有效的JPEG图片' };
  if (ext === 'png')
    return {
      ...base,
      format: 'PNG',
      checked: true,
      unusable: data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) ? null : '不是有效的PNG图片',
    };
  return { ...base, format: ext ? ext.toUpperCase() : '无扩展名', checked: false };
}

const EXECUTABLE_EXT = /\.(exe|com|bat|cmd|scr|pif|msi|dll|js|jse|vbs|vbe|wsf|wsh|hta|ps1|psm1|jar|sh|lnk|reg|cpl|xlsm|docm|pptm)$/i;
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;

/** Why an entry's name is unsafe for a records office's systems (null: safe). */
export function unsafeName(entryPath: string): string | null {
  if (/[\u0000-\u001f\u007f]/.test(entryPath)) return '文件名含控制字符';
  if (entryPath.startsWith('/') || entryPath.includes('\\') || /^[A-Za-z]:/.test(entryPath)) return '文件名含绝对路径或反斜杠';
  const parts = entryPath.split('/');
  if (parts.some((p) => p === '..' || p === '.' || p === '')) return '文件名含“..”等相对路径';
  if (parts.some((p) => RESERVED.test(p))) return '文件名为Windows保留名称';
  if (parts.some((p) => /[. ]$/.test(p))) return '文件名以点或空格结尾';
  if (/[<>:"|?*]/.test(entryPath)) return '文件名含Windows不允许的字符';
  if (EXECUTABLE_EXT.test(entryPath)) return '可执行文件或含宏的文件类型';
  return null;
}
