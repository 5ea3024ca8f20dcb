import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DeskError } from '../../../electron/core/contract/errors.js';
import { Text } from '../../../electron/core/contract/text.js';
import { CreateApplicationInput } from '../../../electron/core/contract/applications/methods.js';
import { loadFontSet } from '../../../electron/core/documents/fonts/registry.js';
import { assertPrintable, printedTexts } from '../../../electron/core/rpc/printable.js';
import { unprintableChars, unprintableMessage } from '../../../electron/core/documents/fonts/coverage.js';

describe('printed free text is checked against the fonts the documents use', () => {
  it('finds every printed Text() string of a parsed input, with its path, and skips file names and ids', () => {
    const schema = z.object({
      id: z.string(),
      fileName: Text({ label: '文件名', max: 50, printed: false }).optional(),
      applicant: z.object({ name: Text({ label: '单位名称', max: 50 }) }).partial(),
      team: z.array(z.object({ name: Text({ label: '成员姓名', max: 10 }).default('') })),
      notes: z.record(z.string(), Text({ label: '备注', max: 10 })),
    });
    const value = schema.parse({ id: 'x', fileName: 'a.pdf', applicant: { name: '甲' }, team: [{ name: '乙' }, {}], notes: { k: '丙' } });
    expect(printedTexts(schema, value).map((t) => [t.path.join('.'), t.label, t.value])).toEqual([
      ['applicant.name', '单位名称', '甲'],
      ['team.0.name', '成员姓名', '乙'],
      ['team.1.name', '成员姓名', ''],
      ['notes.k', '备注', '丙'],
    ]);
  });

  it('a character no font has is refused as INVALID_INPUT naming the field and the character; common text passes', () => {
    const fonts = loadFontSet({ preferSystem: false });
    expect(unprintableChars('福州市鼓楼区 ABC（有限）公司', fonts)).toEqual([]);
    expect(unprintableChars('福州𠈌科技𠈌', fonts)).toEqual(['𠈌']);
    expect(unprintableMessage('单位名称', ['𠈌'])).toBe('单位名称中的“𠈌”（U+2020C）无法打印：本机字体不含此字。');
    const input = CreateApplicationInput.parse({
      batchId: '2026-1',
      applicant: { name: '福州𠈌科技有限公司', uscc: '91350100MA0000001P' },
    });
    let caught: unknown;
    try {
      assertPrintable(CreateApplicationInput, input, fonts);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(DeskError);
    const err = caught as DeskError;
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toContain('单位名称中的“𠈌”（U+2020C）无法打印');
    expect(err.details).toEqual([
      { path: ['applicant', 'name'], message: '单位名称中的“𠈌”（U+2020C）无法打印：本机字体不含此字。', chars: ['𠈌'] },
    ]);
    expect(() =>
      assertPrintable(
        CreateApplicationInput,
        CreateApplicationInput.parse({ batchId: '2026-1', applicant: { name: '福州科技有限公司', uscc: 'x' } }),
        fonts,
      ),
    ).not.toThrow();
  });
});
