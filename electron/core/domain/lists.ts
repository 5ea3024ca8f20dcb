/**
 * Choice lists used on the application form, the Excel template and the import check
 * (DOMAIN.md "Codes and lists"). These are the defaults; settings may later replace them.
 */

/** 县(市)区, plus 福州高新区 as a zone applicants often name. */
export const DEFAULT_DISTRICTS: readonly string[] = [
  '鼓楼区',
  '台江区',
  '仓山区',
  '马尾区',
  '晋安区',
  '长乐区',
  '福清市',
  '闽侯县',
  '连江县',
  '罗源县',
  '闽清县',
  '永泰县',
  '平潭县（平潭综合实验区）',
  '福州高新区',
];

/** Fuzhou "344" industries (leading, emerging, base) plus 数字经济, 海洋经济, 其他. */
export const DEFAULT_INDUSTRIES: readonly string[] = [
  '电子信息',
  '化工新材料',
  '纺织化纤',
  '软件信息',
  '新能源',
  '高端装备',
  '生物医药',
  '冶金',
  '建材',
  '食品',
  '轻工',
  '数字经济',
  '海洋经济',
  '其他',
];

export type UnitTypeCode = 'enterprise' | 'association' | 'institute' | 'university' | 'other';
export const UNIT_TYPE_LABELS: Record<UnitTypeCode, string> = {
  enterprise: '企业',
  association: '行业协会',
  institute: '科研院所',
  university: '高等院校',
  other: '其他',
};

export type RouteCode = 'voluntary' | 'recommended';
export const ROUTE_LABELS: Record<RouteCode, string> = {
  voluntary: '自愿申报',
  recommended: '县（市）区推荐',
};

export interface ChoiceLists {
  districts: readonly string[];
  industries: readonly string[];
}

export const DEFAULT_LISTS: ChoiceLists = { districts: DEFAULT_DISTRICTS, industries: DEFAULT_INDUSTRIES };

/** Accept the common short forms of 平潭 (平潭县, 平潭综合实验区) as the list value. */
export function normalizeDistrict(value: string, lists: ChoiceLists = DEFAULT_LISTS): string {
  const v = value.trim().replace(/\(/g, '（').replace(/\)/g, '）');
  if (lists.districts.includes(v)) return v;
  const pingtan = lists.districts.find((d) => d.startsWith('平潭'));
  if (pingtan && (v === '平潭县' || v === '平潭综合实验区' || v === '平潭')) return pingtan;
  return v;
}

/** Code from a Chinese label (or the code itself), for the Excel import. */
export function codeFromLabel<C extends string>(labels: Record<C, string>, value: string): C | null {
  const v = value.trim();
  for (const [code, label] of Object.entries(labels) as [C, string][]) if (label === v || code === v) return code;
  if (labels === (ROUTE_LABELS as unknown) && (v === '推荐' || v === '县(市)区推荐' || v === '县区推荐')) return 'recommended' as C;
  if (labels === (ROUTE_LABELS as unknown) && v === '自愿') return 'voluntary' as C;
  return null;
}
