/**
 * The state machine of a batch (申报批次). Its status changes only through these actions:
 *
 *   open ──closeIntake──▶ closed ──reopenIntake──▶ open
 *   open | closed ──assignReview──▶ reviewing          (the first 评审分配 starts the expert review)
 *   reviewing ──startPublicity──▶ publicity            (发起公示)
 *   publicity ──withdrawPublicity──▶ reviewing         (撤回公示, with a reason, before designation)
 *   publicity ──designate──▶ designated                (认定决定; final)
 *   open | closed ──deleteBatch──▶ (gone)              (删除空批次: no applications, nothing issued; batchDeletionBlockers)
 *
 * Every other write into a batch (its applications, formal review, scores, publicity) is an operation
 * that the batch's status allows or refuses here. Reprints of notices pass in any status; changing the
 * batch's own name or window once the expert review has started is a correction and needs a reason.
 * Pure: no I/O, no clock.
 */
import { BATCH_STATUS_LABELS, BatchOperation as BatchOperationEnum, type BatchStatus } from '../contract/batches.js';
import { batchLabel } from './batches.js';

export type BatchOperation = (typeof BatchOperationEnum.options)[number];
export const BATCH_OPERATIONS: readonly BatchOperation[] = BatchOperationEnum.options;

/** The state as a sentence fragment: 批次“2026年第1批”{已认定}，… */
export const BATCH_STATE_PHRASES: Record<BatchStatus, string> = {
  open: '正在受理申报',
  closed: '已截止受理',
  reviewing: '正在专家评审',
  publicity: '正在公示',
  designated: '已认定',
};

/** The statuses in the order a batch goes through them. */
export const BATCH_STATUS_ORDER: readonly BatchStatus[] = ['open', 'closed', 'reviewing', 'publicity', 'designated'];

interface Rule {
  /** What the person does, as it follows 不能 in a refusal. */
  label: string;
  /** Statuses in which the operation is allowed. */
  allowedIn: readonly BatchStatus[];
  /** Where the operation takes the batch (absent: the status does not change). */
  to?: BatchStatus;
  /** A hint after the refusal, per status it is refused in. */
  hints?: Partial<Record<BatchStatus, string>>;
  /** The whole refusal after the state, where 不能… would read oddly (the batch is already there). */
  already?: Partial<Record<BatchStatus, string>>;
}

const BEFORE_PUBLICITY: readonly BatchStatus[] = ['open', 'closed', 'reviewing'];
const ALL: readonly BatchStatus[] = BATCH_STATUS_ORDER;

const REVIEW_NOT_STARTED = '请先在“专家评审”中分配评审任务（分配后批次进入“评审中”）。';

export const BATCH_RULES: Record<BatchOperation, Rule> = {
  closeIntake: { label: '截止受理', allowedIn: ['open'], to: 'closed', already: { closed: '无需再次截止。' } },
  reopenIntake: { label: '恢复受理', allowedIn: ['closed'], to: 'open', already: { open: '无需恢复受理。' } },
  editDetails: { label: '修改批次名称或受理期限', allowedIn: ['open', 'closed'] },
  correctDetails: { label: '更正批次名称或受理期限', allowedIn: ['reviewing', 'publicity', 'designated'] },
  registerApplication: {
    label: '登记新的申报',
    allowedIn: ['open'],
    hints: { closed: '如确需补登，请先在“申报批次”中恢复受理。' },
  },
  editApplication: { label: '修改申报内容或材料', allowedIn: BEFORE_PUBLICITY },
  formalReview: { label: '办理形式审查', allowedIn: BEFORE_PUBLICITY },
  printNotice: { label: '打印通知书', allowedIn: ALL },
  editScoringTemplate: { label: '修改评分表', allowedIn: BEFORE_PUBLICITY },
  setPanel: { label: '修改评审专家组', allowedIn: BEFORE_PUBLICITY },
  assignReview: { label: '分配评审任务', allowedIn: BEFORE_PUBLICITY, to: 'reviewing' },
  changeAssignment: { label: '调整评审分配（例外分配或回避）', allowedIn: BEFORE_PUBLICITY },
  recordScores: { label: '录入或导入评分', allowedIn: BEFORE_PUBLICITY },
  exportPackage: { label: '导出评审包', allowedIn: BEFORE_PUBLICITY },
  startPublicity: {
    label: '发起公示',
    allowedIn: ['reviewing'],
    to: 'publicity',
    hints: { open: REVIEW_NOT_STARTED, closed: REVIEW_NOT_STARTED },
  },
  handleObjection: {
    label: '登记或处理公示异议',
    allowedIn: ['publicity'],
    hints: { open: '异议只在公示期间登记。', closed: '异议只在公示期间登记。', reviewing: '异议只在公示期间登记。' },
  },
  withdrawPublicity: {
    label: '撤回公示',
    allowedIn: ['publicity'],
    to: 'reviewing',
    hints: { open: '批次尚未发起公示。', closed: '批次尚未发起公示。', reviewing: '批次尚未发起公示。' },
    already: { designated: '认定决定已作出，公示不能再撤回。' },
  },
  deleteBatch: { label: '删除批次', allowedIn: ['open', 'closed'] },
  designate: {
    label: '作出认定决定',
    allowedIn: ['publicity'],
    to: 'designated',
    hints: {
      open: '认定须在公示期满、异议处理完毕后作出。',
      closed: '认定须在公示期满、异议处理完毕后作出。',
      reviewing: '认定须在公示期满、异议处理完毕后作出。',
    },
  },
};

export type BatchStep = { ok: true; to: BatchStatus; changes: boolean } | { ok: false; message: string };

/** `批次“2026年第一批”` — the label the messages name a batch by. */
export function batchName(batch: { year: number; sequence: number }): string {
  return `批次“${batchLabel(batch)}”`;
}

/** Whether `op` may run on a batch in `status`, and where it takes the batch; or a Chinese sentence naming the status. */
export function batchStep(batch: { year: number; sequence: number; status: BatchStatus }, op: BatchOperation): BatchStep {
  const rule = BATCH_RULES[op];
  if (rule.allowedIn.includes(batch.status)) {
    const to = rule.to ?? batch.status;
    return { ok: true, to, changes: to !== batch.status };
  }
  const already = rule.already?.[batch.status];
  if (already) return { ok: false, message: `${batchName(batch)}${BATCH_STATE_PHRASES[batch.status]}，${already}` };
  const past = BATCH_STATUS_ORDER.indexOf(batch.status) > Math.max(...rule.allowedIn.map((s) => BATCH_STATUS_ORDER.indexOf(s)));
  const hint =
    rule.hints?.[batch.status] ??
    (past ? '' : `只有${rule.allowedIn.map((s) => `“${BATCH_STATUS_LABELS[s]}”`).join('、')}的批次可以${rule.label}。`);
  return { ok: false, message: `${batchName(batch)}${BATCH_STATE_PHRASES[batch.status]}，不能${past ? '再' : ''}${rule.label}。${hint}` };
}

/** Every operation the status allows (for the screens: which buttons to offer). */
export function allowedBatchOperations(status: BatchStatus): BatchOperation[] {
  return BATCH_OPERATIONS.filter((op) => BATCH_RULES[op].allowedIn.includes(status));
}

/** The operation that takes a batch from `from` to `to`, if any (to tell someone who asks for a status which action does it). */
export function operationTo(from: BatchStatus, to: BatchStatus): BatchOperation | undefined {
  return BATCH_OPERATIONS.find((op) => BATCH_RULES[op].to === to && BATCH_RULES[op].allowedIn.includes(from));
}

/**
 * A request to set the status directly (batches.update { status }): only the current status passes (a no-op);
 * anything else is refused with the action that makes that change, or as out of order.
 */
export function directStatusRefusal(
  batch: { year: number; sequence: number; status: BatchStatus },
  wanted: BatchStatus,
): string | undefined {
  if (wanted === batch.status) return undefined;
  const head = `${batchName(batch)}当前为“${BATCH_STATUS_LABELS[batch.status]}”，状态不能直接改为“${BATCH_STATUS_LABELS[wanted]}”。`;
  const op = operationTo(batch.status, wanted);
  if (op) return `${head}请使用“${BATCH_RULES[op].label}”${ACTION_PLACES[op] ?? ''}。`;
  return `${head}${OUT_OF_ORDER[wanted]}`;
}

/** Where each status-changing action is found on the screens. */
const ACTION_PLACES: Partial<Record<BatchOperation, string>> = {
  closeIntake: '（申报批次）',
  reopenIntake: '（申报批次）',
  assignReview: '（专家评审）',
  startPublicity: '（公示与认定）',
  withdrawPublicity: '（公示与认定，须填写理由）',
  designate: '（公示与认定）',
};

const OUT_OF_ORDER: Record<BatchStatus, string> = {
  open: '批次一旦进入评审，就不能再恢复受理。',
  closed: '批次一旦进入评审，就不能再回到“已截止”。',
  reviewing: '批次在分配评审任务时进入“评审中”；公示只能在认定前撤回（撤回公示，须填写理由）。',
  publicity: '批次在专家评审后发起公示时进入“公示中”。',
  designated: '批次只在公示期满、作出认定决定时成为“已认定”。',
};

/** What a batch holds that stops its deletion (counted by the handler from the stored parts). */
export interface BatchContents {
  applications: number;
  assignments: number;
  scoreSheets: number;
  issuedPackages: number;
  publicity: boolean;
  decision: boolean;
}

/**
 * 删除空批次: only a batch that holds nothing may be deleted (a batch created by mistake). Returns the reasons it
 * cannot, as Chinese sentences naming what it holds (empty: it may be deleted, if its status allows `deleteBatch`).
 */
export function batchDeletionBlockers(c: BatchContents): string[] {
  const out: string[] = [];
  if (c.applications > 0) out.push(`已登记${c.applications}份申报（含草稿）`);
  if (c.assignments > 0) out.push(`已分配${c.assignments}项评审任务`);
  if (c.scoreSheets > 0) out.push(`已录入${c.scoreSheets}份评分表`);
  if (c.issuedPackages > 0) out.push(`已导出${c.issuedPackages}个评审包`);
  if (c.publicity) out.push('已发起过公示');
  if (c.decision) out.push('已作出认定决定');
  return out;
}
