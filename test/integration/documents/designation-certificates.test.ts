import { describe, expect, it } from 'vitest';
import { loadFontSet } from '../../../electron/core/documents/fonts/registry.js';
import {
  CERT_DESIGN,
  certificateBodyLayout,
  renderCertificate,
  renderCertificates,
  type CertificateInput,
} from '../../../electron/core/documents/pdf/certificate.js';
import { NO_LINE_START } from '../../../electron/core/documents/pdf/layout.js';
import { chineseYearMonth, plaqueLines, renderPlaqueSheet } from '../../../electron/core/documents/pdf/plaque-sheet.js';
import { pdfText, pdfWords, toMm, writeTemp, type Word } from './pdf-helpers.js';

const fonts = loadFontSet({ systemFontDirs: [] });
const A = '福州市市场监督管理局';
const LONG = '福建省福州市闽江口纺织化纤与新材料产业技术创新战略联盟暨知识产权综合服务有限公司';
const CENTER = '福州市纺织化纤产业知识产权协同保护与运营中心';
const cert = (n: number, hostUnit = '福建长源纺织有限公司'): CertificateInput => ({
  certificateNumber: `FZIPC-2026-${String(n).padStart(3, '0')}`,
  hostUnit,
  centerName: CENTER,
  validFrom: '2026-10-12',
  validUntil: '2029-10-11',
  authority: A,
  issuedOn: '2026-10-12',
});
const flat = (s: string): string => s.replace(/\s+/g, '');

function lines(words: Word[]): { y: number; xMin: number; xMax: number; text: string }[] {
  const out: { y: number; xMin: number; xMax: number; text: string }[] = [];
  for (const w of [...words].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)) {
    const l = out.find((o) => Math.abs(o.y - w.yMin) < 1.5);
    if (l) {
      l.text += w.text;
      l.xMin = Math.min(l.xMin, w.xMin);
      l.xMax = Math.max(l.xMax, w.xMax);
    } else out.push({ y: w.yMin, xMin: w.xMin, xMax: w.xMax, text: w.text });
  }
  return out;
}

describe('certificates', () => {
  it('prints number, holder, 特发此证, validity, authority and date', async () => {
    const file = writeTemp(await renderCertificate(cert(1)), 'cert.pdf');
    const text = flat(pdfText(file));
    for (const s of [
      '编号：FZIPC-2026-001',
      '福建长源纺织有限公司：',
      `经评审，认定为${CENTER}。`,
      '特发此证。',
      '有效期：2026年10月12日至2029年10月11日',
      A,
      '2026年10月12日',
    ]) {
      expect(text).toContain(s);
    }
    const { pages } = pdfWords(file);
    expect(pages).toBe(1);
  });

  it('keeps a 40-character host unit inside the frame, with kinsoku', async () => {
    expect([...LONG]).toHaveLength(40);
    for (const size of ['A4-landscape', 'A3-landscape'] as const) {
      const file = writeTemp(await renderCertificate(cert(2, LONG), { size, preview: true }), 'long.pdf');
      expect(flat(pdfText(file))).toContain(`${LONG}：`);
      const { words } = pdfWords(file);
      const k = size === 'A4-landscape' ? 1 : 420 / 297;
      const [W, H] = size === 'A4-landscape' ? [297, 210] : [420, 297];
      const inner = CERT_DESIGN.frameInner * k;
      for (const w of words) {
        expect(toMm(w.xMin)).toBeGreaterThan(inner);
        expect(toMm(w.xMax)).toBeLessThan(W - inner);
        expect(toMm(w.yMin)).toBeGreaterThan(inner);
        expect(toMm(w.yMax)).toBeLessThan(H - inner);
      }
      const body = lines(words).filter((l) => toMm(l.y) > CERT_DESIGN.box.top * k - 5 && toMm(l.y) < CERT_DESIGN.box.bottom * k);
      expect(body.length).toBeGreaterThanOrEqual(4);
      for (const l of body) {
        expect(toMm(l.xMin)).toBeGreaterThan(CERT_DESIGN.box.left * k - 0.5);
        expect(toMm(l.xMax)).toBeLessThan(CERT_DESIGN.box.right * k + 0.5);
        expect(NO_LINE_START.has([...l.text][0]!)).toBe(false);
      }
    }
  });

  it('shrinks step by step, then wraps; never overflows the box', () => {
    const w = 650;
    const h = 220;
    const body = (holder: string) => certificateBodyLayout(`${holder}：`, [`经评审，认定为${CENTER}。`, '特发此证。'], w, h);
    const short = body('福建长源纺织有限公司');
    expect(short.size).toBe(22);
    expect(short.wrapped).toBe(false);
    const midName = '福建省福州市闽江口纺织化纤产业技术创新战略联盟知识产权服务中心';
    expect([...midName].length).toBeGreaterThan(29);
    const mid = body(midName);
    expect(mid.size).toBeLessThan(22);
    expect(mid.wrapped).toBe(false);
    const long = body(LONG);
    expect(long.wrapped).toBe(true);
    for (const l of [short, mid, long]) {
      expect(l.fits).toBe(true);
      expect((l.lines.length - 1) * l.lineHeight + l.size).toBeLessThanOrEqual(h);
      for (const line of l.lines) {
        expect(NO_LINE_START.has([...line.text][0]!)).toBe(false);
        expect(line.x + [...line.text].length * l.size + ([...line.text].length - 1) * line.spacing).toBeLessThanOrEqual(w + 0.01);
      }
      // No stub: the sentence's last line has at least four characters.
      const closingIdx = l.lines.findIndex((x) => x.text === '特发此证。');
      expect([...l.lines[closingIdx - 1]!.text].length).toBeGreaterThanOrEqual(4);
    }
  });

  it('prints 300 certificates as one PDF of 300 pages, with progress, small', async () => {
    const list = Array.from({ length: 300 }, (_, i) => cert(i + 1, i % 3 === 0 ? LONG : `福州第${i + 1}号科技有限公司`));
    const progress: number[] = [];
    const buf = await renderCertificates(list, { onProgress: (d) => progress.push(d) });
    expect(progress.at(-1)).toBe(300);
    expect(buf.length / 300).toBeLessThan(150 * 1024);
    const file = writeTemp(buf, 'batch.pdf');
    expect(pdfWords(file).pages).toBe(300);
  });

  it('cancels through an AbortSignal', async () => {
    const ctrl = new AbortController();
    const list = Array.from({ length: 300 }, (_, i) => cert(i + 1));
    const p = renderCertificates(list, {
      signal: ctrl.signal,
      onProgress: (d) => {
        if (d === 5) ctrl.abort();
      },
    });
    await expect(p).rejects.toThrow(/abort/i);
  });

  it('places a seal image over the authority and date; rejects other formats', async () => {
    // 1×1 red PNG
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
    const images = async (n: number): Promise<number> => {
      const buf = await renderCertificates(
        Array.from({ length: n }, (_, i) => cert(i + 1)),
        { sealImage: png },
      );
      return buf.toString('latin1').match(/\/Subtype \/Image/g)?.length ?? 0;
    };
    // Embedded once (image + its alpha mask), however many pages use it.
    expect(await images(1)).toBeGreaterThan(0);
    expect(await images(5)).toBe(await images(1));
    await expect(renderCertificate(cert(1), { sealImage: Buffer.from('GIF89a....') })).rejects.toThrow(/PNG或JPG/);
  });
});

describe('牌匾内容确认单', () => {
  it('splits the city onto its own line and writes the month in Chinese numerals', () => {
    expect(chineseYearMonth('2026-10-12')).toBe('二〇二六年十月');
    expect(chineseYearMonth('2027-12-01')).toBe('二〇二七年十二月');
    expect(plaqueLines(CENTER, A, '2026-10-12')).toEqual(['福州市', '纺织化纤产业知识产权协同保护与运营中心', A, '二〇二六年十月']);
  });

  it('lists each plaque with its exact lines, size and a confirmation line, across pages', async () => {
    const plaques = Array.from({ length: 12 }, (_, i) => ({
      centerName: CENTER,
      hostUnit: i === 0 ? LONG : `福州第${i}号科技有限公司`,
      certificateNumber: `FZIPC-2026-${String(i + 1).padStart(3, '0')}`,
    }));
    const file = writeTemp(
      await renderPlaqueSheet({
        authority: A,
        batchLabel: '2026年第一批',
        awardedOn: '2026-10-12',
        issuedOn: '2026-10-12',
        plaques,
        fonts,
      }),
      'plaque.pdf',
    );
    const text = flat(pdfText(file));
    for (const s of [
      '牌匾内容确认单',
      '纺织化纤产业知识产权协同保护与运营中心',
      '二〇二六年十月',
      'FZIPC-2026-012',
      '尺寸',
      '核对确认',
      '制作单位（盖章）',
    ])
      expect(text).toContain(s);
    expect(pdfWords(file).pages).toBeGreaterThan(1);
  });
});
