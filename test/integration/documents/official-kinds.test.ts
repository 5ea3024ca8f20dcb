/**
 * GB/T 9704-2012 document kinds and page rules, measured from the PDFs (pdftotext -bbox): where the 发文机关标志
 * sits (文件格式 72 mm, 信函格式 30 mm), 附注 and 版记 where the kind has them, the seal block never alone on a
 * page, lines broken only between words, justified lines never stretched past the limit.
 */
import { describe, expect, it } from 'vitest';
import { loadFontSet } from '../../../electron/core/documents/fonts/registry.js';
import { renderNotice } from '../../../electron/core/documents/pdf/notice.js';
import {
  renderAcceptanceNotice,
  renderRejectionNotice,
  type IntakeNoticeBase,
} from '../../../electron/core/documents/pdf/intake-notices.js';
import { renderReviewDecision, type ReviewDecisionInput } from '../../../electron/core/documents/pdf/review-decision.js';
import { renderPublicityNotice } from '../../../electron/core/documents/pdf/publicity-notice.js';
import { renderCertificate } from '../../../electron/core/documents/pdf/certificate.js';
import { renderPlaqueSheet } from '../../../electron/core/documents/pdf/plaque-sheet.js';
import { emTop, flat, pdfText, pdfWords, printedLines, toMm, writeTemp, type PrintedLine } from './pdf-helpers.js';

const fonts = loadFontSet({ systemFontDirs: [] });
const A = '福州市市场监督管理局';
const mf = fonts.xiaobiaosong.font;
const CELL_MM = 156 / 28;
const LONG_UNIT = '福建省福州市纺织化纤新材料产业技术创新战略联盟暨知识产权运营服务有限责任公司';
const LONG_CENTER = '福州市纺织化纤新材料产业知识产权协同保护与运营中心';
const FILE_FORMAT = {
  kind: 'file' as const,
  mark: `${A}文件`,
  note: '（此件主动公开）',
  colophon: {
    copyTo: ['福建省市场监督管理局（知识产权局）', '市委办公厅', '市政府办公厅'],
    issuingOffice: `${A}办公室`,
    printedOn: '2029-10-12',
  },
};
const LETTER_FORMAT = { kind: 'letter' as const, mark: A };

function markTop(file: string, mark: string): number {
  const w = pdfWords(file).words.find((x) => x.page === 1 && x.text === mark);
  expect(w, mark).toBeDefined();
  return toMm(emTop(w!, mf.ascent / mf.unitsPerEm, mf.descent / mf.unitsPerEm));
}

const pageNumber = (l: PrintedLine): boolean => /^—\d+—$/.test(flat(l.text));

/** Where a line boundary falls inside a word (Intl.Segmenter, Latin/digit runs whole): the bad joins. */
function breaksInsideWords(lines: string[]): string[] {
  const seg = new Intl.Segmenter('zh', { granularity: 'word' });
  const bad: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i]!;
    const b = lines[i + 1]!;
    const joined = a + b;
    const starts = new Set([...seg.segment(joined)].map((s) => s.index));
    const latin = /[A-Za-z0-9-]$/.test(a) && /^[A-Za-z0-9-]/.test(b);
    if (!starts.has(a.length) || latin) bad.push(`${a.slice(-4)}/${b.slice(0, 4)}`);
  }
  return bad;
}

/** A 撤销 复核决定 for a long center name, as both the kind tests and the line-break tests print it. */
const DECISION: ReviewDecisionInput = {
  authority: A,
  docNumber: '榕市监知〔2029〕7号',
  outcome: 'revoke',
  kind: 'triennial',
  centerName: LONG_CENTER,
  hostUnit: '福建省纺织化纤新材料研究院有限公司',
  certificateNumber: 'FZIPC-2025-003',
  designatedOn: '2026-10-12',
  decidedOn: '2029-10-10',
  issuedOn: '2029-10-12',
  opinion: '中心三年来未按工作方案要求开展工作。\n年度工作总结连续两年未按时报送。',
  returnBy: '2029-11-02',
  fonts,
};

describe('文件格式 and 信函格式 (GB/T 9704 §7, §10.1)', () => {
  it('文件格式: mark top 72 mm, 附注 under the date, 版记 on the last, even page', async () => {
    const file = writeTemp(await renderReviewDecision({ ...DECISION, format: FILE_FORMAT }), 'file.pdf');
    expect(Math.abs(markTop(file, `${A}文件`) - 72)).toBeLessThan(1);
    const { words, pages } = pdfWords(file);
    const lines = printedLines(words);
    expect(pages % 2).toBe(0);
    const date = lines.find((l) => l.text === '2029年10月12日')!;
    const note = lines.find((l) => l.text === '（此件主动公开）')!;
    expect(note.page).toBe(date.page);
    expect(toMm(note.y - date.y)).toBeCloseTo(225 / 22, 0);
    expect(Math.abs(toMm(note.xMin) - (28 + 2 * CELL_MM))).toBeLessThan(1);
    const last = lines.filter((l) => l.page === pages);
    expect(flat(last.map((l) => l.text).join(''))).toContain('抄送：福建省市场监督管理局（知识产权局），市委办公厅，市政府办公厅。');
    const printer = last.find((l) => l.text.startsWith(`${A}办公室`))!;
    expect(flat(printer.text)).toBe(`${A}办公室2029年10月12日印发`);
    // The 印发 line is the last line of the text block (its rule on the block's bottom edge, 262 mm).
    expect(toMm(printer.y)).toBeGreaterThan(250);
    expect(toMm(printer.y)).toBeLessThan(262);
  });

  it('信函格式: mark top 30 mm, number flush right, no page number on page 1, no 印发', async () => {
    const base: IntakeNoticeBase = {
      settings: { bureauName: A, docNumberPrefix: '榕市监知' },
      docNumber: '榕市监知〔2026〕12号',
      applicant: { name: '福建闽江电子信息产业协会' },
      centerName: '福州市电子信息产业知识产权协同保护与运营中心',
      batch: { year: 2026, sequence: 2, title: '2026年第二批' },
      issuedOn: '2026-11-25',
      fonts,
    };
    const file = writeTemp(await renderAcceptanceNotice({ ...base, format: LETTER_FORMAT }), 'letter.pdf');
    expect(Math.abs(markTop(file, A) - 30)).toBeLessThan(1);
    const lines = printedLines(pdfWords(file).words);
    const number = lines.find((l) => l.text === '榕市监知〔2026〕12号')!;
    expect(Math.abs(toMm(number.xMax) - 184)).toBeLessThan(1);
    expect(lines.filter((l) => l.page === 1).some(pageNumber)).toBe(false);
    expect(flat(pdfText(file))).not.toContain('印发');
  });

  it('公示: no 版头 and no 主送; signature and date', async () => {
    const file = writeTemp(
      await renderPublicityNotice({
        authority: A,
        batchLabel: '2026年第一批',
        startsOn: '2026-09-28',
        endsOn: '2026-10-09',
        workingDays: 5,
        entries: [{ centerName: LONG_CENTER, hostUnit: '福建省纺织化纤新材料研究院有限公司', industry: '纺织化纤', district: '长乐区' }],
        contact: { name: '王五', phone: '0591-12345678' },
        issuedOn: '2026-09-28',
        fonts,
        format: { kind: 'announcement', mark: A },
      }),
      'announcement.pdf',
    );
    const lines = printedLines(pdfWords(file).words);
    expect(lines[0]!.text.startsWith('关于2026年第一批')).toBe(true);
    expect(lines.some((l) => l.text.endsWith('：') && l.text.startsWith('各'))).toBe(false);
    expect(lines.some((l) => l.text === '2026年9月28日')).toBe(true);
  });

  it('inserts an unnumbered blank page when the 版记 cannot share the last even page', async () => {
    // 9 body lines fill page 1; 26 more end page 2 full, so the seal block and two lines go to page 3 (odd).
    // Then the 版记 needs page 4, and page 2's… check: whenever a blank page is inserted, it and the 版记 page carry no number.
    for (const n of [30, 40, 50]) {
      const paragraphs = Array.from(
        { length: n },
        (_, i) => `第${String(i + 1).padStart(2, '0')}段。本段正文恰好占用一行，用于检验版记页的位置。`,
      );
      const file = writeTemp(
        await renderNotice({
          authority: A,
          title: '关于版记位置的通知',
          addressee: '各有关单位',
          paragraphs,
          signer: A,
          date: '2029-10-12',
          fonts,
          format: FILE_FORMAT,
        }),
        `blank-${n}.pdf`,
      );
      const { words, pages } = pdfWords(file);
      expect(pages % 2).toBe(0);
      const lines = printedLines(words);
      const onPage = (p: number) => lines.filter((l) => l.page === p);
      expect(
        flat(
          onPage(pages)
            .map((l) => l.text)
            .join(''),
        ),
      ).toContain('印发');
      const blank = onPage(pages - 1).length === 0;
      if (blank) expect(onPage(pages).some(pageNumber)).toBe(false);
      else expect(onPage(pages).some(pageNumber)).toBe(true);
    }
  });
});

describe('the seal block never stands alone (§7.3.5)', () => {
  const para = (i: number) => `第${String(i).padStart(2, '0')}段。本段正文恰好占用一行，用于检验落款位置。`;
  const render = (n: number, format: object, title: string) =>
    renderNotice({
      authority: A,
      title,
      addressee: '各有关单位',
      paragraphs: Array.from({ length: n }, (_, i) => para(i + 1)),
      signer: A,
      date: '2029-10-12',
      fonts,
      format: format as typeof FILE_FORMAT,
    });

  for (const [name, format] of [
    ['文件格式', FILE_FORMAT],
    ['信函格式', LETTER_FORMAT],
  ] as const) {
    it(`${name}: bodies ending on lines 18–22 of a page keep two body lines with the 署名 and date`, async () => {
      // Page 1's body lines, measured: render a long body and count them.
      const probe = printedLines(pdfWords(writeTemp(await render(40, format, '关于落款位置的通知'), 'probe.pdf')).words);
      const firstPage = probe.filter((l) => l.page === 1 && l.text.startsWith('第')).length;
      expect(firstPage).toBeGreaterThan(3);
      for (let line = 18; line <= 22; line++) {
        const n = firstPage + line; // the last paragraph falls on `line` of page 2
        const file = writeTemp(await render(n, format, '关于落款位置的通知'), `seal-${line}.pdf`);
        const lines = printedLines(pdfWords(file).words);
        const signer = lines.filter((l) => l.text === A).at(-1)!;
        const date = lines.find((l) => l.text === '2029年10月12日')!;
        expect(date.page, `line ${line}`).toBe(signer.page);
        const body = lines.filter((l) => l.page === signer.page && l.text.startsWith('第'));
        expect(body.length, `line ${line}: body lines on the seal page`).toBeGreaterThanOrEqual(2);
        expect(body.at(-1)!.text).toBe(para(n));
        if (format.kind === 'file') expect(lines.find((l) => l.text === '（此件主动公开）')!.page).toBe(signer.page);
      }
    });
  }

  it('不予受理 and 受理 notices for a long unit name keep body lines with the 署名', async () => {
    const base: IntakeNoticeBase = {
      settings: { bureauName: A, docNumberPrefix: '榕市监知' },
      docNumber: '榕市监知〔2026〕12号',
      applicant: { name: LONG_UNIT },
      centerName: LONG_CENTER,
      batch: { year: 2026, sequence: 2, title: '2026年第二批' },
      issuedOn: '2026-11-25',
      contact: { name: '王五', phone: '0591-12345678' },
      fonts,
    };
    for (const pdf of [
      await renderAcceptanceNotice(base),
      await renderRejectionNotice({ ...base, reason: '申报单位成立未满两年，且未提供近两年开展知识产权协同保护工作的证明材料' }),
    ]) {
      const lines = printedLines(pdfWords(writeTemp(pdf, 'intake.pdf')).words);
      const date = lines.find((l) => l.text === '2026年11月25日')!;
      const others = lines.filter((l) => l.page === date.page && !pageNumber(l) && l.text !== A && l.text !== date.text);
      expect(others.length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('lines break only between words; justified lines are not over-stretched', () => {
  it('certificate for a long name', async () => {
    const file = writeTemp(
      await renderCertificate(
        {
          certificateNumber: 'FZIPC-2026-001',
          hostUnit: LONG_UNIT,
          centerName: LONG_CENTER,
          validFrom: '2026-10-12',
          validUntil: '2029-10-11',
          authority: A,
          issuedOn: '2026-10-12',
        },
        { fonts },
      ),
      'cert.pdf',
    );
    const lines = printedLines(pdfWords(file).words).map((l) => ({ ...l, text: flat(l.text) }));
    const start = lines.findIndex((l) => l.text.startsWith('福建省'));
    const holder = lines.slice(start, lines.findIndex((l) => l.text.endsWith('：')) + 1).map((l) => l.text);
    expect(holder.join('')).toBe(`${LONG_UNIT}：`);
    expect(breaksInsideWords(holder)).toEqual([]);
    const s0 = lines.findIndex((l) => l.text.startsWith('经评审'));
    const sentence = lines.slice(s0, lines.findIndex((l) => l.text.endsWith('中心。')) + 1).map((l) => l.text);
    expect(sentence.join('')).toBe(`经评审，认定为${LONG_CENTER}。`);
    expect(breaksInsideWords(sentence)).toEqual([]);
    // Character pitch of the body lines: at most 1.25 of the type size.
    const kf = fonts.kaiti.font;
    for (const l of lines.slice(start, s0 + sentence.length)) {
      const w = pdfWords(file).words.find((x) => Math.abs(x.yMin - l.y) < 0.5)!;
      const size = (w.yMax - w.yMin) / ((kf.ascent - kf.descent) / kf.unitsPerEm);
      const n = [...l.text].length;
      expect((l.xMax - l.xMin - size) / (n - 1)).toBeLessThanOrEqual(size * 1.25 + 0.5);
    }
  });

  it('plaque sheet: each plaque line is one printed line', async () => {
    const file = writeTemp(
      await renderPlaqueSheet({
        authority: A,
        awardedOn: '2026-10-12',
        issuedOn: '2026-10-12',
        plaques: [{ centerName: LONG_CENTER, hostUnit: '福建省纺织化纤新材料研究院有限公司', certificateNumber: 'FZIPC-2026-001' }],
        fonts,
      }),
      'plaque.pdf',
    );
    const lines = printedLines(pdfWords(file).words).map((l) => flat(l.text));
    expect(lines).toContain('纺织化纤新材料产业知识产权协同保护与运营中心');
  });

  it('plaque sheet: the date line never stands alone on a page', async () => {
    for (let n = 1; n <= 8; n++) {
      const plaques = Array.from({ length: n }, (_, i) => ({
        centerName: LONG_CENTER,
        hostUnit: `福建省第${i + 1}纺织化纤新材料研究院有限公司`,
        certificateNumber: `FZIPC-2026-00${i + 1}`,
      }));
      const file = writeTemp(
        await renderPlaqueSheet({ authority: A, awardedOn: '2026-10-12', issuedOn: '2026-10-12', plaques, fonts }),
        'plaque-n.pdf',
      );
      const lines = printedLines(pdfWords(file).words);
      const date = lines.find((l) => flat(l.text).startsWith('日期：'))!;
      expect(flat(date.text)).toBe('日期：年月日');
      const page = lines.filter((l) => l.page === date.page && !pageNumber(l));
      // With the date: the notes, the confirmation line and at least one table row (its number in the first column).
      expect(
        page.some((l) => l.text.includes('FZIPC')),
        `${n} plaques`,
      ).toBe(true);
    }
  });

  it('复核决定: the certificate number is never split; every line within the stretch limit', async () => {
    const file = writeTemp(await renderReviewDecision({ ...DECISION, opinion: '中心三年来未按工作方案要求开展工作。' }), 'decision.pdf');
    const lines = printedLines(pdfWords(file).words);
    const withNumber = lines.filter((l) => l.text.includes('FZIPC'));
    expect(withNumber.length).toBeGreaterThan(0);
    for (const l of withNumber) expect(flat(l.text)).toContain('FZIPC-2025-003');
    // Body lines (3号 on the 28-character grid) made only of CJK characters: pitch at most 1.25 cells.
    const addressee = lines.find((l) => l.text.endsWith('有限公司：'))!;
    for (const l of lines.filter((x) => x.page > 1 || x.y > addressee.y)) {
      const t = flat(l.text);
      if (!/^[\p{Script=Han}，。、；：（）《》“”]+$/u.test(t) || [...t].length < 10) continue;
      const pitch = toMm(l.xMax - l.xMin) / [...t].length;
      expect(pitch, t).toBeLessThanOrEqual(CELL_MM * 1.25 + 0.05);
    }
    // The long center name breaks between words wherever it wraps.
    const body = lines.filter((l) => l.page === 1 && toMm(l.y) > 150).map((l) => flat(l.text));
    expect(breaksInsideWords(body.filter((t) => /中心|保护|运营/.test(t)))).toEqual([]);
  });
});
