/**
 * Choice lists and labels of intake. These MIRROR electron/core/domain/lists.ts, materials.ts and
 * application-status.ts (the renderer may import only types from core). 县(市)区 and 产业 are read from
 * settings.lists (useChoiceLists); DISTRICTS / INDUSTRIES here are only the fallback while that loads.
 */
import type { ApplicationStatus, Route, UnitType } from '../../../electron/core/contract/index.js';

export const DISTRICTS: readonly string[] = [
  '鼓楼区', '台江区', '仓山区', '马尾区', '晋安区', '长乐区', '福清市', '闽侯县', '连江县', '罗源县', '闽清县', '永泰县',
  '平潭县（平潭综合实验区）', '福州高新区',
];

export const INDUSTRIES: readonly string[] = [
  '电子信息', '化工新材料', '纺织化纤', '软件信息', '新能源', '高端装备', '生物医药', '冶金', '建材', '食品', '轻工', '数字经济', '海洋经济', '其他',
];

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

export interface MaterialSpec {
  no: number;
  title: string;
  hint: string;
}

/** 申报材料, the seven items (榕市监规〔2022〕6号). */
export const MATERIALS: readonly MaterialSpec[] = [
  { no: 1, title: '申请表', hint: '按统一格式填写，内容完整，由法定代表人（负责人）签字并加盖单位公章。' },
  { no: 2, title: '营业执照或法人登记证复印件（加盖公章）', hint: '营业执照、事业单位法人证书或社会团体法人登记证书等复印件，须在有效期内并加盖单位公章。' },
  { no: 3, title: '相关规章和管理制度', hint: '单位知识产权管理制度及中心运行管理制度等，须为已印发执行的正式文本。' },
  { no: 4, title: '工作团队人员情况', hint: '中心负责人及工作人员名单、学历、职称或资格、分工，须有稳定的专职人员。' },
  { no: 5, title: '中心办公场所证明', hint: '产权证明或租赁合同等，能证明中心有固定、专门的办公场所。' },
  { no: 6, title: '产业知识产权工作情况或知识产权军民融合工作情况证明', hint: '近年开展产业知识产权保护、运营或军民融合工作的情况说明及佐证材料。' },
  { no: 7, title: '其他相关证明材料', hint: '荣誉、合作协议、知识产权数量等其他能证明符合申报条件的材料。' },
];

export const materialTitle = (no: number): string => MATERIALS.find((m) => m.no === no)?.title ?? `第${no}项`;

export const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
export const labelOptions = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
