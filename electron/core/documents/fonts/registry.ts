/**
 * Font registry: which font file prints each typographic role of a GB/T 9704 document.
 * System GB fonts (simfang, simhei, simkai, 方正小标宋, simsun) win when installed; otherwise the
 * bundled OFL Noto fonts from assets/fonts (or straight from node_modules before a build).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { DeskError } from '../../contract/errors.js';
import { moduleDir, nodeRequire } from '../../base/node-require.js';
import { parseFont, type FontkitFont } from './fontkit.js';

export const FONT_ROLES = ['fangsong', 'heiti', 'kaiti', 'xiaobiaosong', 'song'] as const;
export type FontRole = (typeof FONT_ROLES)[number];

export const FONT_ROLE_LABELS: Record<FontRole, string> = {
  fangsong: '仿宋',
  heiti: '黑体',
  kaiti: '楷体',
  xiaobiaosong: '小标宋',
  song: '宋体',
};

export interface FontEntry {
  role: FontRole;
  family: string;
  source: 'system' | 'bundled';
  path: string;
  data: Buffer;
  /** Parsed font (fontkit); pdfkit accepts it directly, so no document re-parses the file. */
  font: FontkitFont;
}
export type FontSet = Record<FontRole, FontEntry>;
export interface FontInfo {
  role: FontRole;
  family: string;
  source: 'system' | 'bundled';
  path: string;
}

export interface FontOptions {
  /** Folders searched (recursively) for GB fonts; [] disables system fonts. */
  systemFontDirs?: string[];
  /** false: always use the bundled fonts. Default true. */
  preferSystem?: boolean;
  /** Where the bundled fonts live; default: assets/fonts, then node_modules. */
  bundledDir?: string;
}

interface SystemCandidate {
  pattern: RegExp;
  family: string;
  postscriptName?: string;
}
const SYSTEM_FONTS: Record<FontRole, SystemCandidate[]> = {
  fangsong: [
    { pattern: /^仿宋_GB2312\.ttf$/i, family: '仿宋_GB2312' },
    { pattern: /^simfang\.ttf$/i, family: '仿宋' },
  ],
  heiti: [{ pattern: /^simhei\.ttf$/i, family: '黑体' }],
  kaiti: [
    { pattern: /^楷体_GB2312\.ttf$/i, family: '楷体_GB2312' },
    { pattern: /^simkai\.ttf$/i, family: '楷体' },
  ],
  xiaobiaosong: [
    { pattern: /^FZXBSJW.*\.ttf$/i, family: '方正小标宋简体' },
    { pattern: /^方正小标宋.*\.ttf$/i, family: '方正小标宋简体' },
  ],
  song: [
    { pattern: /^simsun\.ttf$/i, family: '宋体' },
    { pattern: /^simsun\.ttc$/i, family: '宋体', postscriptName: 'SimSun' },
  ],
};

const BUNDLED: Record<FontRole, { file: string; family: string }> = {
  fangsong: { file: 'NotoSerifSC-Regular.ttf', family: 'Noto Serif SC' },
  kaiti: { file: 'NotoSerifSC-Regular.ttf', family: 'Noto Serif SC' },
  song: { file: 'NotoSerifSC-Regular.ttf', family: 'Noto Serif SC' },
  xiaobiaosong: { file: 'NotoSerifSC-Bold.ttf', family: 'Noto Serif SC Bold' },
  heiti: { file: 'NotoSansSC-Bold.ttf', family: 'Noto Sans SC Bold' },
};

/** Bundled file name -> its location inside the npm font packages. */
export const BUNDLED_SOURCES: Record<string, string> = {
  'NotoSerifSC-Regular.ttf': '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  'NotoSerifSC-Bold.ttf': '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  'NotoSansSC-Regular.ttf': '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  'NotoSansSC-Bold.ttf': '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
};

export function defaultSystemFontDirs(): string[] {
  const dirs: string[] = [];
  const windir = process.env.WINDIR ?? process.env.windir;
  if (windir) dirs.push(path.join(windir, 'Fonts'));
  if (process.env.LOCALAPPDATA) dirs.push(path.join(process.env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts'));
  dirs.push('/usr/share/fonts', '/usr/local/share/fonts', path.join(os.homedir(), '.fonts'));
  dirs.push(path.join(os.homedir(), '.local', 'share', 'fonts'), '/Library/Fonts', path.join(os.homedir(), 'Library', 'Fonts'));
  return dirs;
}

/** Lists font files under `dirs` (depth-limited, unreadable folders skipped). */
function listFontFiles(dirs: string[], maxDepth = 6): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory() && depth < maxDepth) walk(full, depth + 1);
      else if (/\.tt[fc]$/i.test(e.name)) out.push(full);
    }
  };
  for (const d of dirs) walk(d, 0);
  return out;
}

function findSystemFont(role: FontRole, files: string[]): FontEntry | null {
  for (const cand of SYSTEM_FONTS[role]) {
    for (const file of files.filter((f) => cand.pattern.test(path.basename(f)))) {
      try {
        const data = fs.readFileSync(file);
        const font = parseFont(data, cand.postscriptName);
        if (font) return { role, family: cand.family, source: 'system', path: file, data, font };
      } catch {
        /* unreadable or unsupported: try the next candidate */
      }
    }
  }
  return null;
}

function bundledDirs(opts: FontOptions): string[] {
  if (opts.bundledDir) return [opts.bundledDir];
  const dirs: string[] = [];
  if (process.env.DESK_FONTS_DIR) dirs.push(process.env.DESK_FONTS_DIR);
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) dirs.push(path.join(resources, 'assets', 'fonts'));
  for (let dir = moduleDir(), i = 0; i < 6; i++, dir = path.dirname(dir)) dirs.push(path.join(dir, 'assets', 'fonts'));
  dirs.push(path.join(process.cwd(), 'assets', 'fonts'));
  return dirs;
}

/** Absolute path of a bundled font file: assets/fonts first, node_modules otherwise. */
export function resolveBundledFont(file: string, opts: FontOptions = {}): string {
  for (const dir of bundledDirs(opts)) {
    const p = path.join(dir, file);
    if (fs.existsSync(p)) return p;
  }
  const rel = BUNDLED_SOURCES[file];
  if (rel && !opts.bundledDir) {
    try {
      return nodeRequire().resolve(rel);
    } catch {
      /* not resolvable through exports */
    }
    for (let dir = moduleDir(), i = 0; i < 8; i++, dir = path.dirname(dir)) {
      const p = path.join(dir, 'node_modules', rel);
      if (fs.existsSync(p)) return p;
    }
  }
  throw new DeskError('INTERNAL', `找不到内置字体 ${file}。请重新安装本软件。`, { file });
}

/** Parses with fontkit, or through pdfkit's own loader when fontkit is not reachable. */
function parseWithFallback(data: Buffer): FontkitFont {
  const direct = parseFont(data);
  if (direct) return direct;
  const doc = new PDFDocument({ autoFirstPage: false });
  doc.font(data);
  return (doc as unknown as { _font: { font: FontkitFont } })._font.font;
}

const fileCache = new Map<string, { data: Buffer; font: FontkitFont }>();
function loadBundled(role: FontRole, opts: FontOptions): FontEntry {
  const { file, family } = BUNDLED[role];
  const p = resolveBundledFont(file, opts);
  let hit = fileCache.get(p);
  if (!hit) {
    const data = fs.readFileSync(p);
    hit = { data, font: parseWithFallback(data) };
    fileCache.set(p, hit);
  }
  return { role, family, source: 'bundled', path: p, data: hit.data, font: hit.font };
}

const setCache = new Map<string, FontSet>();

/** The font for every role (cached per option set; buffers and parsed fonts stay in memory). */
export function loadFontSet(opts: FontOptions = {}): FontSet {
  const preferSystem = opts.preferSystem ?? true;
  const dirs = preferSystem ? (opts.systemFontDirs ?? defaultSystemFontDirs()) : [];
  const key = JSON.stringify([dirs, opts.bundledDir ?? null]);
  const cachedSet = setCache.get(key);
  if (cachedSet) return cachedSet;
  const files = dirs.length ? listFontFiles(dirs) : [];
  const set = {} as FontSet;
  for (const role of FONT_ROLES) set[role] = findSystemFont(role, files) ?? loadBundled(role, opts);
  setCache.set(key, set);
  return set;
}

/** What the settings page shows: which font prints each role and where it came from. */
export function fontInfoList(opts: FontOptions = {}): FontInfo[] {
  const set = loadFontSet(opts);
  return FONT_ROLES.map((role) => {
    const { family, source, path: p } = set[role];
    return { role, family, source, path: p };
  });
}

/** Forget cached font sets (e.g. after the user installs fonts). Parsed files stay cached. */
export function clearFontSetCache(): void {
  setCache.clear();
}
