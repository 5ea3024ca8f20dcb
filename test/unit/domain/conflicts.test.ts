import { describe, expect, it } from 'vitest';
import { conflictFindings, conflictTag, findConflicts, normaliseOrgName } from '../../../electron/core/domain/conflicts.js';

const app = { name: '福州数科信息技术有限公司', uscc: '91350100M000100Y43' };

describe('conflicts of interest', () => {
  it('normalises width, spaces and 有限责任公司', () => {
    expect(normaliseOrgName(' 福州ＡＢＣ 科技有限责任公司 ')).toBe(normaliseOrgName('福州ABC科技有限公司'));
  });
  it('same organisation name (normalised)', () => {
    expect(findConflicts({ organisation: '福州数科信息技术有限责任公司', declaredConflicts: [] }, app)[0]).toContain('同一单位');
    expect(findConflicts({ organisation: '福州大学', declaredConflicts: [] }, app)).toEqual([]);
  });
  it('same USCC, even under another name', () => {
    expect(findConflicts({ organisation: '数科公司', organisationUscc: '91350100m000100y43', declaredConflicts: [] }, app)[0]).toContain(
      '统一社会信用代码与申报单位相同',
    );
  });
  it('declared conflicts by name, by part of the name, or by USCC', () => {
    expect(findConflicts({ organisation: '福州大学', declaredConflicts: ['福州数科信息技术有限公司'] }, app)[0]).toContain('专家申报回避');
    expect(findConflicts({ organisation: '福州大学', declaredConflicts: ['福州数科'] }, app)[0]).toContain('相关');
    expect(findConflicts({ organisation: '福州大学', declaredConflicts: ['９１３５０１００Ｍ０００１００Ｙ４３'] }, app)[0]).toContain(
      '即申报单位',
    );
    expect(findConflicts({ organisation: '福州大学', declaredConflicts: ['厦门某公司', '数科'] }, app)).toEqual([]);
  });
  it('each conflict carries a reason code with its sentence', () => {
    const expert = { organisation: '福州数科信息技术有限公司', organisationUscc: '91350100M000100Y43', declaredConflicts: ['福州数科'] };
    expect(conflictFindings(expert, app).map((f) => f.reason)).toEqual(['sameOrganisation', 'sameUscc', 'declared']);
    expect(conflictFindings(expert, app).map((f) => f.text)).toEqual(findConflicts(expert, app));
    expect(conflictFindings({ organisation: '福州大学', declaredConflicts: ['91350100M000100Y43'] }, app)).toEqual([
      { reason: 'declared', text: expect.stringContaining('即申报单位') },
    ]);
  });
  it('a declared conflict is worded as declared, naming the declared unit (never “本人申报”)', () => {
    const tags = (declared: string) =>
      conflictFindings({ organisation: '福州大学', declaredConflicts: [declared] }, app).map((f) => conflictTag(f.reason, f.text));
    expect(tags('福州数科信息技术有限公司')).toEqual(['回避：专家申报的利害关系（福州数科信息技术有限公司）']);
    expect(tags('福州数科')).toEqual(['回避：专家申报的利害关系（福州数科）']);
    expect(tags('91350100M000100Y43')).toEqual(['回避：专家申报的利害关系（91350100M000100Y43）']);
    expect(conflictTag('declared', '专家申报回避')).toBe('回避：专家申报的利害关系');
    expect(conflictTag('sameOrganisation', '专家工作单位“福州数科信息技术有限公司”与申报单位为同一单位')).toBe('回避：同单位');
    expect(conflictTag(undefined, '旧记录')).toBe('回避：利益冲突');
  });
});
