/**
 * Which faces a notice prints in, read back from the PDF with pdffonts: the bundled OFL set where no GB font
 * is installed, a GB font from the system folder where one is, and rare characters refused.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../../electron/core/contract/errors.js';
import { loadFontSet, type FontSet } from '../../../electron/core/documents/fonts/registry.js';
import { renderNotice } from '../../../electron/core/documents/pdf/notice.js';
import { writeTemp } from './pdf-helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-notice-fonts-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const BODY = '经形式审查，你单位提交的申报材料齐全，符合规定形式，现予受理。我局将组织专家对申报材料进行评审。';

function notice(fonts: FontSet, paragraphs: string[]): Promise<Buffer> {
  return renderNotice({
    authority: '福州市市场监督管理局',
    docNumber: '榕市监知〔2026〕3号',
    title: '关于受理产业知识产权中心认定申请的通知',
    addressee: '福建某某科技有限公司',
    paragraphs,
    signer: '福州市市场监督管理局',
    date: '2026-11-24',
    fonts,
  });
}

/** PostScript names of the fonts embedded in the PDF (subset tags removed). */
function embeddedFonts(buf: Buffer, name: string): string[] {
  const out = execFileSync('pdffonts', [writeTemp(buf, name)], { encoding: 'utf8' });
  return [
    ...new Set(
      out
        .split('\n')
        .slice(2)
        .map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''))
        .filter(Boolean),
    ),
  ].sort();
}

describe('notice fonts (pdffonts)', () => {
  it('without GB fonts: 小标宋 title in Noto Serif SC Black, （一） headings in LXGW WenKai, body in Noto Serif SC', async () => {
    const fonts = loadFontSet({ systemFontDirs: [] });
    const plain = embeddedFonts(await notice(fonts, [BODY]), 'plain.pdf');
    // Red mark and title: the heavy serif; body (and 宋体 page numbers): Noto Serif SC; nothing else.
    expect(plain).toEqual(['NotoSerifSC-Black', 'NotoSerifSC-Regular']);
    // The 楷体 face and the 黑体 face appear with the headings that use them.
    const withHeadings = embeddedFonts(await notice(fonts, [BODY, '一、评审安排', '（一）评审时间', BODY]), 'headings.pdf');
    expect(withHeadings).toEqual(['LXGWWenKai-Regular', 'NotoSansSC-Bold', 'NotoSerifSC-Black', 'NotoSerifSC-Regular']);
    const kaitiOnly = embeddedFonts(await notice(fonts, [BODY, '（一）评审时间']), 'kaiti.pdf');
    expect(kaitiOnly).toContain('LXGWWenKai-Regular');
    expect(kaitiOnly).not.toContain('NotoSansSC-Bold');
  });

  it('with a GB font in the system folder (a renamed copy as simfang.ttf), the body prints in it', async () => {
    const dir = path.join(tmp, 'Fonts');
    fs.mkdirSync(dir);
    // A face no bundled role uses, so its presence in the PDF is the body's.
    fs.copyFileSync(
      path.resolve('node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
      path.join(dir, 'simfang.ttf'),
    );
    const fonts = loadFontSet({ systemFontDirs: [dir] });
    expect(fonts.fangsong).toMatchObject({ source: 'system', path: path.join(dir, 'simfang.ttf') });
    const used = embeddedFonts(await notice(fonts, [BODY]), 'system.pdf');
    expect(used).toContain('NotoSansSC-Regular'); // the body, in the system 仿宋
    expect(used).toContain('NotoSerifSC-Black'); // the title, still bundled
  });

  it('refuses a CJK Extension B character no bundled font has (𠈌), naming it', async () => {
    const fonts = loadFontSet({ systemFontDirs: [] });
    let caught: unknown;
    try {
      await notice(fonts, [`${BODY}联系人：王𠈌。`]);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DeskError);
    expect((caught as DeskError).code).toBe('MISSING_GLYPHS');
    expect((caught as DeskError).details).toEqual({ chars: ['𠈌'] });
  });
});
