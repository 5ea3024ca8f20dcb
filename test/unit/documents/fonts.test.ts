import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../../electron/core/contract/errors.js';
import { assertGlyphs, missingGlyphs } from '../../../electron/core/documents/fonts/glyphs.js';
import { FONT_ROLES, fontInfoList, loadFontSet } from '../../../electron/core/documents/fonts/registry.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-fonts-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('font registry', () => {
  it('falls back to the bundled Noto fonts when no system folder is searched', () => {
    const set = loadFontSet({ systemFontDirs: [] });
    for (const role of FONT_ROLES) {
      expect(set[role].source).toBe('bundled');
      expect(fs.existsSync(set[role].path)).toBe(true);
      expect(set[role].data.length).toBeGreaterThan(1_000_000);
    }
    expect(set.fangsong.family).toBe('Noto Serif SC');
    expect(set.xiaobiaosong.path).toMatch(/NotoSerifSC.*Bold\.ttf$/);
    expect(set.heiti.path).toMatch(/NotoSansSC.*\.ttf$/);
    expect(loadFontSet({ systemFontDirs: [] })).toBe(set); // cached
    expect(loadFontSet({ preferSystem: false }).fangsong.source).toBe('bundled');
  });

  it('prefers a GB font file found in a system folder, and only named GB files count', () => {
    const bundled = loadFontSet({ systemFontDirs: [] });
    fs.mkdirSync(path.join(tmp, 'sub'));
    fs.symlinkSync(bundled.heiti.path, path.join(tmp, 'sub', 'SIMHEI.TTF'));
    fs.symlinkSync(bundled.fangsong.path, path.join(tmp, 'NotoSerifCJK-Regular.ttf'));
    const set = loadFontSet({ systemFontDirs: [tmp] });
    expect(set.heiti.source).toBe('system');
    expect(set.heiti.family).toBe('黑体');
    expect(set.fangsong.source).toBe('bundled');
    const info = fontInfoList({ systemFontDirs: [tmp] });
    expect(info.map((i) => i.role)).toEqual([...FONT_ROLES]);
    expect(info.find((i) => i.role === 'heiti')).toMatchObject({ source: 'system', family: '黑体' });
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
