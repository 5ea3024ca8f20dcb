/** The fonts UOS and Kylin install, found where and as they ship (documents/fonts/registry.ts). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFontSet } from '../../../electron/core/documents/fonts/registry.js';
import { collection, withNames, writeFont } from '../../helpers/font-files.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-fonts-domestic-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('UOS / Kylin fonts', () => {
  it('Kylin GB_*_GB18030 files, CESI 小标宋 by its PostScript name and 文泉驿正黑 for 黑体 are used', () => {
    const bundled = loadFontSet({ systemFontDirs: [] });
    const src = fs.readFileSync(bundled.song.path);
    const dir = path.join(tmp, 'usr-share-fonts');
    // Kylin: the GB18030 standard faces by file name.
    writeFont(dir, 'truetype/gb/GB_FS_GB18030.ttf', withNames(src, [{ nameId: 1, text: 'GB_FS_GB18030' }]));
    writeFont(dir, 'truetype/gb/GB_KT_GB18030.ttf', withNames(src, [{ nameId: 1, text: 'GB_KT_GB18030' }]));
    // CESI 小标宋 named as some packages do (family with the standard in brackets, PostScript CESI_XBSJ).
    writeFont(
      dir,
      'fonts-cesi/xbs.ttf',
      withNames(src, [
        { nameId: 1, text: 'CESI_小标宋(GB2312-1980)', language: 0x0804 },
        { nameId: 6, text: 'CESI_XBSJ' },
      ]),
    );
    // fonts-wqy-zenhei: a collection (Zen Hei, Zen Hei Mono, Zen Hei Sharp).
    writeFont(
      dir,
      'truetype/wqy/wqy-zenhei.ttc',
      collection([
        withNames(src, [
          { nameId: 1, text: 'WenQuanYi Zen Hei' },
          { nameId: 1, text: '文泉驿正黑', language: 0x0804 },
        ]),
        withNames(src, [{ nameId: 1, text: 'WenQuanYi Zen Hei Mono' }]),
      ]),
    );
    const set = loadFontSet({ systemFontDirs: [dir] });
    expect(set.fangsong).toMatchObject({ source: 'system', path: path.join(dir, 'truetype/gb/GB_FS_GB18030.ttf'), substitute: false });
    expect(set.kaiti).toMatchObject({ source: 'system', path: path.join(dir, 'truetype/gb/GB_KT_GB18030.ttf') });
    expect(set.xiaobiaosong).toMatchObject({ source: 'system', path: path.join(dir, 'fonts-cesi/xbs.ttf') });
    expect(set.heiti).toMatchObject({ source: 'system', path: path.join(dir, 'truetype/wqy/wqy-zenhei.ttc') });
    expect(set.heiti.family).toMatch(/文泉驿正黑|WenQuanYi Zen Hei/);
    expect(set.song.source).toBe('bundled');
  });

  it('a GB 黑体 still wins over 文泉驿正黑', () => {
    const bundled = loadFontSet({ systemFontDirs: [] });
    const src = fs.readFileSync(bundled.heiti.path);
    const dir = path.join(tmp, 'both');
    writeFont(dir, 'wqy/wqy-zenhei.ttc', withNames(src, [{ nameId: 1, text: 'WenQuanYi Zen Hei' }]));
    writeFont(dir, 'fonts-cesi/CESI_HT_GB2312.TTF', withNames(src, [{ nameId: 1, text: 'CESI黑体-GB2312', language: 0x0804 }]));
    expect(loadFontSet({ systemFontDirs: [dir] }).heiti.path).toBe(path.join(dir, 'fonts-cesi/CESI_HT_GB2312.TTF'));
  });
});
