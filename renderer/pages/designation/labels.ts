import type { CenterStatus, ObjectionKind, ObjectionOutcome, ObjectionStatus } from '../../../electron/core/contract/index.js';

/** Labels kept in the renderer (only types come from the contract). */
export const OBJECTION_KIND_LABELS: Record<ObjectionKind, string> = { unit: '单位', person: '个人' };
export const OBJECTION_OUTCOME_LABELS: Record<ObjectionOutcome, string> = { upheld: '异议成立（撤出名单）', dismissed: '异议不成立' };
export const OBJECTION_STATUS_LABELS: Record<ObjectionStatus, string> = {
  notAccepted: '不予受理',
  open: '待处理',
  upheld: '异议成立',
  dismissed: '异议不成立',
};
export const OBJECTION_STATUS_COLORS: Record<ObjectionStatus, string> = { notAccepted: 'default', open: 'orange', upheld: 'red', dismissed: 'green' };

export const CENTER_STATUS_LABELS: Record<CenterStatus, string> = { active: '有效', rectifying: '限期整改', revoked: '已撤销' };
export const CENTER_STATUS_COLORS: Record<CenterStatus, string> = { active: 'green', rectifying: 'gold', revoked: 'default' };

/** Accepted date formats in the pickers (typing 20261124 works too). */
export const DATE_FORMATS = ['YYYY-MM-DD', 'YYYY/MM/DD', 'YYYYMMDD'];
