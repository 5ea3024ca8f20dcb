/**
 * Choice lists and labels of intake: the names and the edit rule come from the core (domain/lists.ts,
 * domain/application-status.ts); 县(市)区, 产业 and the seven material items come from settings.lists
 * (useChoiceLists). The colours and the filter order are the screen's own.
 */
import type { ApplicationStatus } from '../../../electron/core/contract/index.js';

export { UNIT_TYPE_LABELS, ROUTE_LABELS } from '../../../electron/core/domain/lists.js';
export { APPLICATION_STATUS_LABELS as STATUS_LABELS, canEdit } from '../../../electron/core/domain/application-status.js';

export const STATUS_COLORS: Record<ApplicationStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  accepted: 'green',
  supplementRequired: 'orange',
  rejected: 'red',
};

export const STATUS_ORDER: ApplicationStatus[] = ['draft', 'submitted', 'supplementRequired', 'accepted', 'rejected'];

export const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
export const labelOptions = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
