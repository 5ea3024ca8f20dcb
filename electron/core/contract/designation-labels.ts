/** Names of the publicity, objection and center vocabulary as plain data (no zod), so the renderer may import them as values (see eslint.config.js). */
import type { CenterStatus, ObjectionKind, ObjectionOutcome, ObjectionStatus } from './designation.js';

export const OBJECTION_KIND_LABELS: Record<ObjectionKind, string> = { unit: '单位', person: '个人' };

export const OBJECTION_OUTCOME_LABELS: Record<ObjectionOutcome, string> = { upheld: '异议成立（撤出名单）', dismissed: '异议不成立' };

export const OBJECTION_STATUS_LABELS: Record<ObjectionStatus, string> = {
  notAccepted: '不予受理',
  open: '待处理',
  upheld: '异议成立',
  dismissed: '异议不成立',
};

export const CENTER_STATUS_LABELS: Record<CenterStatus, string> = { active: '有效', rectifying: '限期整改', revoked: '已撤销' };
