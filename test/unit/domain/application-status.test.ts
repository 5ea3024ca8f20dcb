import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  canEdit,
  returnToDraftRefusal,
  transition,
  type ApplicationStatus,
  type StatusAction,
} from '../../../electron/core/domain/application-status.js';

const run = (from: ApplicationStatus, ...actions: StatusAction[]): ApplicationStatus => {
  let s = from;
  for (const a of actions) {
    const t = transition(s, a);
    if (!t.ok) throw new Error(t.message);
    s = t.to;
  }
  return s;
};

describe('application status machine', () => {
  it('draft → submitted → accepted', () => {
    expect(run('draft', 'submit', 'accept')).toBe('accepted');
  });

  it('supplement rounds repeat: supplementRequired → submitted → supplementRequired → submitted → accepted', () => {
    expect(run('draft', 'submit', 'requireSupplement', 'submit', 'requireSupplement', 'submit', 'accept')).toBe('accepted');
  });

  it('a rejected application cannot be accepted, and says why in Chinese', () => {
    const t = transition('rejected', 'accept');
    expect(t.ok).toBe(false);
    if (!t.ok) {
      expect(t.message).toContain('不予受理');
      expect(t.message).toContain('不能受理');
      expect(t.message).toContain('已结束');
    }
  });

  it('a draft cannot be reviewed before it is submitted', () => {
    for (const a of ['accept', 'requireSupplement', 'reject'] as const) {
      const t = transition('draft', a);
      expect(t.ok).toBe(false);
      if (!t.ok) expect(t.message).toContain('当前只能提交');
    }
  });

  it('awaiting supplement cannot be accepted directly, but can be rejected (deadline missed)', () => {
    expect(transition('supplementRequired', 'accept').ok).toBe(false);
    expect(run('supplementRequired', 'reject')).toBe('rejected');
  });

  it('accepted is final for formal review', () => {
    expect(allowedActions('accepted')).toEqual([]);
    expect(transition('accepted', 'reject').ok).toBe(false);
    expect(transition('accepted', 'submit').ok).toBe(false);
  });

  it('only drafts and applications awaiting a supplement are editable', () => {
    expect(canEdit('draft')).toBe(true);
    expect(canEdit('supplementRequired')).toBe(true);
    expect(canEdit('submitted')).toBe(false);
    expect(canEdit('accepted')).toBe(false);
    expect(canEdit('rejected')).toBe(false);
  });

  it('退回修改: only 已提交 (formal review not concluded) goes back to 草稿; every other state is refused naming it', () => {
    expect(run('draft', 'submit', 'returnToDraft')).toBe('draft');
    expect(run('draft', 'submit', 'requireSupplement', 'submit', 'returnToDraft', 'submit', 'accept')).toBe('accepted');
    expect(returnToDraftRefusal('submitted')).toBeNull();
    expect(returnToDraftRefusal('accepted')).toBe(
      '申报当前状态为“已受理”，不能退回修改。形式审查已结束（已受理），只有已提交、尚未作出形式审查结论的申报可以退回。',
    );
    expect(returnToDraftRefusal('rejected')).toContain('形式审查已结束（不予受理）');
    expect(returnToDraftRefusal('supplementRequired')).toContain('申报单位已可修改');
    expect(returnToDraftRefusal('draft')).toContain('申报仍是草稿');
    for (const s of ['draft', 'accepted', 'rejected', 'supplementRequired'] as const)
      expect(transition(s, 'returnToDraft').ok, s).toBe(false);
  });
});
