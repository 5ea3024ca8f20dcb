/** Synthetic data at 10x real scale, written straight into store parts (fictional names, valid shapes). */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { usccCheckChar } from '../../electron/core/domain/uscc.js';

const DISTRICTS = [
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
  '平潭县',
  '福州高新区',
];
const INDUSTRIES = [
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
];
const WORDS = '福州闽江榕城海峡东南鼓山仓山马尾晋安长乐福清数科智造新材纺织生物医药电子信息软件能源装备食品建材海洋';

export const SCALE = { batches: 10, applications: 5000, experts: 100, scoreSheets: 50_000, centers: 300, summariesPerCenter: 5 };

function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length]!;
}

function name(i: number): string {
  let s = '福州';
  for (let k = 0; k < 4; k++) s += WORDS[(i * 7 + k * 13) % WORDS.length];
  return `${s}科技有限公司${i}`;
}

export function uscc(n: number): string {
  const first17 = `91350100MA${String(n).padStart(7, '0')}`;
  return first17 + usccCheckChar(first17);
}

/** A stored Application (valid against the contract's schema). */
export function application(i: number, batchId: string, seq: number): Record<string, unknown> {
  const at = '2026-03-05T02:00:00.000Z';
  return {
    id: `${batchId}-${String(seq).padStart(4, '0')}`,
    batchId,
    applicant: {
      name: name(i),
      uscc: uscc(i),
      unitType: 'enterprise',
      legalRepresentative: '张三',
      contact: '李四',
      phone: '0591-87654321',
      address: `福州市${pick(DISTRICTS, i)}某某路${i}号`,
      district: pick(DISTRICTS, i),
      industry: pick(INDUSTRIES, i),
    },
    route: i % 3 === 0 ? 'recommended' : 'voluntary',
    recommendingDistrict: i % 3 === 0 ? pick(DISTRICTS, i) : '',
    proposedCenterName: `福州市${pick(INDUSTRIES, i)}产业知识产权协同保护与运营中心`,
    ipFigures: { invention: i % 97, utility: i % 53, design: i % 11, trademarks: i % 31, gi: 0, copyrights: i % 7, standards: i % 3 },
    team: Array.from({ length: 5 }, (_, k) => ({
      name: `成员${k}`,
      role: '专员',
      title: '工程师',
      qualification: k === 0 ? '专利代理师' : '',
    })),
    office: { address: `福州市${pick(DISTRICTS, i)}某某大厦${i % 30}层`, areaM2: 120 + (i % 200) },
    narrative: '中心围绕产业链开展知识产权协同保护与运营工作，'.repeat(12),
    materials: Array.from({ length: 7 }, (_, k) => ({
      no: k + 1,
      files: [
        { sha256: `${'a'.repeat(62)}${String(k).padStart(2, '0')}`, name: `材料${k + 1}.pdf`, size: 123456, kind: 'pdf', addedAt: at },
      ],
    })),
    status: 'accepted',
    formalReviews: [{ round: 1, outcome: 'accepted', at, by: '林晓' }],
    history: [{ at, by: '林晓', action: '形式审查：受理' }],
    createdAt: at,
    updatedAt: at,
  };
}

const CRITERIA_BASE = [13, 12, 8, 12, 13, 12, 11];

/** A stored ScoreSheet (valid against contract/expert-review/scoring.ts; the 7 criteria of the default template). */
export function scoreSheet(i: number, applicationId: string, batchKey: string): Record<string, unknown> {
  const scores: Record<string, number> = {};
  CRITERIA_BASE.forEach((v, k) => {
    scores[`c${k + 1}`] = v + ((i + k) % 3) * 0.5;
  });
  const total = Object.values(scores).reduce((a, b) => a + b, 0);
  return {
    id: `${batchKey}-S${String(i).padStart(6, '0')}`,
    applicationId,
    expertId: `exp-${i % SCALE.experts}`,
    templateVersion: 1,
    version: 1,
    scores,
    total,
    comment: '材料齐全，团队稳定，建议通过。',
    recommendation: 'recommend',
    signedOn: '2026-04-10',
    enteredBy: i % 2 ? 'package' : 'secretariat',
    recordedAt: '2026-04-10T02:00:00.000Z',
    recordedBy: '林晓',
  };
}

/** Write the parts: 10 batches × 500 applications, 5,000 score sheets per batch, 5 years × 300 center records. */
export async function writeSyntheticStore(storeDir: string): Promise<{ bytes: number; batchKeys: string[] }> {
  await fs.mkdir(storeDir, { recursive: true });
  let bytes = 0;
  const put = async (file: string, value: unknown) => {
    const text = `${JSON.stringify(value)}\n`;
    bytes += Buffer.byteLength(text);
    await fs.writeFile(path.join(storeDir, file), text);
  };
  const batchKeys: string[] = [];
  const perBatch = SCALE.applications / SCALE.batches;
  const sheetsPerApp = SCALE.scoreSheets / SCALE.applications;
  const batches = [];
  for (let b = 0; b < SCALE.batches; b++) {
    const year = 2022 + Math.floor(b / 2);
    const key = `${year}-${(b % 2) + 1}`;
    batchKeys.push(key);
    batches.push({
      id: key,
      year,
      sequence: (b % 2) + 1,
      title: `${year}年第${(b % 2) + 1}批`,
      opensOn: `${year}-03-01`,
      closesOn: `${year}-03-31`,
      status: 'designated',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    const apps = Array.from({ length: perBatch }, (_, i) => application(b * perBatch + i, key, i + 1));
    await put(`batch-${key}.json`, { applications: apps });
    const sheets = Array.from({ length: perBatch * sheetsPerApp }, (_, i) =>
      scoreSheet(b * perBatch * sheetsPerApp + i, apps[Math.floor(i / sheetsPerApp)]!.id as string, key),
    );
    await put(`scores-${key}.json`, { templates: [], panel: { expertIds: [] }, assignments: [], scoreSheets: sheets });
  }
  await put('batches.json', { batches });
  const at = '2026-01-01T00:00:00.000Z';
  const centers = Array.from({ length: SCALE.centers }, (_, c) => ({
    id: `C${c + 1}`,
    name: `福州市第${c + 1}号产业知识产权协同保护与运营中心`,
    hostUnit: name(c),
    industry: pick(INDUSTRIES, c),
    district: '鼓楼区',
    batchId: batchKeys[c % batchKeys.length]!,
    applicationId: `${batchKeys[c % batchKeys.length]!}-${c + 1}`,
    decisionDocNumber: `榕市监知〔2022〕${(c % 9) + 1}号`,
    designatedOn: '2022-06-20',
    certificateNumber: `FZIPC-2022-${String(c + 1).padStart(3, '0')}`,
    validUntil: '2025-06-19',
    nextReviewDue: '2025-06-20',
    status: c % 10 === 0 ? 'rectifying' : 'active',
    ...(c % 10 === 0 ? { rectifyDeadline: '2026-12-31' } : {}),
    plaque: {
      number: `FZIPC-2022-${String(c + 1).padStart(3, '0')}`,
      inscription: `福州市第${c + 1}号产业知识产权协同保护与运营中心`,
      authority: '福州市市场监督管理局',
      dateLine: '二〇二二年六月',
    },
    createdAt: at,
    statusHistory: [],
  }));
  await put('centers.json', { centers });
  for (let y = 0; y < SCALE.summariesPerCenter; y++) {
    const year = 2022 + y;
    const summaries = centers.map((c, i) => ({
      id: `${year}-${c.id}`,
      centerId: c.id,
      year,
      submittedOn: `${year}-12-20`,
      indicators: {
        trainings: i % 20,
        trainingAttendees: i * 3,
        assistanceCases: i % 9,
        disputesMediated: i % 5,
        allianceMembers: i % 40,
        transfersLicences: i % 12,
        pledgeFinancing: i * 10,
        navigationProjects: i % 4,
        trademarkGuidance: i % 6,
      },
      narrative: '年度工作总结'.repeat(40),
      files: [],
      createdAt: at,
      updatedAt: at,
      updatedBy: '王秘书',
    }));
    const assessments = centers.map((c, i) => ({
      id: `${year}-${c.id}`,
      centerId: c.id,
      year,
      templateVersion: 1,
      scores: { t1: 8, t2: 12 },
      total: 60 + (i % 40),
      grade: i % 40 >= 30 ? 'excellent' : i % 40 >= 20 ? 'good' : 'pass',
      comments: '工作扎实。',
      assessedOn: `${year + 1}-01-20`,
      assessors: ['张三'],
      createdAt: at,
      updatedAt: at,
      updatedBy: '王秘书',
    }));
    await put(`centers-${year}.json`, { summaries, assessments, assessmentTemplates: [] });
  }
  await put('experts.json', {
    experts: Array.from({ length: SCALE.experts }, (_, i) => ({
      id: `exp-${i}`,
      name: `专家${i}`,
      organisation: name(i + 9000),
      title: '教授',
      field: pick(INDUSTRIES, i),
      phone: '',
      declaredConflicts: [],
      retired: false,
    })),
  });
  return { bytes, batchKeys };
}
