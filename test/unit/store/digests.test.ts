/** The remembered-SM3 records (store/digests.ts): written atomically, and anything but a valid record reads as absent. */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AttachmentDigests, digestRecord } from '../../../electron/core/store/digests.js';
import { tempDir } from '../../helpers/temp.js';

const SHA = '0f'.repeat(32);
const OTHER = 'a1'.repeat(32);
const SM3 = '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0'; // GB/T 32905 A.1 ("abc")

describe('AttachmentDigests', () => {
  let t: ReturnType<typeof tempDir>;
  let digests: AttachmentDigests;
  beforeEach(() => {
    t = tempDir();
    digests = new AttachmentDigests(path.join(t.dir, 'digests'));
  });
  afterEach(() => t.cleanup());
  const raw = (text: string | Buffer) => {
    mkdirSync(path.dirname(digests.pathOf(SHA)), { recursive: true });
    writeFileSync(digests.pathOf(SHA), text);
  };

  it('remembers and reads back, under digests/ab/<sha256>, leaving no temp file', async () => {
    expect(await digests.sm3Of(SHA)).toBeNull();
    await digests.remember(SHA, SM3);
    expect(digests.pathOf(SHA)).toBe(path.join(t.dir, 'digests', '0f', SHA));
    expect(await digests.sm3Of(SHA)).toBe(SM3);
    expect(readdirSync(path.join(t.dir, 'digests', '0f'))).toEqual([SHA]);
    await expect(digests.remember(SHA, 'xyz')).rejects.toThrow();
  });

  it('reads junk, an empty file, a flipped digit, a record of another file or an oversized file as absent', async () => {
    for (const text of [
      '',
      'garbage',
      SM3,
      '{"sha256":1}',
      digestRecord(SHA, SM3).replace(/"sm3":"6/, '"sm3":"7'),
      digestRecord(SHA, SM3).replace(/"check":"(.)/, (_, c: string) => `"check":"${c === '0' ? '1' : '0'}`),
      digestRecord(OTHER, SM3),
      digestRecord(SHA, SM3.toUpperCase()),
      `${digestRecord(SHA, SM3)}${' '.repeat(2000)}`,
    ]) {
      raw(text);
      expect(await digests.sm3Of(SHA), JSON.stringify(text.slice(0, 80))).toBeNull();
    }
    raw(Buffer.from([0xff, 0xfe, 0x00]));
    expect(await digests.sm3Of(SHA)).toBeNull();
    raw(digestRecord(SHA, SM3));
    expect(await digests.sm3Of(SHA)).toBe(SM3);
    expect(await digests.sm3Of('not-a-sha')).toBeNull();
  });
});
