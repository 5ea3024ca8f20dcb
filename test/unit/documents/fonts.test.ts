import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../../electron/core/contract/errors.js';
import { assertGlyphs, missingGlyphs } from '../../../electron/core/documents/fonts/glyphs.js';
import { FONT_ROLES, fontInfoList, loadFontSet } from '../../../electron/core/documents/fonts/registry.js';
import { parseFont } from '../../../electron/core/documents/fonts/fontkit.js';
import { isWoff, woffToSfnt } from '../../../electron/core/documents/fonts/sfnt.js';
import { collection, withNames, writeFont } from '../../helpers/font-files.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-fonts-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('font registry', () => {
  it("falls back to bundled OFL fonts of each role's style when no system folder is searched", () => {
    const set = loadFontSet({ systemFontDirs: [] });
    for (const role of FONT_ROLES) {
      expect(set[role].source).toBe('bundled');
      expect(fs.existsSync(set[role].path)).toBe(true);
      expect(set[role].data.length).toBeGreaterThan(1_000_000);
    }
    // 楷体: LXGW WenKai (OFL), as a TrueType font even when read from its npm package's WOFF.
    expect(set.kaiti.font.postscriptName).toBe('LXGWWenKai-Regular');
    expect(set.kaiti.data.readUInt32BE(0)).toBe(0x00010000);
    // 小标宋: the heaviest Noto Serif SC; 黑体: Noto Sans SC Bold.
    expect(set.xiaobiaosong.font.postscriptName).toBe('NotoSerifSC-Black');
    expect(set.heiti.font.postscriptName).toBe('NotoSansSC-Bold');
    // No OFL 仿宋 can be had from npm: the body prints in Noto Serif SC, and says it is a substitute.
    expect(set.fangsong.font.postscriptName).toBe('NotoSerifSC-Regular');
    expect(set.fangsong.substitute).toBe(true);
    expect(FONT_ROLES.filter((r) => set[r].substitute)).toEqual(['fangsong']);
    expect(loadFontSet({ systemFontDirs: [] })).toBe(set); // cached
    expect(loadFontSet({ preferSystem: false }).fangsong.source).toBe('bundled');
  });

  it('prefers a GB font by its Windows file name, even a renamed copy; other fonts do not count', () => {
    const bundled = loadFontSet({ systemFontDirs: [] });
    const dir = path.join(tmp, 'by-file');
    fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
    fs.symlinkSync(bundled.heiti.path, path.join(dir, 'sub', 'SIMHEI.TTF'));
    fs.copyFileSync(bundled.song.path, path.join(dir, 'simfang.ttf'));
    fs.symlinkSync(bundled.song.path, path.join(dir, 'NotoSerifCJK-Regular.ttf'));
    const set = loadFontSet({ systemFontDirs: [dir] });
    expect(set.heiti).toMatchObject({ source: 'system', path: path.join(dir, 'sub', 'SIMHEI.TTF'), substitute: false });
    expect(set.fangsong).toMatchObject({ source: 'system', path: path.join(dir, 'simfang.ttf'), substitute: false });
    expect(set.kaiti.source).toBe('bundled');
    expect(set.song.source).toBe('bundled');
    const info = fontInfoList({ systemFontDirs: [dir] });
    expect(info.map((i) => i.role)).toEqual([...FONT_ROLES]);
    expect(info.find((i) => i.role === 'heiti')).toMatchObject({ source: 'system', family: 'Noto Sans SC', substitute: false });
  });

  it('finds GB fonts by the names they give themselves (UOS/Kylin folders, GBK-encoded names, collections)', () => {
    const bundled = loadFontSet({ systemFontDirs: [] });
    const src = fs.readFileSync(bundled.song.path);
    const dir = path.join(tmp, 'by-name');
    // 仿宋 under an arbitrary file name, deep in a Linux-style folder.
    writeFont(
      dir,
      'truetype/some-vendor/fs-regular.ttf',
      withNames(src, [
        { nameId: 1, text: 'FangSong' },
        { nameId: 1, text: '仿宋', language: 0x0804 },
        { nameId: 6, text: 'FangSong' },
      ]),
    );
    // 方正小标宋简体 whose names are stored in the Windows PRC (GBK) encoding, as older 方正 fonts do.
    writeFont(
      dir,
      'fz/xbs.ttf',
      withNames(src, [
        { nameId: 1, text: '方正小标宋简体', language: 0x0804, gbk: true },
        { nameId: 6, text: 'FZXBSJW--GB1-0', gbk: true },
      ]),
    );
    // CESI楷体 of fonts-cesi, second-best: 华文楷体 loses to it.
    writeFont(dir, 'cesi/CESI_KT_GB2312.TTF', withNames(src, [{ nameId: 1, text: 'CESI楷体-GB2312', language: 0x0804 }]));
    writeFont(dir, 'st/k.ttf', withNames(src, [{ nameId: 1, text: 'STKaiti' }]));
    // fonts-arphic-uming: a collection whose mainland face is the second one.
    writeFont(
      dir,
      'arphic/ming.ttc',
      collection([
        withNames(src, [
          { nameId: 1, text: 'AR PL UMing TW' },
          { nameId: 6, text: 'ARPLUMingTW' },
        ]),
        withNames(src, [
          { nameId: 1, text: 'AR PL UMing CN' },
          { nameId: 6, text: 'ARPLUMingCN' },
        ]),
      ]),
    );
    // A font that is none of these, and a broken file under a GB file name.
    writeFont(dir, 'other/x.ttf', withNames(src, [{ nameId: 1, text: 'Some Serif' }]));
    writeFont(dir, 'broken/simhei.ttf', Buffer.from('not a font'));

    const set = loadFontSet({ systemFontDirs: [dir] });
    expect(set.fangsong).toMatchObject({ source: 'system', family: '仿宋', path: path.join(dir, 'truetype/some-vendor/fs-regular.ttf') });
    expect(set.xiaobiaosong).toMatchObject({ source: 'system', family: '方正小标宋简体', path: path.join(dir, 'fz/xbs.ttf') });
    expect(set.kaiti).toMatchObject({ source: 'system', family: 'CESI楷体-GB2312' });
    expect(set.song).toMatchObject({ source: 'system', family: 'AR PL UMing CN', path: path.join(dir, 'arphic/ming.ttc') });
    expect(set.song.font.postscriptName).toBe('ARPLUMingCN');
    expect(set.heiti.source).toBe('bundled');
    // The parsed font is a face pdfkit can embed.
    expect(set.song.font.hasGlyphForCodePoint('宋'.codePointAt(0)!)).toBe(true);
  });
});

describe('WOFF (LXGW WenKai ships as WOFF only)', () => {
  it('is turned into the TrueType font it wraps, which fontkit reads whole', () => {
    const woff = fs.readFileSync(path.resolve('node_modules/@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff'));
    expect(isWoff(woff)).toBe(true);
    const ttf = woffToSfnt(woff);
    expect(isWoff(ttf)).toBe(false);
    expect(ttf.readUInt32BE(0)).toBe(0x00010000);
    expect(ttf.length).toBe(woff.readUInt32BE(16)); // totalSfntSize from the WOFF header
    const font = parseFont(ttf)!;
    expect(font.postscriptName).toBe('LXGWWenKai-Regular');
    for (const ch of '（一）评审时间楷体') expect(font.hasGlyphForCodePoint(ch.codePointAt(0)!), ch).toBe(true);
  });
});

describe('glyph checks', () => {
  const set = loadFontSet({ systemFontDirs: [] });

  it('finds characters without a glyph, once each, ignoring whitespace', () => {
    expect(missingGlyphs('产业知识产权中心 2026〔〕—\n', set.fangsong)).toEqual([]);
    expect(missingGlyphs('甲𠀀乙\uE000𠀀 \t', set.fangsong)).toEqual(['𠀀', '\uE000']);
  });

  it('throws MISSING_GLYPHS with the characters in details', () => {
    expect(() => assertGlyphs(['申报批次一览表', undefined], set)).not.toThrow();
    let caught: unknown;
    try {
      assertGlyphs(['正常文字', '含有𠀀字'], set);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DeskError);
    const err = caught as DeskError;
    expect(err.code).toBe('MISSING_GLYPHS');
    expect(err.message).toContain('𠀀');
    expect(err.message).toContain('请改用常用字');
    expect(err.details).toEqual({ chars: ['𠀀'] });
  });
});
