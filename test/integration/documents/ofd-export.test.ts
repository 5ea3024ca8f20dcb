/**
 * OFD (GB/T 33190-2016) of the 认定通知 and the certificates, exported through the API beside the PDF and
 * read back with code the writer does not use (strict zip reader, @xmldom/xmldom, fontkit, pdftotext -bbox):
 * package structure and element names, IDs and MaxUnitID, DeltaX against the embedded fonts' advances,
 * subset fonts holding every printed character, the seal picture, and text where the PDF has it (within 1 mm).
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../../electron/core/app.js';
import type { Center } from '../../../electron/core/contract/designation.js';
import { tempDir, testClock } from '../../helpers/temp.js';
import { ok } from '../../helpers/applications.js';
import { scoredBatch } from '../../helpers/designation.js';
import { children, first, readOfd } from '../../helpers/ofd.js';
import { expectFontsMatch, expectSamePositions, expectWellFormed } from './ofd-checks.js';

/** A 1×1 red PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('OFD export of the 认定通知 and certificates', () => {
  const t = tempDir();
  const clock = testClock('2026-03-10T02:00:00.000Z');
  let desk: Desk;
  let center: Center;
  beforeAll(async () => {
    desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now, log: () => undefined });
    await scoredBatch(desk, [
      { name: '福州闽江纺织科技有限公司', total: 85, industry: '纺织化纤' },
      { name: '福建数科信息技术股份有限公司', total: 88, industry: '软件信息' },
    ]);
    clock.set('2026-09-27T02:00:00.000Z');
    await ok(desk.invoke('publicity.create', { batchId: '2026-1', startsOn: '2026-09-28' }));
    clock.set('2026-10-12T02:00:00.000Z');
    center = (await desk.call('decision.create', { batchId: '2026-1', decidedOn: '2026-10-12' })).centers[0]!;
  });
  afterAll(async () => {
    await desk.close();
    t.cleanup();
  });

  it('writes the 认定通知 as OFD with the issued number, laid out like the PDF', async () => {
    const view = await desk.call('publicity.get', { batchId: '2026-1' });
    const docNumber = view.decision!.docNumber;
    const pdf = await desk.call('decision.noticePdf', { batchId: '2026-1' });
    const file = await desk.call('decision.noticePdf', { batchId: '2026-1', fileType: 'ofd' });
    expect(file.fileName).toBe(`认定通知-${docNumber}.ofd`);
    // No second number: the decision keeps its one.
    expect((await desk.call('publicity.get', { batchId: '2026-1' })).decision!.docNumber).toBe(docNumber);
    const o = await readOfd(fs.readFileSync(file.path));
    expectWellFormed(o);
    expectFontsMatch(o);
    const info = first(o.xml('OFD.xml'), 'DocInfo');
    expect(first(info, 'DocID').textContent).toMatch(/^[0-9a-f]{32}$/);
    expect(first(info, 'Subject').textContent).toBe(docNumber);
    expect(first(info, 'CreationDate').textContent).toBe('2026-10-12');
    expect(first(o.xml('Doc_0/Document.xml'), 'PhysicalBox').textContent).toBe('0 0 210 297');
    const text = o
      .chars()
      .map((c) => c.char)
      .join('');
    expect(text).toContain(docNumber);
    expect(text).toContain('福州市市场监督管理局文件');
    // The red mark and the red rule under the number keep their colour.
    const page1 = o.pages[0]!.doc;
    const red = children(page1, 'TextObject').filter((x) => first(x, 'FillColor').getAttribute('Value') === '230 0 18');
    expect(red.map((x) => first(x, 'TextCode').textContent).join('')).toContain('福州市市场监督管理局文件');
    expect(children(page1, 'PathObject').some((x) => first(x, 'StrokeColor').getAttribute('Value') === '230 0 18')).toBe(true);
    expect(o.pages.length).toBeGreaterThanOrEqual(3);
    expectSamePositions(pdf.path, o.chars());
  });

  it('writes a certificate as OFD with its frame, the seal picture and the same text positions', async () => {
    const stage = async (name: string, data: Buffer) => (await desk.call('files.stage', { name, data: new Uint8Array(data) })).uploadId;
    await desk.call('settings.setSeal', { uploadId: await stage('公章.png', PNG) });
    const pdf = await desk.call('centers.certificatePdf', { centerId: center.id });
    const file = await desk.call('centers.certificatePdf', { centerId: center.id, fileType: 'ofd' });
    expect(file.fileName).toBe(`证书-${center.certificateNumber}.ofd`);
    const o = await readOfd(fs.readFileSync(file.path));
    expectWellFormed(o);
    expectFontsMatch(o);
    expect(first(o.xml('Doc_0/Document.xml'), 'PhysicalBox').textContent).toBe('0 0 297 210');
    // The seal: an ImageObject whose resource is the PNG, semi-opaque.
    const img = first(o.pages[0]!.doc, 'ImageObject');
    const media = first(o.xml('Doc_0/DocumentRes.xml'), 'MultiMedia');
    expect(img.getAttribute('ResourceID')).toBe(media.getAttribute('ID'));
    expect(o.entries.get(`Doc_0/Res/${first(media, 'MediaFile').textContent}`)!.equals(PNG)).toBe(true);
    expect(Number(img.getAttribute('Alpha'))).toBe(217);
    expect(children(o.pages[0]!.doc, 'PathObject').length).toBe(11); // three frames, four brackets, four diamonds
    expect(
      o
        .chars()
        .map((c) => c.char)
        .join(''),
    ).toContain(center.certificateNumber);
    expectSamePositions(pdf.path, o.chars());

    // The batch: one page per certificate, the seal stored once.
    const batch = await desk.call('centers.certificatesPdf', { batchId: '2026-1', fileType: 'ofd' });
    expect(batch.fileName).toMatch(/^证书-.+-共2份\.ofd$/);
    const b = await readOfd(fs.readFileSync(batch.path));
    expect(b.pages.length).toBe(2);
    expect(b.names.filter((n) => n.startsWith('Doc_0/Res/image_')).length).toBe(1);
    expectWellFormed(b);
  });
});
