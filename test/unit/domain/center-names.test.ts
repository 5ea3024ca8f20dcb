import { describe, expect, it } from 'vitest';
import type { Center } from '../../../electron/core/contract/designation.js';
import { DeskError } from '../../../electron/core/contract/errors.js';
import { assertCenterNamesFree, centerNameClashes, nameClashText } from '../../../electron/core/domain/center-names.js';

const NAME = '福州市纺织化纤产业知识产权协同保护与运营中心';
const held = (over: Partial<Center>) =>
  ({
    id: 'C4',
    name: NAME,
    certificateNumber: 'FZIPC-2026-004',
    status: 'active',
    plaque: { number: 'FZIPC-2026-004', inscription: NAME, authority: '福州市市场监督管理局', dateLine: '二〇二六年十月' },
    ...over,
  }) as Center;

describe('a center name in use is refused', () => {
  it('matches an active or rectifying center by name or by plaque inscription, after width and space normalisation', () => {
    expect(centerNameClashes([{ applicationId: '2026-2-1', name: NAME }], [held({})])).toEqual([
      {
        applicationId: '2026-2-1',
        name: NAME,
        existing: { id: 'C4', name: NAME, certificateNumber: 'FZIPC-2026-004', status: 'active' },
      },
    ]);
    const byPlaque = held({ name: '福州市纺织中心', status: 'rectifying' });
    expect(centerNameClashes([{ applicationId: '2026-2-1', name: ` ${NAME.slice(0, 3)} ${NAME.slice(3)}` }], [byPlaque])).toHaveLength(1);
    expect(
      centerNameClashes([{ applicationId: '2026-2-1', name: '福州市纺织化纤产业知识产权协同保护与运营中心（长乐）' }], [held({})]),
    ).toEqual([]);
  });
  it('a revoked center no longer holds its name', () => {
    expect(centerNameClashes([{ applicationId: '2026-2-1', name: NAME }], [held({ status: 'revoked' })])).toEqual([]);
  });
  it('two entries of one list may not bear the same name', () => {
    const clashes = centerNameClashes(
      [
        { applicationId: '2026-2-1', name: NAME },
        { applicationId: '2026-2-5', name: NAME },
      ],
      [],
    );
    expect(clashes).toEqual([{ applicationId: '2026-2-5', name: NAME, sameAs: '2026-2-1' }]);
    expect(nameClashText(clashes[0]!)).toBe(`申报 2026-2-5 的中心名称“${NAME}”与本名单中的申报 2026-2-1 相同`);
  });
  it('the refusal is a CONFLICT naming the existing center and its certificate number, with the clashes as details', () => {
    let error: unknown;
    try {
      assertCenterNamesFree('认定', [{ applicationId: '2026-2-1', name: NAME }], [held({})]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DeskError);
    const e = error as DeskError;
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toContain(
      `中心名称重复，不能认定：申报 2026-2-1 的中心名称“${NAME}”已被在册中心使用：${NAME}（证书编号FZIPC-2026-004，有效）`,
    );
    expect((e.details as { clashes: unknown[] }).clashes).toHaveLength(1);
    expect(() => assertCenterNamesFree('公示', [{ applicationId: '2026-2-1', name: '福州市另一中心' }], [held({})])).not.toThrow();
  });
});
