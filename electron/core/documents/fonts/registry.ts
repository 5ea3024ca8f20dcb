/**
 * Font registry: which font file prints each typographic role of a GB/T 9704 document.
 *
 * The GB fonts win when installed (Windows: C:\Windows\Fonts and the per-user font folder; UOS/Kylin and
 * other Linux: /usr/share/fonts …, where fonts-cesi (/usr/share/fonts/fonts-cesi/CESI_*_GB*.TTF on UOS), Kylin's
 * GB_*_GB18030.ttf, the 方正 and 华文 fonts, fonts-arphic-ukai/uming or fonts-wqy-zenhei/microhei may be). A face is recognised by its own names read from the file (name table: family, full and PostScript
 * name, every language), or by the file name Windows gives it (simfang.ttf, simkai.ttf, simhei.ttf,
 * simsun.ttc, FZXBSJW.TTF …), in the order of SYSTEM_FONTS. Otherwise the bundled OFL fonts from
 * assets/fonts (or straight from node_modules before a build) print the role: LXGW WenKai (霞鹜文楷) for
 * 楷体, Noto Sans SC Bold for 黑体, Noto Serif SC Black for 小标宋 and Noto Serif SC for 宋体 and, as a
 * substitute, for 仿宋: no 仿宋 face under the OFL can be had from the npm registry (朱雀仿宋 is not
 * published there), so the body prints in 宋体 until a 仿宋 is installed, and the settings page says so.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { DeskError } from '../../contract/errors.js';
import { FONT_ROLES, FONT_ROLE_LABELS, type FontRole } from '../../contract/fonts-labels.js';
import { moduleDir, nodeRequire } from '../../base/node-require.js';
import { parseFont, type FontkitFont } from './fontkit.js';
import { isWoff, readFaceNames, woffToSfnt, type FaceNames } from './sfnt.js';

export { FONT_ROLES, FONT_ROLE_LABELS, type FontRole };

export interface FontEntry {
  role: FontRole;
  /** The face's own family name (the Chinese one when it has it), e.g. 仿宋, 方正小标宋简体, LXGW WenKai. */
  family: string;
  source: 'system' | 'bundled';
  path: string;
  /** True when the face is not of the role's style (the bundled 宋体 printing the 仿宋 body). */
  substitute: boolean;
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
  substitute: boolean;
}

export interface FontOptions {
  /** Folders searched (recursively) for GB fonts; [] disables system fonts. */
  systemFontDirs?: string[];
  /** false: always use the bundled fonts. Default true. */
  preferSystem?: boolean;
  /** Where the bundled fonts live; default: assets/fonts, then node_modules. */
  bundledDir?: string;
}

/** One installed face that may print a role: the names it calls itself, or the file name it ships under. */
interface SystemCandidate {
  /** Family, full or PostScript names (compared without case, spaces, '-' and '_'). */
  names: string[];
  /** File names (without case) the face is known by. */
  files?: string[];
  /** A file-name pattern, for fonts whose file name carries a version. */
  filePattern?: RegExp;
}

/**
 * CESI (中国电子技术标准化研究院) fonts of UOS/Kylin, widest character set first. UOS ships them in the fonts-cesi
 * package as /usr/share/fonts/fonts-cesi/CESI_FS_GB2312.TTF and so on (file names are compared without case).
 */
function cesi(label: string, code: string): SystemCandidate[] {
  return ['GB18030', 'GB13000', 'GB2312'].map((set) => ({
    names: [`CESI${label}-${set}`, `CESI_${code}_${set}`],
    files: [`cesi_${code.toLowerCase()}_${set.toLowerCase()}.ttf`],
  }));
}

/**
 * The GB18030 standard faces some Kylin (麒麟) releases install as GB_FS_GB18030.ttf, GB_ST_GB18030.ttf … (named
 * GB_FS_GB18030 and so on); `code` is FS 仿宋, KT 楷体, HT 黑体, XBS 小标宋, ST 宋体.
 */
function gb18030(code: string): SystemCandidate {
  return { names: [`GB_${code}_GB18030`], files: [`gb_${code.toLowerCase()}_gb18030.ttf`] };
}

/**
 * Per role, in order of preference. The GBK faces of Windows (仿宋, 楷体 — the same 中易 designs as the older
 * 仿宋_GB2312 and 楷体_GB2312, with 21,003 characters instead of 6,763) come first, so a name with a
 * character outside GB2312 (堃, 喆, 玥 …) still prints.
 */
const SYSTEM_FONTS: Record<FontRole, SystemCandidate[]> = {
  fangsong: [
    { names: ['仿宋', 'FangSong', 'SimFang'], files: ['simfang.ttf'] },
    { names: ['仿宋_GB2312', 'FangSong_GB2312'], files: ['仿宋_gb2312.ttf', 'fs_gb2312.ttf'] },
    ...cesi('仿宋', 'FS'),
    gb18030('FS'),
    { names: ['方正仿宋_GBK', 'FZFangSong-Z02'], files: ['fzfsk.ttf'] },
    { names: ['方正仿宋简体', 'FZFangSong-Z02S'], files: ['fzfsjw.ttf'] },
    { names: ['华文仿宋', 'STFangsong'], files: ['stfangso.ttf'] },
  ],
  kaiti: [
    { names: ['楷体', 'KaiTi', 'SimKai'], files: ['simkai.ttf'] },
    { names: ['楷体_GB2312', 'KaiTi_GB2312'], files: ['楷体_gb2312.ttf', 'kaiti_gb2312.ttf'] },
    ...cesi('楷体', 'KT'),
    gb18030('KT'),
    { names: ['方正楷体_GBK', 'FZKai-Z03'], files: ['fzktk.ttf'] },
    { names: ['方正楷体简体', 'FZKai-Z03S'], files: ['fzktjw.ttf'] },
    { names: ['华文楷体', 'STKaiti'], files: ['stkaiti.ttf'] },
    // fonts-arphic-ukai (Debian, UOS, Kylin): a collection; the mainland face is picked by name.
    { names: ['AR PL UKai CN', 'AR PL KaitiM GB'], files: ['ukai.ttc', 'gkai00mp.ttf'] },
  ],
  heiti: [
    { names: ['黑体', 'SimHei'], files: ['simhei.ttf'] },
    ...cesi('黑体', 'HT'),
    gb18030('HT'),
    { names: ['方正黑体_GBK', 'FZHei-B01'], files: ['fzhtk.ttf'] },
    { names: ['方正黑体简体', 'FZHei-B01S'], files: ['fzhtjw.ttf'] },
    { names: ['华文黑体', 'STHeiti'], files: ['stheiti.ttf'] },
    // 文泉驿 (fonts-wqy-zenhei / fonts-wqy-microhei, in UOS and Kylin): 黑体-style faces, after the GB ones.
    { names: ['WenQuanYi Zen Hei', '文泉驿正黑'], files: ['wqy-zenhei.ttc'] },
    { names: ['WenQuanYi Micro Hei', '文泉驿微米黑'], files: ['wqy-microhei.ttc'] },
  ],
  xiaobiaosong: [
    {
      names: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', 'FZXBSJW--GB1-0'],
      files: ['fzxbsjw.ttf'],
      filePattern: /^(FZXBSJW|方正小标宋简体).*\.tt[fc]$/i,
    },
    { names: ['方正小标宋_GBK', 'FZXiaoBiaoSong-B05'], files: ['fzxbsk.ttf'], filePattern: /^方正小标宋.*\.tt[fc]$/i },
    ...cesi('小标宋', 'XBS'),
    // CESI 小标宋 as some packages name it: family “CESI_小标宋(GB2312-1980)”, PostScript CESI_XBS / CESI_XBSJ.
    { names: ['CESI_XBS', 'CESI_XBSJ', 'CESI_小标宋(GB2312-1980)', 'CESI_小标宋(GB18030-2005)'] },
    gb18030('XBS'),
    // 华文中宋: the heavy 宋 Office installs, the usual stand-in for 小标宋.
    { names: ['华文中宋', 'STZhongsong'], files: ['stzhongs.ttf'] },
  ],
  song: [
    { names: ['宋体', 'SimSun'], files: ['simsun.ttc', 'simsun.ttf'] },
    ...cesi('宋体', 'SS'),
    gb18030('ST'),
    { names: ['方正书宋_GBK', 'FZShuSong-Z01'], files: ['fzssk.ttf'] },
    { names: ['方正书宋简体', 'FZShuSong-Z01S'], files: ['fzssjw.ttf'] },
    { names: ['华文宋体', 'STSong'], files: ['stsong.ttf'] },
    { names: ['AR PL UMing CN'], files: ['uming.ttc'] },
  ],
};

interface BundledFace {
  file: string;
  family: string;
  /** Not of the role's style (see the header comment). */
  substitute?: boolean;
}
const BUNDLED: Record<FontRole, BundledFace> = {
  fangsong: { file: 'NotoSerifSC-Regular.ttf', family: 'Noto Serif SC', substitute: true },
  kaiti: { file: 'LXGWWenKai-Regular.ttf', family: 'LXGW WenKai（霞鹜文楷）' },
  song: { file: 'NotoSerifSC-Regular.ttf', family: 'Noto Serif SC' },
  xiaobiaosong: { file: 'NotoSerifSC-Black.ttf', family: 'Noto Serif SC Black' },
  heiti: { file: 'NotoSansSC-Bold.ttf', family: 'Noto Sans SC Bold' },
};

/**
 * Bundled file name -> its location inside the npm font packages (build/copy-fonts.mjs copies the same
 * files; a .woff source is written out as the .ttf it wraps).
 */
export const BUNDLED_SOURCES: Record<string, string> = {
  'NotoSerifSC-Regular.ttf': '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  'NotoSerifSC-Black.ttf': '@expo-google-fonts/noto-serif-sc/900Black/NotoSerifSC_900Black.ttf',
  'NotoSansSC-Bold.ttf': '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  'LXGWWenKai-Regular.ttf': '@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff',
};

export function defaultSystemFontDirs(): string[] {
  const dirs: string[] = [];
  const windir = process.env.WINDIR ?? process.env.windir ?? process.env.SystemRoot;
  if (windir) dirs.push(path.join(windir, 'Fonts'));
  if (process.env.LOCALAPPDATA) dirs.push(path.join(process.env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts'));
  dirs.push('/usr/share/fonts', '/usr/local/share/fonts', path.join(os.homedir(), '.fonts'));
  dirs.push(path.join(os.homedir(), '.local', 'share', 'fonts'), '/Library/Fonts', path.join(os.homedir(), 'Library', 'Fonts'));
  return [...new Set(dirs)];
}

const FONT_FILE = /\.(ttf|ttc|otf|otc)$/i;
const MAX_FONT_FILES = 5000;

/** Lists font files under `dirs` (depth-limited, unreadable folders skipped, at most MAX_FONT_FILES). */
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
      if (out.length >= MAX_FONT_FILES) return;
      const full = path.join(dir, e.name);
      if (e.isDirectory() && depth < maxDepth) walk(full, depth + 1);
      else if (FONT_FILE.test(e.name)) out.push(full);
    }
  };
  for (const d of dirs) walk(d, 0);
  return out;
}

const normName = (s: string): string => s.toLowerCase().replace(/[\s_-]/g, '');

/** The system fonts of one search: file list, and each file's face names, read once and only when needed. */
class SystemFonts {
  private names = new Map<string, FaceNames[]>();
  constructor(readonly files: string[]) {}
  facesOf(file: string): FaceNames[] {
    let faces = this.names.get(file);
    if (!faces) this.names.set(file, (faces = readFaceNames(file)));
    return faces;
  }
}

function faceMatches(face: FaceNames, cand: SystemCandidate): boolean {
  const wanted = new Set(cand.names.map(normName));
  return face.names.some((n) => wanted.has(normName(n)));
}

function loadSystemFace(role: FontRole, file: string, face: FaceNames | undefined): FontEntry | null {
  try {
    const data = fs.readFileSync(file);
    const font = parseFont(data, face?.postscriptName || undefined);
    if (!font) return null;
    const family = face?.displayFamily || font.familyName;
    return { role, family, source: 'system', path: file, substitute: false, data, font };
  } catch {
    return null; /* unreadable or unsupported: try the next candidate */
  }
}

function findSystemFont(role: FontRole, sys: SystemFonts): FontEntry | null {
  for (const cand of SYSTEM_FONTS[role]) {
    const fileNames = new Set(cand.files ?? []);
    // 1. The file name the face ships under (a copy renamed to simfang.ttf counts: the user put it there).
    for (const file of sys.files) {
      const base = path.basename(file);
      if (!fileNames.has(base.toLowerCase()) && !cand.filePattern?.test(base)) continue;
      const faces = sys.facesOf(file);
      const entry = loadSystemFace(role, file, faces.find((f) => faceMatches(f, cand)) ?? faces[0]);
      if (entry) return entry;
    }
    // 2. The names the face gives itself, whatever its file is called.
    for (const file of sys.files) {
      const face = sys.facesOf(file).find((f) => faceMatches(f, cand));
      if (!face) continue;
      const entry = loadSystemFace(role, file, face);
      if (entry) return entry;
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

/** Absolute path of a bundled font file: assets/fonts first, its npm package otherwise (maybe a .woff). */
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
  const { file, family, substitute } = BUNDLED[role];
  const p = resolveBundledFont(file, opts);
  let hit = fileCache.get(p);
  if (!hit) {
    let data: Buffer = fs.readFileSync(p);
    if (isWoff(data)) data = woffToSfnt(data); // straight from the npm package, before a build
    hit = { data, font: parseWithFallback(data) };
    fileCache.set(p, hit);
  }
  return { role, family, source: 'bundled', path: p, substitute: substitute ?? false, data: hit.data, font: hit.font };
}

const setCache = new Map<string, FontSet>();

/** The font for every role (cached per option set; buffers and parsed fonts stay in memory). */
export function loadFontSet(opts: FontOptions = {}): FontSet {
  const preferSystem = opts.preferSystem ?? true;
  const dirs = preferSystem ? (opts.systemFontDirs ?? defaultSystemFontDirs()) : [];
  const key = JSON.stringify([dirs, opts.bundledDir ?? null]);
  const cachedSet = setCache.get(key);
  if (cachedSet) return cachedSet;
  const sys = new SystemFonts(dirs.length ? listFontFiles(dirs) : []);
  const set = {} as FontSet;
  for (const role of FONT_ROLES) set[role] = findSystemFont(role, sys) ?? loadBundled(role, opts);
  setCache.set(key, set);
  return set;
}

/** What the settings page shows: which font prints each role and where it came from. */
export function fontInfoList(opts: FontOptions = {}): FontInfo[] {
  const set = loadFontSet(opts);
  return FONT_ROLES.map((role) => {
    const { family, source, path: p, substitute } = set[role];
    return { role, family, source, path: p, substitute };
  });
}

/** Forget cached font sets (e.g. after the user installs fonts). Parsed files stay cached. */
export function clearFontSetCache(): void {
  setCache.clear();
}
