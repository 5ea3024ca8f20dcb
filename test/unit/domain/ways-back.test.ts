/** Ways back (issue 13 item 2): the pure rules of 撤回公示, 作废 and 代录 without a change. */
import { describe, expect, it } from 'vitest';
import { publicityWithdrawalRefusal } from '../../../electron/core/domain/publicity.js';
import { VOID_CONSEQUENCES, voidRefusal, voidStampLines } from '../../../electron/core/domain/voiding.js';
import { enteredSheetVersion } from '../../../electron/core/domain/score-sheet.js';
import { yearOfDocNumber } from '../../../electron/core/contract/years.js';

describe('撤回公示', () => {
  it('allowed while a publicity is running and no decision exists', () => {
    expect(publicityWithdrawalRefusal({ publicity: { startsOn: '2026-09-28' } })).toBeNull();
  });
  it('refused after designation, naming the decision, and when there is no publicity', () => {
    expect(publicityWithdrawalRefusal({ publicity: { startsOn: '2026-09-28' }, decision: { docNumber: '榕市监知〔2026〕3号' } })).toBe(
      '已作出认定决定（榕市监知〔2026〕3号），公示不能再撤回。',
    );
    expect(publicityWithdrawalRefusal({})).toBe('该批次当前没有进行中的公示，无需撤回。');
  });
});

describe('作废', () => {
  const voided = { at: '2026-10-09T16:30:00.000Z', by: '张三', reason: '单位名称打错' };
  it('a numbered document can be voided once, by its own number', () => {
    expect(voidRefusal({ docNumber: '榕市监知〔2026〕3号' }, '榕市监知〔2026〕3号')).toBeNull();
    expect(voidRefusal({}, '榕市监知〔2026〕3号')).toBe('该文书尚未编号（尚未打印），没有可作废的文号。');
    expect(voidRefusal({ docNumber: '榕市监知〔2026〕3号' }, '榕市监知〔2026〕4号')).toContain('不是 榕市监知〔2026〕4号');
    // voided twice: refused, naming when (bureau time: 16:30 UTC is 00:30 next day in UTC+8), who and why
    expect(voidRefusal({ docNumber: '榕市监知〔2026〕3号', voided }, '榕市监知〔2026〕3号')).toBe(
      '榕市监知〔2026〕3号 已于2026年10月10日 00:30由张三作废（理由：单位名称打错），不能重复作废。',
    );
  });
  it('the stamp prints the reason, bureau time and operator', () => {
    expect(voidStampLines(voided)).toEqual({
      mark: '作废',
      lines: ['作废理由：单位名称打错', '作废时间：2026年10月10日 00:30', '经办人：张三'],
    });
  });
  it('says for every kind that the act stands', () => {
    for (const text of Object.values(VOID_CONSEQUENCES)) expect(text).toMatch(/^作废只注销这份.+，不.+。$/u);
  });
  it('reads the year of a 发文字号', () => {
    expect(yearOfDocNumber('榕市监知〔2027〕12号')).toBe(2027);
    expect(yearOfDocNumber('FZIPC-2026-001')).toBeNull();
  });
});

describe('代录 without a change makes no new version', () => {
  const stored = { version: 2, templateVersion: 1, scores: { a: 10, b: 20.5 }, comment: '材料完整，建议通过', recommendation: 'recommend' };
  it('the same values (comment trimmed) → null', () => {
    expect(enteredSheetVersion(stored, { ...stored, comment: ' 材料完整，建议通过 ', scores: { b: 20.5, a: 10 } })).toBeNull();
  });
  it('any change → the next version; a first entry is version 1', () => {
    expect(enteredSheetVersion(stored, { ...stored, scores: { a: 10, b: 21 } })).toBe(3);
    expect(enteredSheetVersion(stored, { ...stored, comment: '材料完整，建议通过。' })).toBe(3);
    expect(enteredSheetVersion(stored, { ...stored, recommendation: 'notRecommend' })).toBe(3);
    expect(enteredSheetVersion(stored, { ...stored, signedOn: '2026-10-01' })).toBe(3);
    expect(enteredSheetVersion(stored, { ...stored, templateVersion: 2 })).toBe(3);
    expect(enteredSheetVersion(stored, { ...stored, scores: { a: 10 } })).toBe(3);
    expect(enteredSheetVersion(undefined, stored)).toBe(1);
  });
});
