/**
 * Pure helpers for the applications table: the small row, missing material items, filters, search by
 * name / USCC / pinyin initials, and sort. No I/O.
 */
import type { Application, ApplicationRow } from '../contract/applications/entities.js';
import type { ListFilters } from '../contract/applications/methods.js';
import { matchesNameSearch } from './name-search.js';
import { MATERIAL_ITEMS } from './materials.js';

/** Material items that must have at least one file (7 “其他相关证明材料” is optional). */
export const REQUIRED_ITEM_NOS: readonly number[] = [1, 2, 3, 4, 5, 6];

export function missingItemNos(app: Pick<Application, 'materials'>): number[] {
  return REQUIRED_ITEM_NOS.filter((no) => !app.materials.find((m) => m.no === no)?.files.length);
}

/** The required material items without a file, numbered and titled (what 提交 lists and the 补正 dialog pre-ticks). */
export function missingMaterials(app: Pick<Application, 'materials'>): { no: number; title: string }[] {
  return missingItemNos(app).map((no) => ({ no, title: MATERIAL_ITEMS.find((m) => m.no === no)?.title ?? `第${no}项` }));
}

/** The NEEDS_ACKNOWLEDGEMENT message of a submission with missing materials. */
export function missingMaterialsMessage(items: readonly { no: number; title: string }[]): string {
  return (
    `申报材料尚缺${items.length}项：${items.map((m) => `${m.no}. ${m.title}`).join('；')}。` +
    '缺少材料的申报在形式审查时将要求补正。请先上传上述材料；如确需现在提交，请确认缺项清单后再提交（清单记入操作日志）。'
  );
}

export function openSupplementDeadline(app: Application): string | undefined {
  if (app.status !== 'supplementRequired') return undefined;
  const last = app.formalReviews[app.formalReviews.length - 1];
  return last?.outcome === 'supplementRequired' ? last.deadline : undefined;
}

export function toRow(app: Application): ApplicationRow {
  const deadline = openSupplementDeadline(app);
  return {
    id: app.id,
    batchId: app.batchId,
    name: app.applicant.name,
    uscc: app.applicant.uscc,
    ...(app.applicant.unitType ? { unitType: app.applicant.unitType } : {}),
    district: app.applicant.district,
    industry: app.applicant.industry,
    route: app.route,
    recommendingDistrict: app.recommendingDistrict,
    proposedCenterName: app.proposedCenterName,
    status: app.status,
    missingItems: missingItemNos(app),
    ...(deadline ? { supplementDeadline: deadline } : {}),
    ...(app.submittedAt ? { submittedAt: app.submittedAt } : {}),
    createdAt: app.createdAt,
    updatedAt: app.updatedAt,
  };
}

/** A search term matches the unit name (any part), the USCC (any part, case-insensitive) or the pinyin initials. */
export function matchesSearch(app: Application, term: string): boolean {
  return matchesNameSearch(term, [app.applicant.name], [app.applicant.uscc]);
}

export function matchesFilters(app: Application, f: Partial<ListFilters>): boolean {
  if (f.batchId && app.batchId !== f.batchId) return false;
  if (f.status?.length && !f.status.includes(app.status)) return false;
  if (f.district?.length && !f.district.includes(app.applicant.district)) return false;
  if (f.industry?.length && !f.industry.includes(app.applicant.industry)) return false;
  if (f.route && app.route !== f.route) return false;
  if (f.search && !matchesSearch(app, f.search)) return false;
  return true;
}

const collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin');

type SortKey = ListFilters['sort'];
function sortValue(row: ApplicationRow, key: SortKey): string {
  return String(row[key] ?? '');
}

/** Filter, then sort the small rows (Chinese text in pinyin order; ties by id so the order is stable). */
export function queryRows(apps: readonly Application[], f: Partial<ListFilters>): ApplicationRow[] {
  const key: SortKey = f.sort ?? 'updatedAt';
  const dir = f.order === 'asc' ? 1 : -1;
  const rows = apps.filter((a) => matchesFilters(a, f)).map(toRow);
  const textual = key === 'name' || key === 'district' || key === 'industry';
  return rows.sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    const c = textual ? collator.compare(x, y) : x < y ? -1 : x > y ? 1 : 0;
    return c !== 0 ? c * dir : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}
