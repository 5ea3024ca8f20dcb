/**
 * Pure line breaking of Chinese text onto a fixed character grid, with kinsoku (禁则):
 * closing punctuation never starts a line, opening punctuation never ends one, and runs of
 * Latin letters/digits stay together. Widths are in grid cells: a CJK character is 1 cell.
 *
 * Lines break only between words (GB/T 9704 7.3.3 for titles: 回行时要做到词意完整; the same rule for
 * every line here): word boundaries come from `Intl.Segmenter('zh', { granularity: 'word' })` (Node
 * and Chromium), a few domain words are never split (PROTECTED_WORDS), and a boundary next to a
 * one-character word ("新|材料", "办公|室") is a weak break, taken only when no good break is near.
 * A number or identifier (FZIPC-2026-003, 0591-87654321) is one token and never split.
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
  /**
   * May the line break before this token? 0 never (inside a word), 1 weak (next to a one-character
   * word), 2 good (between words; the default when absent).
   */
  brk?: 0 | 1 | 2;
}

/** Justified lines never open their gaps wider than this share of a cell; a line that would is set flush left. */
export const MAX_JUSTIFY_STRETCH = 0.25;

/** Extra space per gap to justify `natural` to `width` over `gaps` gaps, or 0 when that would pass the limit. */
export function justifyGap(natural: number, width: number, gaps: number, cell: number): number {
  if (gaps < 1 || width <= natural) return 0;
  const extra = (width - natural) / gaps;
  return extra <= MAX_JUSTIFY_STRETCH * cell + 1e-9 ? extra : 0;
}

/** Words never broken across lines (the segmenter splits them: 知识|产权). */
export const PROTECTED_WORDS = ['知识产权', '保护与运营', '市场监督管理局', '新材料', '办公室', '整改', '工作日'];

const HAN = /^\p{Script=Han}+$/u;
let segmenter: Intl.Segmenter | null | undefined;
function wordSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  return segmenter;
}

/**
 * Pure: the break class at each UTF-16 offset of `text` that starts a word (absent offsets lie inside a
 * word). Offsets inside a protected word are 0.
 */
export function wordBreaks(text: string, protectedWords: readonly string[] = PROTECTED_WORDS): Map<number, 0 | 1 | 2> {
  const out = new Map<number, 0 | 1 | 2>();
  const seg = wordSegmenter();
  if (!seg) {
    for (let i = 0; i < text.length; i++) out.set(i, 2);
    return out;
  }
  const parts = [...seg.segment(text)];
  for (let k = 1; k < parts.length; k++) {
    const prev = parts[k - 1]!.segment;
    const next = parts[k]!.segment;
    const single = (w: string): boolean => [...w].length === 1;
    out.set(parts[k]!.index, HAN.test(prev) && HAN.test(next) && (single(prev) || single(next)) ? 1 : 2);
  }
  for (const w of protectedWords) {
    for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) for (let k = at + 1; k < at + w.length; k++) out.set(k, 0);
  }
  return out;
}

/** Splits text into unbreakable tokens: single CJK characters, whole Latin words or numbers. */
export function tokenize(text: string, measureLatin: (run: string) => number = (s) => s.length * 0.5): Token[] {
  const tokens: Token[] = [];
  const clean = text.replace(/\r\n?/g, '\n');
  const chars = [...clean];
  const breaks = wordBreaks(clean);
  // UTF-16 offset of each character (the segmenter counts code units).
  const offsets: number[] = [];
  for (let i = 0, o = 0; i < chars.length; o += chars[i]!.length, i++) offsets.push(o);
  const push = (t: Token, at: number): void => {
    const prev = tokens[tokens.length - 1];
    // After a space, or for a space, breaking is always fine; elsewhere the segmenter decides.
    const brk = !prev || prev.text === ' ' || t.text === ' ' ? 2 : (breaks.get(offsets[at]!) ?? 0);
    tokens.push(brk === 2 ? t : { ...t, brk });
  };
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
      push({ text: run, width: measureLatin(run) }, i);
      i = j;
      continue;
    }
    push({ text: ch, width: 1 }, i);
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
 * An e-mail address or URL that does not fit would leave a badly stretched line: split it after
 * . / @ : _ - so its head fills the room left (at least 3 cells). Plain words, numbers and identifiers
 * (FZIPC-2026-003, 0591-87654321, 榕市监知〔2026〕3号) are never split. Returns true when tokens[at]
 * was split in place.
 */
function splitUrlLike(tokens: Token[], at: number, room: number, measure: (s: string) => number): boolean {
  const t = tokens[at]!;
  if (room < 3 || t.width <= 6 || !/[@/]/.test(t.text)) return false;
  const chars = [...t.text];
  let cut = -1;
  for (let i = 1; i < chars.length; i++) {
    if (URL_BREAK_AFTER.has(chars[i - 1]!) && measure(chars.slice(0, i).join('')) <= room + 1e-6) cut = i;
  }
  if (cut < 0) return false;
  const head = chars.slice(0, cut).join('');
  const tail = chars.slice(cut).join('');
  tokens.splice(at, 1, { ...t, text: head, width: measure(head) }, { text: tail, width: measure(tail) });
  return true;
}

const kinsokuOk = (tokens: Token[], k: number): boolean =>
  !NO_LINE_START.has(firstChar(tokens[k]!)) && !NO_LINE_END.has(lastChar(tokens[k - 1]!));

/** Cells a good break may give back before a weak break at the line's end is preferred. */
const WEAK_LOOKBACK = 2;

/**
 * Where the line [start, end) should really end: the last legal break at or before `end` (kinsoku and
 * words), preferring a good break within WEAK_LOOKBACK cells over a weak one. When the line holds no
 * legal break at all (one very long word), kinsoku alone decides (推出), as before.
 */
function chooseBreak(tokens: Token[], start: number, end: number): number {
  let weak = -1;
  let back = 0;
  for (let k = end; k > start; k--) {
    if (k < end) back += tokens[k]!.width;
    const cls = tokens[k]!.brk ?? 2;
    if (cls === 0 || !kinsokuOk(tokens, k)) continue;
    if (cls === 2) return weak < 0 || back <= WEAK_LOOKBACK ? k : weak;
    if (weak < 0) weak = k;
  }
  if (weak >= 0) return weak;
  let k = end;
  while (k > start + 1 && !kinsokuOk(tokens, k)) k--;
  return k > start + 1 || kinsokuOk(tokens, k) ? k : end;
}

/** Breaks one paragraph (no newlines) into lines of tokens. */
export function breakTokens(text: string, opts: BreakOptions = {}): Token[][] {
  const cpl = opts.charsPerLine ?? 28;
  const measure = opts.measureLatin ?? ((s: string) => [...s].length * 0.5);
  const raw = tokenize(text, measure);
  const tokens = raw.flatMap((t) =>
    t.width > cpl ? splitLong(t, cpl, measure).map((piece, i) => (i === 0 && t.brk !== undefined ? { ...piece, brk: t.brk } : piece)) : [t],
  );
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
    if (end < tokens.length) end = chooseBreak(tokens, start, end);
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
    const word = next.brk === 0 ? 40 : next.brk === 1 ? 10 : 0;
    return (inside.has(offsets[j]!) ? 40 : 0) + word;
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
