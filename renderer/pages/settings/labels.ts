import type { BackupInfo } from '../../../electron/core/contract/index.js';
import { FIELD_LABELS } from '../../../electron/core/contract/labels.js';

/** Audit log: API method -> what the person did. */
export const METHOD_LABELS: Record<string, string> = {
  'settings.update': '修改设置',
  'templates.save': '修改文书模板',
  'templates.restoreDefault': '文书模板恢复默认',
  'batches.create': '新建申报批次',
  'batches.update': '修改申报批次',
  'batches.close': '截止受理',
  'batches.reopen': '恢复受理',
  'backups.restore': '从备份恢复',
  'formalReview.accept': '形式审查：受理',
  'formalReview.requireSupplement': '形式审查：要求补正',
  'formalReview.reject': '形式审查：不予受理',
  'formalReview.notice': '生成形式审查通知书',
  'formalReview.returnToDraft': '退回修改',
  'batches.delete': '删除空批次',
  'publicity.withdraw': '撤回公示',
  'archive.voidDocument': '作废文书',
  'scoring.enterSheet': '代录评分表',
  // the names these methods had before formal review got its own area (entries written then keep them)
  'review.accept': '形式审查：受理',
  'review.requireSupplement': '形式审查：要求补正',
  'review.reject': '形式审查：不予受理',
  'review.notice': '生成形式审查通知书',
};

/** Audit log: 'batch:2026-1' -> '申报批次 2026-1'. */
const ENTITY_LABELS: Record<string, string> = {
  batch: '申报批次',
  settings: '设置',
  backup: '备份',
  store: '数据',
};

export function entityLabel(entity: string): string {
  const [kind, ...rest] = entity.split(':');
  const label = ENTITY_LABELS[kind ?? ''];
  if (!label) return entity;
  return rest.length ? `${label} ${rest.join(':')}` : label;
}

export const BACKUP_KIND_LABELS: Record<BackupInfo['kind'], string> = {
  daily: '每日自动备份',
  'before-restore': '恢复前备份',
  'before-migration': '升级前备份',
};

/** An audit summary for display: any leftover setting key (older core versions wrote them) is replaced by its Chinese name. */
export function summaryText(summary: string): string {
  return summary.replace(/\b(bureauName|operatorName|docNumberPrefix|certNumberPrefix)\b/g, (k) => FIELD_LABELS[k] ?? k);
}
