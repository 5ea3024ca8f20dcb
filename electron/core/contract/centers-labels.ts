/**
 * Names of the center-management vocabulary as plain data (no zod), so the renderer may import them as
 * values (like every contract *labels.ts module; see eslint.config.js). The schemas in centers/annual.ts are
 * built from these.
 */
import type { Grade, ReviewKind, ReviewOutcome } from './centers/annual.js';

/** The work plan's eight tasks as indicators (DOMAIN.md "What a center does"). */
export const INDICATORS = [
  { key: 'trainings', task: 1, label: '公益培训场次', unit: '场', decimals: 0 },
  { key: 'trainingAttendees', task: 1, label: '培训人次', unit: '人次', decimals: 0 },
  { key: 'assistanceCases', task: 2, label: '维权援助案件', unit: '件', decimals: 0 },
  { key: 'disputesMediated', task: 3, label: '纠纷化解', unit: '件', decimals: 0 },
  { key: 'allianceMembers', task: 4, label: '产业知识产权联盟成员单位', unit: '家', decimals: 0 },
  { key: 'transfersLicences', task: 5, label: '知识产权转让许可', unit: '件', decimals: 0 },
  { key: 'pledgeFinancing', task: 6, label: '质押融资金额', unit: '万元', decimals: 2 },
  { key: 'navigationProjects', task: 7, label: '专利导航项目', unit: '项', decimals: 0 },
  { key: 'trademarkGuidance', task: 8, label: '商标品牌与地理标志指导服务', unit: '次', decimals: 0 },
] as const;
export type IndicatorKey = (typeof INDICATORS)[number]['key'];

/** The eight tasks' names (for headings and the default assessment template). */
export const WORK_TASKS = [
  '宣传培训',
  '维权援助',
  '协同保护与纠纷化解',
  '产业知识产权联盟',
  '转化运用',
  '知识产权金融',
  '高价值专利培育',
  '商标品牌与地理标志',
] as const;

export const GRADE_LABELS: Record<Grade, string> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };

export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, string> = { retain: '保留', rectify: '限期整改', revoke: '撤销' };

/** 复核的类型 (domain/center-lifecycle.ts reviewKindOn decides which). */
export const REVIEW_KIND_LABELS: Record<ReviewKind, string> = { triennial: '三年期满', followUp: '整改期满', early: '提前复核' };

/** A review decided more than this many days before the due date is 提前复核. */
export const REVIEW_WINDOW_DAYS = 90;

/** The re-review rules as the 三年复核 page states them (README “Rules worth knowing” says the same). */
export const REVIEW_RULES_TEXT = [
  '中心自认定之日起每三年复核一次；限期整改的中心在整改期满时复核，只能保留或撤销。',
  `在三年期满日前${REVIEW_WINDOW_DAYS}天以前作出的复核为“提前复核”。`,
  '保留的，自复核结论之日起重新计算三年：下次复核日期为结论日期加三年（2月29日按2月28日），证书有效期至其前一日。',
  '撤销的，证书自结论之日起失效；依托单位须在撤销决定载明的期限内交回证书和牌匾，收回后在“中心名录”中登记牌匾收回。',
] as const;
