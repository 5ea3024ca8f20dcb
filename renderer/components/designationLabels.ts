import type { CenterStatus, ObjectionStatus } from '../../electron/core/contract/index.js';

/** The names come from the contract's plain-data module; the colours are the screen's own. */
export {
  OBJECTION_KIND_LABELS,
  OBJECTION_OUTCOME_LABELS,
  OBJECTION_STATUS_LABELS,
  CENTER_STATUS_LABELS,
} from '../../electron/core/contract/designation-labels.js';

export const OBJECTION_STATUS_COLORS: Record<ObjectionStatus, string> = {
  notAccepted: 'default',
  open: 'orange',
  upheld: 'red',
  dismissed: 'green',
};
export const CENTER_STATUS_COLORS: Record<CenterStatus, string> = { active: 'green', rectifying: 'gold', revoked: 'default' };

/** Accepted date formats in the pickers (typing 20261124 works too). */
export const DATE_FORMATS = ['YYYY-MM-DD', 'YYYY/MM/DD', 'YYYYMMDD'];
