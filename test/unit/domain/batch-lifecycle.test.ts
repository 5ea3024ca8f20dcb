import { describe, expect, it } from 'vitest';
import type { BatchStatus } from '../../../electron/core/contract/batches.js';
import {
  BATCH_OPERATIONS,
  batchDeletionBlockers,
  BATCH_RULES,
  BATCH_STATUS_ORDER,
  allowedBatchOperations,
  batchStep,
  directStatusRefusal,
  operationTo,
  type BatchOperation,
} from '../../../electron/core/domain/batch-lifecycle.js';

const batch = (status: BatchStatus) => ({ year: 2025, sequence: 1, status });

/** Run operations in order from `from`; throws the refusal. */
function run(from: BatchStatus, ...ops: BatchOperation[]): BatchStatus {
  let status = from;
  for (const op of ops) {
    const step = batchStep(batch(status), op);
    if (!step.ok) throw new Error(step.message);
    status = step.to;
  }
  return status;
}

describe('batch state machine', () => {
  it('goes open → closed → reviewing → publicity → designated only through its actions', () => {
    expect(run('open', 'closeIntake')).toBe('closed');
    expect(run('open', 'closeIntake', 'reopenIntake')).toBe('open');
    expect(run('open', 'closeIntake', 'assignReview', 'startPublicity', 'designate')).toBe('designated');
    // the first assignment starts the review straight from 受理中 (intake ends with it)
    expect(run('open', 'assignReview')).toBe('reviewing');
    // a second assignment round stays in 评审中 and changes nothing
    expect(batchStep(batch('reviewing'), 'assignReview')).toEqual({ ok: true, to: 'reviewing', changes: false });
  });

  it('every status-changing action has exactly one target, and the only way into each later status is its action', () => {
    const targets = BATCH_OPERATIONS.filter((op) => BATCH_RULES[op].to).map((op) => [op, BATCH_RULES[op].to]);
    expect(targets).toEqual([
      ['closeIntake', 'closed'],
      ['reopenIntake', 'open'],
      ['assignReview', 'reviewing'],
      ['startPublicity', 'publicity'],
      ['withdrawPublicity', 'reviewing'],
      ['designate', 'designated'],
    ]);
    expect(operationTo('open', 'closed')).toBe('closeIntake');
    expect(operationTo('closed', 'open')).toBe('reopenIntake');
    expect(operationTo('closed', 'reviewing')).toBe('assignReview');
    expect(operationTo('reviewing', 'publicity')).toBe('startPublicity');
    expect(operationTo('publicity', 'designated')).toBe('designate');
    // the one way back: 撤回公示 before designation
    expect(operationTo('publicity', 'reviewing')).toBe('withdrawPublicity');
    // no other way back, no skipping
    for (const [from, to] of [
      ['designated', 'open'],
      ['designated', 'publicity'],
      ['designated', 'reviewing'],
      ['reviewing', 'open'],
      ['reviewing', 'closed'],
      ['open', 'designated'],
      ['open', 'publicity'],
      ['closed', 'designated'],
    ] as const) {
      expect(operationTo(from, to), `${from} → ${to}`).toBeUndefined();
    }
  });

  it('a designated batch allows nothing but reprints and corrections with a reason', () => {
    expect(allowedBatchOperations('designated')).toEqual(['correctDetails', 'printNotice']);
    expect(allowedBatchOperations('publicity')).toEqual([
      'correctDetails',
      'printNotice',
      'withdrawPublicity',
      'handleObjection',
      'designate',
    ]);
    expect(allowedBatchOperations('open')).toEqual(
      expect.arrayContaining(['registerApplication', 'editDetails', 'closeIntake', 'setPanel', 'assignReview']),
    );
    expect(allowedBatchOperations('open')).not.toContain('startPublicity');
    expect(allowedBatchOperations('closed')).not.toContain('registerApplication');
    expect(allowedBatchOperations('reviewing')).not.toContain('registerApplication');
    expect(allowedBatchOperations('reviewing')).not.toContain('editDetails');
    // printing a notice again passes in every status
    for (const s of BATCH_STATUS_ORDER) expect(batchStep(batch(s), 'printNotice').ok).toBe(true);
  });

  it('refusals are Chinese sentences naming the batch and its current state', () => {
    const panel = batchStep(batch('designated'), 'setPanel');
    expect(panel).toEqual({ ok: false, message: '批次“2025年第一批”已认定，不能再修改评审专家组。' });
    const publicity = batchStep(batch('open'), 'startPublicity');
    expect(publicity.ok).toBe(false);
    if (!publicity.ok)
      expect(publicity.message).toBe(
        '批次“2025年第一批”正在受理申报，不能发起公示。请先在“专家评审”中分配评审任务（分配后批次进入“评审中”）。',
      );
    const late = batchStep(batch('closed'), 'registerApplication');
    if (!late.ok) expect(late.message).toBe('批次“2025年第一批”已截止受理，不能再登记新的申报。如确需补登，请先在“申报批次”中恢复受理。');
    expect(late.ok).toBe(false);
    const twice = batchStep(batch('closed'), 'closeIntake');
    if (!twice.ok) expect(twice.message).toBe('批次“2025年第一批”已截止受理，无需再次截止。');
    const early = batchStep(batch('reviewing'), 'handleObjection');
    if (!early.ok) expect(early.message).toBe('批次“2025年第一批”正在专家评审，不能登记或处理公示异议。异议只在公示期间登记。');
    const reopen = batchStep(batch('designated'), 'reopenIntake');
    if (!reopen.ok) expect(reopen.message).toBe('批次“2025年第一批”已认定，不能再恢复受理。');
    expect([early.ok, reopen.ok]).toEqual([false, false]);
  });

  it('a status asked for directly: the current one passes, others are refused naming the state and the action to use', () => {
    expect(directStatusRefusal(batch('designated'), 'designated')).toBeUndefined();
    expect(directStatusRefusal(batch('designated'), 'open')).toBe(
      '批次“2025年第一批”当前为“已认定”，状态不能直接改为“受理中”。批次一旦进入评审，就不能再恢复受理。',
    );
    expect(directStatusRefusal(batch('open'), 'designated')).toBe(
      '批次“2025年第一批”当前为“受理中”，状态不能直接改为“已认定”。批次只在公示期满、作出认定决定时成为“已认定”。',
    );
    expect(directStatusRefusal(batch('open'), 'closed')).toBe(
      '批次“2025年第一批”当前为“受理中”，状态不能直接改为“已截止”。请使用“截止受理”（申报批次）。',
    );
    expect(directStatusRefusal(batch('reviewing'), 'publicity')).toContain('请使用“发起公示”（公示与认定）');
    for (const from of BATCH_STATUS_ORDER)
      for (const to of BATCH_STATUS_ORDER) {
        const refusal = directStatusRefusal(batch(from), to);
        if (from === to) expect(refusal).toBeUndefined();
        else expect(refusal, `${from} → ${to}`).toMatch(/^批次“2025年第一批”当前为“.+”，状态不能直接改为“.+”。.+。$/u);
      }
  });

  it('撤回公示 only while 公示中; refused after designation and before publicity, naming the state', () => {
    expect(batchStep(batch('publicity'), 'withdrawPublicity')).toEqual({ ok: true, to: 'reviewing', changes: true });
    const late = batchStep(batch('designated'), 'withdrawPublicity');
    expect(late).toEqual({ ok: false, message: '批次“2025年第一批”已认定，认定决定已作出，公示不能再撤回。' });
    const early = batchStep(batch('reviewing'), 'withdrawPublicity');
    expect(early).toEqual({ ok: false, message: '批次“2025年第一批”正在专家评审，不能撤回公示。批次尚未发起公示。' });
  });

  it('删除批次: only an open or closed batch that holds nothing; blockers name what it holds', () => {
    expect(batchStep(batch('open'), 'deleteBatch').ok).toBe(true);
    expect(batchStep(batch('closed'), 'deleteBatch').ok).toBe(true);
    for (const s of ['reviewing', 'publicity', 'designated'] as const) {
      const step = batchStep(batch(s), 'deleteBatch');
      expect(step.ok, s).toBe(false);
      if (!step.ok) expect(step.message).toContain('不能再删除批次');
    }
    const empty = { applications: 0, assignments: 0, scoreSheets: 0, issuedPackages: 0, publicity: false, decision: false };
    expect(batchDeletionBlockers(empty)).toEqual([]);
    expect(batchDeletionBlockers({ ...empty, applications: 2 })).toEqual(['已登记2份申报（含草稿）']);
    expect(batchDeletionBlockers({ ...empty, issuedPackages: 1, publicity: true })).toEqual(['已导出1个评审包', '已发起过公示']);
  });
});
