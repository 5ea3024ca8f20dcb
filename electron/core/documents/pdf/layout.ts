/**
 * Pure line breaking of Chinese text onto a fixed character grid, with kinsoku (禁则):
 * closing punctuation never starts a line, opening punctuation never ends one, and runs of
 * Latin letters/digits stay together. Widths are in grid cells: a CJK character is 1 cell.
 */

/** May not begin a line. */
export const NO_LINE_START = new Set([...'。，、；：？！）》」』”’】〕〉…—·.,;:?!)]}%']);
/** May not end a line. */
export const NO_LINE_END = new Set([...'（《「『“‘【〔〈([{']);

const LATIN_RUN = /^[A-Za-z0-9@#$&*_+=<>^~\\/|'"`.,:;!?%()[\]{}-]$/;
const isLatin = (ch: string): boolean => LATIN_RUN.test(ch);

export interface BreakOptions {
  /** Cells on a full line (default 28). */
  charsPerLine?: number;
  /** Cells left empty at the start of the first line (default 0; body paragraphs use 2). */
  firstLineIndent?: number;
  /** Width of a half-width run in cells; default 0.5 per character. */
  measureLatin?: (run: string) => number;
}

export interface Token {
  text: string;
  width: number;
}

/** Splits text into unbreakable tokens: single CJK characters, whole Latin words or numbers. */
export function tokenize(text: string, measureLatin: (run: string) => number = (s) => s.length * 0.5): Token[] {
  const tokens: Token[] = [];
  const chars = [...text.replace(/\r\n?/g, '\n')];
  for (let i = 0; i < chars.length;) {
    const ch = chars[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\n') {
      // A space is printed as typed (one per run), as the xlsx rosters print it: the text was normalised at
      // entry (contract/text.ts), so a space left between two characters is meant. Line ends drop it.
      while (i < chars.length && (chars[i] === ' ' || chars[i] === '\t' || chars[i] === '\n')) i++;
      if (tokens.length > 0 && i < chars.length) tokens.push({ text: ' ', width: measureLatin(' ') });
      continue;
    }
    if (isLatin(ch)) {
      let j = i;
      while (j < chars.length && isLatin(chars[j]!)) j++;
      const run = chars.slice(i, j).join('');
      tokens.push({ text: run, width: measureLatin(run) });
      i = j;
      continue;
    }
    tokens.push({ text: ch, width: 1 });
    i++;
  }
  return tokens;
}

const firstChar = (t: Token): string => [...t.text][0] ?? '';
const lastChar = (t: Token): string => [...t.text].pop() ?? '';

/** Splits an over-long Latin token into pieces that each fit `cap` cells. */
function splitLong(token: Token, cap: number, measure: (s: string) => number): Token[] {
  const out: Token[] = [];
  let cur = '';
  for (const ch of token.text) {
    if (cur && measure(cur + ch) > cap) {
      out.push({ text: cur, width: measure(cur) });
      cur = '';
    }
    cur += ch;
  }
  if (cur) out.push({ text: cur, width: measure(cur) });
  return out;
}

const URL_BREAK_AFTER = new Set([...'./@:_-']);

/**
 * An e-mail address, URL or phone number that does not fit would leave a badly stretched line:
 * split it after . / @ : _ - so its head fills the room left (at least 3 cells). Plain words are
 * never split. Returns true when tokens[at] was split in place.
 */
function splitUrlLike(tokens: Token[], at: number, room: number, measure: (s: string) => number): boolean {
  const t = tokens[at]!;
  if (room < 3 || t.width <= 6 || ![...t.text].some((c) => URL_BREAK_AFTER.has(c))) return false;
  const chars = [...t.text];
  let cut = -1;
  for (let i = 1; i < chars.length; i++) {
    if (URL_BREAK_AFTER.has(chars[i - 1]!) && measure(chars.slice(0, i).join('')) <= room + 1e-6) cut = i;
  }
  if (cut < 0) return false;
  const head = chars.slice(0, cut).join('');
  const tail = chars.slice(cut).join('');
  tokens.splice(at, 1, { text: head, width: measure(head) }, { text: tail, width: measure(tail) });
  return true;
}

/** Breaks one paragraph (no newlines) into lines of tokens. */
export function breakTokens(text: string, opts: BreakOptions = {}): Token[][] {
  const cpl = opts.charsPerLine ?? 28;
  const measure = opts.measureLatin ?? ((s: string) => [...s].length * 0.5);
  const raw = tokenize(text, measure);
  const tokens = raw.flatMap((t) => (t.width > cpl ? splitLong(t, cpl, measure) : [t]));
  const lines: Token[][] = [];
  let start = 0;
  const eps = 1e-6;
  while (start < tokens.length) {
    const cap = lines.length === 0 ? cpl - (opts.firstLineIndent ?? 0) : cpl;
    let end = start;
    let used = 0;
    while (end < tokens.length && used + tokens[end]!.width <= cap + eps) used += tokens[end++]!.width;
    if (end === start)
      end = start + 1; // a token wider than the line: place it anyway
    else if (end < tokens.length && splitUrlLike(tokens, end, cap - used, measure)) end++;
    if (end < tokens.length) {
      // Kinsoku: push characters to the next line (推出) until both ends are legal.
      let k = end;
      while (k > start + 1 && (NO_LINE_START.has(firstChar(tokens[k]!)) || NO_LINE_END.has(lastChar(tokens[k - 1]!)))) k--;
      if (k > start + 1 || !(NO_LINE_START.has(firstChar(tokens[k]!)) || NO_LINE_END.has(lastChar(tokens[k - 1]!)))) end = k;
    }
    // A space never starts or ends a line.
    const line = tokens.slice(start, end);
    while (line.length > 1 && line[line.length - 1]!.text === ' ') line.pop();
    lines.push(line);
    start = end;
    while (start < tokens.length && tokens[start]!.text === ' ') start++;
  }
  return lines;
}

/** Breaks text into lines (each newline starts a new paragraph; the indent applies to each). */
export function breakLines(text: string, opts: BreakOptions = {}): string[] {
  const out: string[] = [];
  for (const para of text.split(/\r\n?|\n/)) {
    const lines = breakTokens(para, opts);
    if (lines.length === 0) out.push('');
    for (const l of lines) out.push(l.map((t) => t.text).join(''));
  }
  return out;
}

/** Width in cells of a line of text, as the breaker counts it. */
export function lineWidth(line: string, measureLatin?: (run: string) => number): number {
  return tokenize(line, measureLatin).reduce((sum, t) => sum + t.width, 0);
}

/**
 * Words a title line may not be broken inside (GB/T 9704 7.3.3: 回行时，要做到词意完整，排列对称).
 * Longer entries first does not matter: a break is bad when it falls strictly inside any of them.
 */
const TITLE_WORDS = [
  '福州市',
  '市场监督管理局',
  '知识产权',
  '协同保护',
  '保护与运营',
  '运营中心',
  '中心',
  '产业',
  '通知',
  '决定',
  '公示',
  '名单',
  '考核',
  '结果',
  '复核',
  '整改',
  '撤销',
  '认定',
  '年度',
  '中期',
  '工作',
  '总结',
  '汇总表',
  '申报',
  '批次',
  '评审',
  '专家',
  '证书',
  '牌匾',
  '确认单',
  '一览表',
  '受理',
  '补正',
  '维权援助',
];

/**
 * Breaks a centred title into the fewest lines that fit `cells`, as even in length as possible, never
 * inside a word of TITLE_WORDS when another break fits, and never against kinsoku.
 */
export function titleLines(text: string, cells: number, measureLatin?: (run: string) => number): string[] {
  const tokens = tokenize(text, measureLatin);
  const total = tokens.reduce((s, t) => s + t.width, 0);
  if (total <= cells + 1e-6 || tokens.length < 2) return breakLines(text, { charsPerLine: cells, measureLatin });
  const n = Math.ceil(total / cells - 1e-6);
  const target = total / n;
  // Character offset of each token boundary, to test breaks against the protected words.
  const offsets: number[] = [0];
  for (const t of tokens) offsets.push(offsets[offsets.length - 1]! + t.text.length);
  const inside = new Set<number>();
  for (const w of TITLE_WORDS) {
    for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) for (let k = at + 1; k < at + w.length; k++) inside.add(k);
  }
  const breakPenalty = (j: number): number => {
    const prev = tokens[j - 1]!;
    const next = tokens[j]!;
    if (NO_LINE_START.has(firstChar(next)) || NO_LINE_END.has(lastChar(prev))) return Infinity;
    return inside.has(offsets[j]!) ? 40 : 0;
  };
  const widthOf = (a: number, b: number): number => tokens.slice(a, b).reduce((s, t) => s + t.width, 0);
  const T = tokens.length;
  // best[k][j]: cost of setting tokens [0, j) on k lines; from[k][j]: where the k-th line starts.
  const best = Array.from({ length: n + 1 }, () => new Array<number>(T + 1).fill(Infinity));
  const from = Array.from({ length: n + 1 }, () => new Array<number>(T + 1).fill(-1));
  best[0]![0] = 0;
  for (let k = 1; k <= n; k++) {
    for (let j = 1; j <= T; j++) {
      for (let i = k - 1; i < j; i++) {
        if (best[k - 1]![i] === Infinity) continue;
        const w = widthOf(i, j);
        if (w > cells + 1e-6) continue;
        const cost = best[k - 1]![i]! + (w - target) ** 2 + (j < T ? breakPenalty(j) : 0);
        if (cost < best[k]![j]!) {
          best[k]![j] = cost;
          from[k]![j] = i;
        }
      }
    }
  }
  if (best[n]![T] === Infinity) return breakLines(text, { charsPerLine: cells, measureLatin });
  const lines: string[] = [];
  for (let k = n, j = T; k > 0; j = from[k]![j]!, k--)
    lines.unshift(
      tokens
        .slice(from[k]![j]!, j)
        .map((t) => t.text)
        .join(''),
    );
  return lines;
}
