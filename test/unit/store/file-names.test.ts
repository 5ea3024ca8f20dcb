/** File names within 255 bytes: export names shortened by whole characters, temp names beside any name. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileDurable } from '../../../electron/core/store/durable-file.js';
import { writeFileAtomic } from '../../../electron/core/exchange/atomic-file.js';
import { safeFileName, writeExport } from '../../../electron/core/store/exports.js';
import { fitName, NAME_MAX_BYTES, SAFE_NAME_BYTES, tempFileName, truncateToBytes } from '../../../electron/core/store/file-names.js';

const bytes = (s: string): number => Buffer.byteLength(s);
/** No lone surrogate: every character survived whole. */
const whole = (s: string): boolean => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe('file names within 255 bytes', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'names-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('shortens only the variable part, keeping the title, the number and the extension', () => {
    const unit = '闽'.repeat(100); // 300 bytes: the longest unit name the schema allows
    const name = safeFileName(['受理通知书-', { shorten: unit }, '-榕市监知〔2026〕12号.pdf']);
    expect(bytes(name)).toBeLessThanOrEqual(SAFE_NAME_BYTES);
    expect(name).toMatch(/^受理通知书-闽+…-榕市监知〔2026〕12号\.pdf$/);
    // as long as it can be: one more character would not fit
    expect(bytes(name) + bytes('闽')).toBeGreaterThan(SAFE_NAME_BYTES);
    // a name that fits is left alone
    expect(safeFileName(['受理通知书-', { shorten: '福州某某公司' }, '-1号.pdf'])).toBe('受理通知书-福州某某公司-1号.pdf');
  });

  it('never splits a character: astral ideographs, emoji and accents stay whole', () => {
    for (const unit of ['𠈌'.repeat(80), '👨‍👩‍👧'.repeat(30), 'e\u0301'.repeat(150), `a${'𠈌'.repeat(70)}`]) {
      const name = safeFileName(['通知-', { shorten: unit }, '-1号.pdf']);
      expect(bytes(name)).toBeLessThanOrEqual(SAFE_NAME_BYTES);
      expect(whole(name)).toBe(true);
      expect(name.endsWith('…-1号.pdf')).toBe(true);
      const kept = name.slice('通知-'.length, -'…-1号.pdf'.length);
      expect(unit.startsWith(kept)).toBe(true);
      expect(/\u0301$/.test(kept) || !kept.endsWith('e')).toBe(true); // no accent cut off its letter
    }
    expect(truncateToBytes('a𠈌b', 4)).toBe('a');
  });

  it('a plain string is cut before its extension; unsafe characters are replaced', () => {
    const name = safeFileName(`${'某'.repeat(120)}.xlsx`);
    expect(bytes(name)).toBeLessThanOrEqual(SAFE_NAME_BYTES);
    expect(name.endsWith('….xlsx')).toBe(true);
    expect(safeFileName('a/b:c*?.pdf')).toBe('a_b_c__.pdf');
    expect(safeFileName('...')).toBe('export');
  });

  it('when fixed parts alone are too long, the name is still cut to fit with its extension', () => {
    const name = fitName([`${'长'.repeat(90)}-`, { shorten: '某单位' }, '.pdf'], SAFE_NAME_BYTES);
    expect(bytes(name)).toBeLessThanOrEqual(SAFE_NAME_BYTES);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it('temp names beside a 255-byte file stay within 255 bytes', () => {
    const longest = `${'闽'.repeat(83)}.p`; // 251 bytes
    expect(bytes(tempFileName(longest, '12345.999999'))).toBeLessThanOrEqual(NAME_MAX_BYTES);
  });

  it('writeFileDurable and writeFileAtomic write a file whose name is 250 bytes (the temp name used to exceed 255)', async () => {
    const name = `${'闽'.repeat(82)}.pdf`; // 250 bytes
    expect(bytes(name)).toBe(250);
    await writeFileDurable(path.join(dir, name), 'durable');
    expect(readFileSync(path.join(dir, name), 'utf8')).toBe('durable');
    const other = `${'榕'.repeat(82)}.zip`;
    await writeFileAtomic(path.join(dir, other), Buffer.from('atomic'));
    expect(readFileSync(path.join(dir, other), 'utf8')).toBe('atomic');
    expect(readdirSync(dir).sort()).toEqual([name, other].sort());
  });

  it('writeExport: a 300-byte unit name and its second copy both land within 255 bytes', async () => {
    const parts = ['补正通知书-', { shorten: '榕'.repeat(100) }, '-榕市监知〔2026〕1号.pdf'] as const;
    const first = await writeExport(dir, parts, Buffer.from('1'));
    const second = await writeExport(dir, parts, Buffer.from('2'));
    for (const f of [first, second]) {
      expect(bytes(f.fileName)).toBeLessThanOrEqual(NAME_MAX_BYTES);
      expect(f.fileName.endsWith('.pdf')).toBe(true);
      expect(f.fileName).toContain('榕市监知〔2026〕1号');
    }
    expect(second.fileName).not.toBe(first.fileName);
    expect(readFileSync(first.path, 'utf8')).toBe('1');
    expect(readFileSync(second.path, 'utf8')).toBe('2');
  });
});
