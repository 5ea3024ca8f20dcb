/**
 * Choice lists and labels of intake. These MIRROR electron/core/domain/lists.ts, materials.ts and
 * application-status.ts (the renderer may import only types from core). 县(市)区, 产业 and the seven
 * material items are not copied here: they come from settings.lists (useChoiceLists).
 */
import type { ApplicationStatus, Route, UnitType } from '../../../electron/core/contract/index.js';

export const UNIT_TYPE_LABELS: Record<UnitType, string> = {
  enterprise: '企业',
  association: '行业协会',
  institute: '科研院所',
  university: '高等院校',
  other: '其他',
};

export const ROUTE_LABELS: Record<Route, string> = {
  voluntary: '自愿申报',
  recommended: '县（市）区推荐',
};

export const STATUS_LABELS: Record<ApplicationStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  accepted: '已受理',
  supplementRequired: '待补正',
  rejected: '不予受理',
};

export const STATUS_COLORS: Record<ApplicationStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  accepted: 'green',
  supplementRequired: 'orange',
  rejected: 'red',
};

export const STATUS_ORDER: ApplicationStatus[] = ['draft', 'submitted', 'supplementRequired', 'accepted', 'rejected'];

/** Only drafts and applications awaiting a supplement may change (mirrors core canEdit). */
export const canEdit = (s: ApplicationStatus): boolean => s === 'draft' || s === 'supplementRequired';

export const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
export const labelOptions = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
