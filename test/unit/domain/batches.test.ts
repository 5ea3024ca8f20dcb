import { describe, expect, it } from 'vitest';
import {
  batchQuota,
  nextBatchSequence,
  batchWindowProblems,
  formatChineseDate,
  BATCHES_PER_YEAR,
  batchSequenceText,
  batchLabel,
} from '../../../electron/core/domain/batches.js';
import { batchLabel as recordsBatchLabel } from '../../../electron/core/services/records.js';
import { batchName } from '../../../electron/core/domain/batch-lifecycle.js';
import { bureauDate } from '../../../electron/core/domain/clock.js';
import { sniffFileKind, kindFromName } from '../../../electron/core/domain/file-types.js';

describe('batch rules', () => {
  const b = (year: number, sequence: number) => ({ year, sequence });

  it('allows two batches a year; the third needs a reason (原则上每年不超过两次)', () => {
    expect(BATCHES_PER_YEAR).toBe(2);
    expect(batchQuota([], 2026)).toMatchObject({ count: 0, needsReason: false });
    expect(batchQuota([b(2026, 1)], 2026)).toMatchObject({ count: 1, needsReason: false });
    const third = batchQuota([b(2026, 1), b(2026, 2), b(2025, 1), b(2025, 2)], 2026);
    expect(third).toMatchObject({ count: 2, needsReason: true });
    expect(third.message).toContain('须填写理由');
    expect(batchQuota([b(2025, 1), b(2025, 2)], 2026).needsReason).toBe(false);
  });

  it('numbers batches per year and never reuses a number', () => {
    expect(nextBatchSequence([], 2026)).toBe(1);
    expect(nextBatchSequence([b(2026, 1), b(2026, 3), b(2025, 7)], 2026)).toBe(4);
  });

  it('checks the window', () => {
    expect(batchWindowProblems(2026, '2026-03-01', '2026-03-31')).toEqual([]);
    expect(batchWindowProblems(2026, '2026-03-01', '2026-03-01')).toEqual([]);
    expect(batchWindowProblems(2026, '2026-04-01', '2026-03-01')[0]).toContain('早于');
    expect(batchWindowProblems(2026, '2025-12-01', '2026-01-31')[0]).toContain('不在2026年内');
  });

  it('formats dates the Chinese way without leading zeros', () => {
    expect(formatChineseDate('2026-11-24')).toBe('2026年11月24日');
    expect(formatChineseDate('2026-01-04')).toBe('2026年1月4日');
  });

  it('takes the bureau date in UTC+8', () => {
    expect(bureauDate(new Date('2026-11-24T15:59:59Z'))).toBe('2026-11-24');
    expect(bureauDate(new Date('2026-11-24T16:00:00Z'))).toBe('2026-11-25');
  });
});

describe('file kinds by content', () => {
  it('recognises PDF, PNG, JPG and OOXML by their bytes, not their names', () => {
    expect(sniffFileKind(Buffer.from('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffFileKind(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
    expect(sniffFileKind(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpg');
    expect(sniffFileKind(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....word/document.xml')]))).toBe('docx');
    expect(sniffFileKind(Buffer.from('MZ\x90\x00 this is an exe'))).toBeNull();
    expect(sniffFileKind(Buffer.from('\x7fELF'))).toBeNull();
    expect(kindFromName('申请表.PDF')).toBe('pdf');
  });
});

describe('batchSequenceText', () => {
  it('names a batch within its year as screens and notice titles print it', () => {
    expect([1, 2, 10, 11, 12, 19, 20, 21].map(batchSequenceText)).toEqual([
      '第一批',
      '第二批',
      '第十批',
      '第十一批',
      '第十二批',
      '第十九批',
      '第20批',
      '第21批',
    ]);
  });
});

describe('batchLabel', () => {
  it('is the one form of a batch name: screens, messages, audit entries and documents say 2026年第一批', () => {
    expect(batchLabel({ year: 2026, sequence: 1 })).toBe('2026年第一批');
    expect(batchLabel({ year: 2025, sequence: 12 })).toBe('2025年第十二批');
    // the core's messages (services/records.ts) and the state-machine refusals use the same form
    expect(recordsBatchLabel({ year: 2026, sequence: 2 })).toBe('2026年第二批');
    expect(batchName({ year: 2026, sequence: 1 })).toBe('批次“2026年第一批”');
  });
});
