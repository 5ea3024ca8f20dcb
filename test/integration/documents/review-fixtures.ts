/** Shared inputs for the review document tests (scoring sheets and the summary). */
import type { ScoringSheetInput, ScoringTemplate } from '../../../electron/core/documents/pdf/scoring-sheet.js';
import type { ReviewSummaryInput } from '../../../electron/core/documents/pdf/review-summary.js';

export const template: ScoringTemplate = {
  version: 3,
  passLine: 70,
  criteria: [
    {
      key: 'system',
      title: '知识产权管理制度与重视程度',
      max: 15,
      step: 0.5,
      description: '建立知识产权管理制度，设立管理机构，主要负责人重视，近三年投入情况。',
    },
    { key: 'team', title: '工作团队', max: 15, step: 0.5, description: '专职人员数量与结构，具备专利代理、法律、运营等专业背景人员情况。' },
    { key: 'place', title: '办公场所与保障条件', max: 10, step: 0.5, description: '固定办公场所面积、设施设备及经费保障。' },
    {
      key: 'cluster',
      title: '知识产权集聚度',
      max: 15,
      step: 0.5,
      description: '依托单位及所在产业有效发明专利、商标、地理标志等集聚情况。',
    },
    { key: 'lead', title: '产业示范带头与辐射作用', max: 15, step: 0.5, description: '在产业链中的地位，服务产业内企业的数量与成效。' },
    {
      key: 'support',
      title: '对产业升级和创新发展的支撑作用',
      max: 15,
      step: 0.5,
      description: '对关键核心技术攻关、产业转型升级的支撑情况。',
    },
    {
      key: 'plan',
      title: '协同保护与运营工作方案',
      max: 15,
      step: 0.5,
      description: '工作目标明确，任务具体可行，保护与运营措施有力，进度安排合理。',
    },
  ],
};

export const blankSheet: ScoringSheetInput = {
  bureauName: '福州市市场监督管理局',
  batchLabel: '2026年度第一批产业知识产权中心认定',
  template,
  application: {
    id: 'app-1',
    unitName: '福州新大陆数字技术股份有限公司',
    centerName: '福州市数字经济产业知识产权协同保护与运营中心',
    district: '马尾区',
    industry: '数字经济',
  },
  expert: { id: 'exp-1', name: '林晓明', organisation: '福州大学知识产权学院', title: '教授' },
  mode: 'blank',
  generatedOn: '2026-11-24',
};

export const filledSheet: ScoringSheetInput = {
  ...blankSheet,
  mode: 'filled',
  sheet: {
    scores: { system: 13, team: 12.5, place: 8, cluster: 13, lead: 12, support: 13.5, plan: 14 },
    total: 86,
    recommendation: '推荐',
    signedOn: '2026-11-20',
    comment:
      '申报单位知识产权管理制度健全，团队专业结构合理，协同保护与运营工作方案目标明确、措施可行。建议进一步加强与高校院所的合作，完善专利导航和预警机制。',
  },
};

const NAMES = ['林晓明', '陈志强', '王丽', '黄建华', '欧阳思远', '郑伟', '刘芳', '吴海涛', '张敏'];

export const METHOD_TEXT =
  '最终得分计算方法：取有效专家评分的算术平均值；有效专家为5人及以上时，去掉一个最高分和一个最低分后再取平均。有效专家少于3人的不计算最终得分。合格线70分。';

/** A summary with `n` experts and `rowsN` applications; every seventh total is missing. */
export function summaryInput(n: number, rowsN = 6, names = NAMES): ReviewSummaryInput {
  const experts = names.slice(0, n).map((name, i) => ({ id: `e${i}`, name }));
  const rows = Array.from({ length: rowsN }, (_, r) => {
    const totals = experts.map((_e, i) => ((r + i) % 7 === 3 ? null : 60 + ((r * 7 + i * 3) % 35) + 0.5 * (i % 2)));
    const vals = totals.filter((v): v is number => v !== null);
    const mean = vals.length ? vals.reduce((a, b) => a + b, 0) / vals.length : null;
    const sorted = [...vals].sort((a, b) => a - b);
    const trimmedMean = vals.length >= 5 ? sorted.slice(1, -1).reduce((a, b) => a + b, 0) / (vals.length - 2) : null;
    const quorumMet = vals.length >= 3;
    const final = quorumMet ? (trimmedMean ?? mean) : null;
    return {
      unitName: r === 2 ? '福建省福州市某某新材料科技股份有限公司（联合申报单位：福州大学、福建师范大学）' : `福州某某科技有限公司${r + 1}`,
      figures: {
        rank: final === null ? null : r + 1,
        count: vals.length,
        totals,
        mean,
        trimmedMean,
        final,
        verdict: final === null ? ('pending' as const) : final >= 70 ? ('passed' as const) : ('failed' as const),
      },
      flags: r % 4 === 1 ? ['林晓明评分与平均分偏差超过15分', '有专家回避'] : [],
    };
  });
  return {
    bureauName: '福州市市场监督管理局',
    batchLabel: '2026年度第一批产业知识产权中心认定',
    methodText: METHOD_TEXT,
    experts,
    rows,
    generatedOn: '2026-11-24',
    preparedBy: '张三',
  };
}
