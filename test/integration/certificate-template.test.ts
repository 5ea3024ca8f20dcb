/**
 * 文书模板 “证书” on a real data folder: the default prints exactly what the certificate printed before it was a
 * template (words and positions read back with pdftotext -bbox against a fixture recorded from that code); an
 * edit words the next certificates issued, which record its version, while earlier certificates reprint —
 * alone, as a batch, as OFD — with theirs; unknown placeholders are refused by name; a text too long for the
 * certificate's box is refused with the template named, at save and at print; the preview is the real page.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/core/app.js';
import type { Center } from '../../electron/core/contract/designation.js';
import { loadFontSet } from '../../electron/core/documents/fonts/registry.js';
import { renderCertificate, type CertificateInput } from '../../electron/core/documents/pdf/certificate.js';
import { tempDir, testClock } from '../helpers/temp.js';
import { fail, ok } from '../helpers/applications.js';
import { CENTER_UNITS } from '../helpers/centers.js';
import { scoredBatch } from '../helpers/designation.js';
import { readOfd } from '../helpers/ofd.js';
import { pdfText, pdfWords, writeTemp } from './documents/pdf-helpers.js';

const flat = (s: string): string => s.replace(/\s+/g, '');
const fonts = loadFontSet({ systemFontDirs: [] });

type FixtureWord = [string, number, number, number, number];
const BEFORE = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '../fixtures/certificate/printed-before-templates.json'), 'utf8'),
) as Record<string, { input: CertificateInput; size: 'A4-landscape' | 'A3-landscape'; words: FixtureWord[] }>;

/** Every word of a PDF with its box, rounded as the fixture is (0.1 pt). */
function printedWords(buf: Buffer): FixtureWord[] {
  return pdfWords(writeTemp(buf, 'cert.pdf')).words.map((w) => [
    w.text,
    +w.xMin.toFixed(1),
    +w.yMin.toFixed(1),
    +w.xMax.toFixed(1),
    +w.yMax.toFixed(1),
  ]);
}

describe('文书模板 “证书”', () => {
  let t: ReturnType<typeof tempDir>;
  let desk: Desk;
  const clock = testClock('2026-03-10T02:00:00.000Z');
  beforeEach(async () => {
    t = tempDir();
    clock.set('2026-03-10T02:00:00.000Z');
    desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now, log: () => undefined });
  });
  afterEach(async () => {
    await desk.close();
    t.cleanup();
  });

  const certText = async (centerId: string): Promise<string> =>
    flat(pdfText((await desk.call('centers.certificatePdf', { centerId, fileType: 'pdf' })).path));

  it('the default prints exactly what the certificate printed before it was a template', async () => {
    const detail = await desk.call('templates.get', { id: 'certificate' });
    expect(detail.label).toBe('证书');
    expect(detail.version).toBe(1);
    expect(detail.edited).toBe(false);
    expect(detail.parts).toEqual(detail.defaultParts);
    expect(detail.partSpecs.map((p) => p.label)).toEqual(['编号行', '标题', '称谓行', '正文', '有效期行', '落款机关', '落款日期']);
    expect(detail.placeholders.map((p) => p.name)).toEqual([
      '依托单位',
      '中心名称',
      '证书编号',
      '有效期起',
      '有效期止',
      '发证机关',
      '发证日期',
    ]);
    expect(detail.warnings).toEqual([]);
    for (const [name, c] of Object.entries(BEFORE)) {
      const withDefault = await renderCertificate({ ...c.input, wording: { parts: detail.defaultParts } }, { size: c.size, fonts });
      expect(printedWords(withDefault), name).toEqual(c.words);
      expect(printedWords(await renderCertificate(c.input, { size: c.size, fonts })), name).toEqual(c.words);
    }
  });

  it('an edit words the next certificates issued and records the version; earlier ones reprint with theirs', async () => {
    // Two batches scored; the first is designated with the default text.
    await scoredBatch(desk, CENTER_UNITS.slice(0, 2));
    await ok(desk.invoke('batches.create', { year: 2026, title: '2026年第二批', opensOn: '2026-03-01', closesOn: '2026-03-31' }));
    await scoredBatch(desk, [{ name: '福州第二批科技有限公司', total: 88, industry: '电子信息' }], {
      batchId: '2026-2',
      seed: false,
      usccOffset: 50,
    });
    clock.set('2026-09-27T02:00:00.000Z');
    await ok(desk.invoke('publicity.create', { batchId: '2026-1', startsOn: '2026-09-28', contact: { name: '陈科长', phone: '0591-1' } }));
    clock.set('2026-10-12T02:00:00.000Z');
    const first = await desk.call('decision.create', { batchId: '2026-1', decidedOn: '2026-10-12' });
    expect(first.centers.map((c) => c.certificateTemplateVersion)).toEqual([1, 1]);
    // The default was stored as version 1 when first used, so it reprints the same after any later app default.
    expect((await desk.call('templates.get', { id: 'certificate' })).versions.map((v) => [v.version, v.source])).toEqual([[1, 'default']]);
    const c1 = first.centers[0]!;
    const before = await certText(c1.id);
    expect(before).toContain(`${c1.hostUnit}：`);
    expect(before).toContain(`经评审，认定为${c1.name}。特发此证。`);

    // Edit: version 2 (title, holder line, body, validity).
    const base = await desk.call('templates.get', { id: 'certificate' });
    const saved = await desk.call('templates.save', {
      id: 'certificate',
      parts: {
        ...base.parts,
        title: '认定证书',
        holder: '持证单位：{依托单位}',
        body: '经专家评审和社会公示，认定为{中心名称}。\n特此发证。',
        validity: '有效期自{有效期起}至{有效期止}',
      },
      baseVersion: base.version,
    });
    expect(saved.version).toBe(2);
    expect(saved.edited).toBe(true);

    // Reprints of the first batch keep version 1: one certificate, the batch, and the OFD.
    expect(await certText(c1.id)).toBe(before);
    const batch = flat(pdfText((await desk.call('centers.certificatesPdf', { batchId: '2026-1', fileType: 'pdf' })).path));
    expect(batch).toContain(`经评审，认定为${first.centers[1]!.name}。特发此证。`);
    expect(batch).not.toContain('特此发证');
    const ofd = await readOfd(readFileSync((await desk.call('centers.certificatePdf', { centerId: c1.id, fileType: 'ofd' })).path));
    const ofdText = ofd
      .chars()
      .map((c) => c.char)
      .join('');
    expect(ofdText).toContain('特发此证。');
    expect(ofdText).not.toContain('特此发证');

    // The next certificate issued uses version 2 and records it.
    clock.set('2026-11-01T02:00:00.000Z');
    await ok(desk.invoke('publicity.create', { batchId: '2026-2', startsOn: '2026-11-02', contact: { name: '陈科长', phone: '0591-1' } }));
    clock.set('2026-11-20T02:00:00.000Z');
    const second = await desk.call('decision.create', { batchId: '2026-2', decidedOn: '2026-11-20' });
    const c3 = second.centers[0]!;
    expect(c3.certificateTemplateVersion).toBe(2);
    const stored = (await desk.call('centers.list', {})) as Center[];
    expect(stored.map((c) => c.certificateTemplateVersion)).toEqual([1, 1, 2]);
    const next = await certText(c3.id);
    expect(next).toContain('认定证书');
    expect(next).toContain(`持证单位：${c3.hostUnit}`);
    expect(next).toContain(`经专家评审和社会公示，认定为${c3.name}。特此发证。`);
    expect(next).toContain('有效期自2026年11月20日至2029年11月19日');
    expect(next).not.toContain('特发此证');

    // A further edit (version 3) and restore-default (version 4): the second batch still reprints version 2.
    await desk.call('templates.save', {
      id: 'certificate',
      parts: { ...saved.parts, body: '经评审，认定为{中心名称}。\n特此发证（第三版）。' },
      baseVersion: 2,
    });
    const restored = await desk.call('templates.restoreDefault', { id: 'certificate' });
    expect(restored.version).toBe(4);
    expect(restored.edited).toBe(false);
    expect(await certText(c3.id)).toBe(next);
    const batch2 = flat(pdfText((await desk.call('centers.certificatesPdf', { batchId: '2026-2', fileType: 'pdf' })).path));
    expect(batch2).toContain('特此发证。');
    expect(batch2).not.toContain('第三版');
    // Every edit is in the audit log.
    const audit = await desk.call('audit.list', { limit: 300 });
    expect(audit.filter((e) => e.entity === 'template:certificate').map((e) => e.method)).toEqual(
      expect.arrayContaining(['decision.create', 'templates.save', 'templates.restoreDefault']),
    );
  }, 120_000);

  it('refuses an unknown placeholder by name (also a notice-only one such as {联系方式})', async () => {
    const base = await desk.call('templates.get', { id: 'certificate' });
    for (const name of ['认定日期', '联系方式']) {
      const e = await fail(
        desk.invoke('templates.save', { id: 'certificate', parts: { ...base.parts, body: `${base.parts.body!}\n{${name}}` } }),
      );
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.message).toContain(`{${name}}`);
      expect((e as { details?: { placeholder?: string } }).details?.placeholder).toBe(name);
    }
    const p = await fail(desk.invoke('templates.preview', { id: 'certificate', parts: { ...base.parts, validity: '有效期至{截止日期}' } }));
    expect(p.message).toContain('{截止日期}');
    expect((await desk.call('templates.get', { id: 'certificate' })).versions).toEqual([]);
  });

  it('refuses a text too long for the certificate, naming the template and the line, at save and at print', async () => {
    const base = await desk.call('templates.get', { id: 'certificate' });
    const longBody = Array.from({ length: 12 }, () => '经评审，认定为{中心名称}，依托{依托单位}建设，特发此证。').join('\n');
    const body = await fail(desk.invoke('templates.save', { id: 'certificate', parts: { ...base.parts, body: longBody } }));
    expect(body.code).toBe('INVALID_INPUT');
    expect(body.message).toContain('文书模板“证书”的正文过长');
    expect(body.message).toContain('超出文字框');
    expect((body as { details?: { field?: string } }).details?.field).toBe('body');
    const validity = await fail(
      desk.invoke('templates.save', {
        id: 'certificate',
        parts: {
          ...base.parts,
          validity: `${base.parts.validity!}，有效期满前三个月内可申请复核，复核通过的有效期延续三年，逾期不申请的证书自动失效`,
        },
      }),
    );
    expect(validity.message).toContain('文书模板“证书”的有效期行过长');
    // The preview says the same, and nothing was stored.
    expect(
      (await fail(desk.invoke('templates.preview', { id: 'certificate', parts: { ...base.parts, body: longBody } }))).message,
    ).toContain('正文过长');
    expect((await desk.call('templates.get', { id: 'certificate' })).versions).toEqual([]);

    // At print (a stored version too long for this long holder name): the template and its version are named.
    const holder = '福建省福州市闽江口纺织化纤与新材料产业技术创新战略联盟暨知识产权综合服务有限公司';
    const input: CertificateInput = {
      certificateNumber: 'FZIPC-2026-009',
      hostUnit: holder,
      centerName: '福州市纺织化纤产业知识产权协同保护与运营中心',
      validFrom: '2026-10-12',
      validUntil: '2029-10-11',
      authority: '福州市市场监督管理局',
      issuedOn: '2026-10-12',
      wording: {
        parts: { ...base.parts, body: Array.from({ length: 6 }, () => '依托{依托单位}建设的{中心名称}，经评审予以认定。').join('\n') },
        version: 3,
      },
    };
    await expect(renderCertificate(input, { fonts })).rejects.toThrow(
      /文书模板“证书”（第3版）的正文过长.*请在“设置 › 文书模板 › 证书”中删减文字/,
    );
  });

  it('the preview is the real landscape certificate with the seal place, worded by the draft', async () => {
    const base = await desk.call('templates.get', { id: 'certificate' });
    const preview = await desk.call('templates.preview', { id: 'certificate', parts: { ...base.parts, title: '荣誉证书' } });
    expect(preview.pages).toBe(1);
    expect(preview.warnings).toEqual([]);
    const file = path.join(t.dir, 'preview.pdf');
    writeFileSync(file, Buffer.from(preview.pdfBase64, 'base64'));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.2\d/);
    const text = flat(pdfText(file));
    expect(text).toContain('荣誉证书');
    expect(text).toContain('经评审，认定为福州市电子信息产业知识产权协同保护与运营中心。特发此证。');
    expect(text).toContain('编号：FZIPC-2026-001');
    const list = await desk.call('templates.list', {});
    expect(list.find((x) => x.id === 'certificate')).toMatchObject({ label: '证书', kindLabel: '证书（横版）', version: 1 });
  });
});
