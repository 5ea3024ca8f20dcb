import type { Store } from './store/store.js';
import type { MethodInput, MethodName, MethodOutput } from './contract/index.js';
import { usccCheckChar } from './domain/uscc.js';
import { ALL_ITEMS, DemoMaterials } from './demo-materials.js';

/** What seeding needs of a desk: the typed call (Desk.call). */
export interface Caller {
  call<M extends MethodName>(name: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
}

/** Fictional demo data (only into an empty data folder), entered through the API so it is validated and audited. */
export async function seedDemo(desk: Caller, store: Store): Promise<boolean> {
  if (store.read('batches').batches.length > 0) return false;
  await must(desk, 'settings.update', { operatorName: '演示用户' });
  await must(desk, 'batches.create', {
    year: 2025,
    title: '2025年第一批产业知识产权协同保护与运营中心申报',
    opensOn: '2025-04-01',
    closesOn: '2025-04-30',
  });
  await must(desk, 'batches.create', {
    year: 2025,
    title: '2025年第二批产业知识产权协同保护与运营中心申报',
    opensOn: '2025-09-01',
    closesOn: '2025-09-30',
  });
  await must(desk, 'batches.create', {
    year: 2026,
    title: '2026年第一批产业知识产权协同保护与运营中心申报',
    opensOn: '2026-03-02',
    closesOn: '2026-03-31',
  });
  await must(desk, 'batches.create', {
    year: 2026,
    title: '2026年第二批产业知识产权协同保护与运营中心申报',
    opensOn: '2026-11-02',
    closesOn: '2026-12-15',
  });
  const materials = new DemoMaterials(desk);
  await seedDemoCenters(desk, materials);
  // 2025-2 received no applications: its intake is closed (截止受理), nothing to review or designate.
  await must(desk, 'batches.close', { id: '2025-2' });
  await seedDemoApplications(desk, materials);
  return true;
}

async function must<M extends MethodName>(desk: Caller, name: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  try {
    return await desk.call(name, input);
  } catch (err) {
    throw new Error(`demo seed failed at ${name}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

interface DemoUnit {
  name: string;
  body: string;
  district: string;
  industry: string;
  center: string;
  /** Total score every expert gives (the default template's criteria, 15/15/10/15/15/15/15). */
  total: number;
}

/** Units of batch 2025-1 (designated 2025-06-20) and 2026-1 (designated 2026-10-12; the last one fails review). */
const DEMO_2025: DemoUnit[] = [
  {
    name: '福州市知识产权服务业协会',
    body: 'MJ0D00011',
    district: '鼓楼区',
    industry: '数字经济',
    center: '福州市数字经济产业知识产权协同保护与运营中心',
    total: 91,
  },
  {
    name: '福州闽都电子信息产业园有限公司',
    body: 'MA2Y0D012',
    district: '仓山区',
    industry: '电子信息',
    center: '福州市电子信息产业知识产权协同保护与运营中心',
    total: 84,
  },
  {
    name: '福州江阴港新材料产业发展有限公司',
    body: 'MA2Y0D013',
    district: '福清市',
    industry: '化工新材料',
    center: '福州市新材料产业知识产权协同保护与运营中心',
    total: 78,
  },
];
const DEMO_2026: DemoUnit[] = [
  {
    name: '长乐纺织产业创新服务有限公司',
    body: 'MA2Y0D021',
    district: '长乐区',
    industry: '纺织化纤',
    center: '福州市纺织化纤产业知识产权协同保护与运营中心',
    total: 88,
  },
  {
    name: '福州马尾船舶与海工装备有限公司',
    body: 'MA2Y0D022',
    district: '马尾区',
    industry: '高端装备',
    center: '福州市高端装备产业知识产权协同保护与运营中心',
    total: 82,
  },
  {
    name: '闽侯县食品工业协会',
    body: 'MJ0D00023',
    district: '闽侯县',
    industry: '食品',
    center: '福州市食品产业知识产权协同保护与运营中心',
    total: 75,
  },
  {
    name: '福州某某轻工制品有限公司',
    body: 'MA2Y0D024',
    district: '台江区',
    industry: '轻工',
    center: '福州市轻工产业知识产权协同保护与运营中心',
    total: 62,
  },
];

function scoresFor(total: number): Record<string, number> {
  const out: Record<string, number> = {};
  let deficit = 100 - total;
  [15, 15, 10, 15, 15, 15, 15].forEach((max, i) => {
    const cut = Math.min(deficit, max);
    out[`c${i + 1}`] = max - cut;
    deficit -= cut;
  });
  return out;
}

/** Accept, score (three experts), publish and designate one batch. */
async function designateBatch(
  desk: Caller,
  materials: DemoMaterials,
  batchId: string,
  units: DemoUnit[],
  expertIds: string[],
  dates: { signedOn: string; publicityStarts: string; decidedOn: string },
): Promise<void> {
  const ids: string[] = [];
  for (const u of units) {
    const prefix = u.body.startsWith('MJ') ? '51' : '91';
    const app = await must(desk, 'applications.create', {
      batchId,
      applicant: {
        name: u.name,
        uscc: demoUscc(prefix, u.body),
        unitType: prefix === '51' ? 'association' : 'enterprise',
        legalRepresentative: '林某',
        contact: '陈某',
        phone: '0591-87000000',
        address: `福州市${u.district}某某路66号`,
        district: u.district,
        industry: u.industry,
      },
      route: 'voluntary',
      proposedCenterName: u.center,
      ipFigures: { invention: 20, utility: 35, design: 6, trademarks: 12, gi: 1, copyrights: 8, standards: 2 },
      team: [
        { name: '陈某', role: '负责人', title: '高级工程师', qualification: '专利代理师' },
        { name: '王某', role: '专员', title: '工程师', qualification: '' },
      ],
      office: { address: `福州市${u.district}某某大厦8层`, areaM2: 200 },
      narrative: '围绕产业链开展知识产权公益培训、维权援助与纠纷化解，推动专利导航与成果转化。',
      windowOverrideReason: '演示数据',
    });
    await materials.attach(app.id, ALL_ITEMS);
    await must(desk, 'applications.submit', { id: app.id });
    await must(desk, 'formalReview.accept', { applicationId: app.id });
    ids.push(app.id);
  }
  await must(desk, 'scoring.setPanel', { batchId, expertIds });
  await must(desk, 'scoring.assign', { batchId, mode: 'all' });
  for (const [i, id] of ids.entries()) {
    const total = units[i]!.total;
    for (const expertId of expertIds) {
      await must(desk, 'scoring.enterSheet', {
        applicationId: id,
        expertId,
        scores: scoresFor(total),
        signedOn: dates.signedOn,
        ...(total < 70
          ? { comment: '综合条件不足，不予推荐。', recommendation: 'notRecommend' }
          : { comment: '', recommendation: 'recommend' }),
      });
    }
  }
  await must(desk, 'publicity.create', {
    batchId,
    startsOn: dates.publicityStarts,
    contact: { name: '陈科长', phone: '0591-87600000' },
    backdateReason: '演示数据：补登往年公示', // used only when the start date is before today
  });
  await must(desk, 'decision.create', { batchId, decidedOn: dates.decidedOn });
}

const indicators = (k: number) => ({
  trainings: 4 * k,
  trainingAttendees: 260 * k,
  assistanceCases: 6 * k,
  disputesMediated: 3 * k,
  allianceMembers: 18 + 6 * k,
  transfersLicences: 5 * k,
  pledgeFinancing: 850.5 * k,
  navigationProjects: k,
  trademarkGuidance: 10 * k,
});

/**
 * Centers with a history (past dates; the clock is real): 2025-1 designated 2025-06-20 (C1–C3), 2026-1
 * designated 2026-10-12 (C4–C6); 2025 summaries of C1–C3 with mid-term assessments, 2026 summaries of
 * C1 and C2, and C3 told to rectify by the end of the year.
 */
async function seedDemoCenters(desk: Caller, materials: DemoMaterials): Promise<void> {
  const expertIds: string[] = [];
  for (const [i, name] of ['林教授', '陈研究员', '黄高工'].entries()) {
    const e = await must(desk, 'experts.create', {
      name,
      organisation: ['福州大学', '福建省知识产权发展研究中心', '福州某专利代理事务所'][i]!,
      title: ['教授', '研究员', '高级工程师'][i]!,
      field: '知识产权',
      phone: `1380000000${i + 1}`,
    });
    expertIds.push(e.id);
  }
  await designateBatch(desk, materials, '2025-1', DEMO_2025, expertIds, {
    signedOn: '2025-05-20',
    publicityStarts: '2025-06-09',
    decidedOn: '2025-06-20',
  });
  await designateBatch(desk, materials, '2026-1', DEMO_2026, expertIds, {
    signedOn: '2026-04-10',
    publicityStarts: '2026-09-28',
    decidedOn: '2026-10-12',
  });

  const narrative = '本年度围绕产业链开展公益培训、维权援助和纠纷化解，发展联盟成员单位，推动专利导航与质押融资。';
  for (const [i, centerId] of ['C1', 'C2', 'C3'].entries()) {
    await must(desk, 'summaries.save', {
      year: 2025,
      centerId,
      submittedOn: `2026-01-${20 + i}`,
      indicators: indicators(i + 1),
      narrative,
    });
  }
  const grades = [
    [9, 14, 14, 9, 14, 9, 14, 9],
    [8, 12, 12, 8, 13, 8, 12, 8],
    [6, 9, 9, 6, 9, 6, 8, 5],
  ]; // C3: 58, 不合格 (then told to rectify)
  for (const [i, centerId] of ['C1', 'C2', 'C3'].entries()) {
    const scores = Object.fromEntries(grades[i]!.map((v, k) => [`t${k + 1}`, v]));
    await must(desk, 'assessments.save', {
      year: 2025,
      centerId,
      scores,
      comments: i === 2 ? '服务开展不足，需加强人员配备。' : '工作扎实，成效明显。',
      assessedOn: '2026-03-16',
      assessors: ['陈科长', '林教授'],
    });
  }
  await must(desk, 'summaries.save', { year: 2026, centerId: 'C1', submittedOn: '2026-11-18', indicators: indicators(2), narrative });
  await must(desk, 'summaries.save', { year: 2026, centerId: 'C2', submittedOn: '2026-11-20', indicators: indicators(3), narrative });
  await must(desk, 'triennial.decide', {
    centerId: 'C3',
    outcome: 'rectify',
    decidedOn: '2026-11-10',
    opinion: '中期考核不合格，服务场所与专职人员不足，责令限期整改。',
    rectifyDeadline: '2026-12-31',
  });
}

/** Fictional applicants (names, codes and people are invented; the USCCs carry valid check characters). */
type CreateInput = MethodInput<'applications.create'>;
const DEMO_APPLICANTS: {
  name: string;
  body: string;
  unitType: NonNullable<CreateInput['applicant']>['unitType'];
  district: string;
  industry: string;
  center: string;
  route?: CreateInput['route'];
}[] = [
  {
    name: '福州闽江数科信息技术有限公司',
    body: 'MA2Y0D001',
    unitType: 'enterprise',
    district: '鼓楼区',
    industry: '软件信息',
    center: '福州市软件信息产业知识产权协同保护与运营中心',
  },
  {
    name: '福州市纺织化纤行业协会',
    body: 'MJ0D00002',
    unitType: 'association',
    district: '长乐区',
    industry: '纺织化纤',
    center: '福州市纺织化纤产业知识产权协同保护与运营中心',
    route: 'recommended',
  },
  {
    name: '福建榕城新材料科技股份有限公司',
    body: 'MA2Y0D003',
    unitType: 'enterprise',
    district: '闽侯县',
    industry: '化工新材料',
    center: '福州市化工新材料产业知识产权协同保护与运营中心',
  },
  {
    name: '福州海峡生物医药研究院',
    body: 'MB0D00004',
    unitType: 'institute',
    district: '仓山区',
    industry: '生物医药',
    center: '福州市生物医药产业知识产权协同保护与运营中心',
  },
  {
    name: '福州马尾高端装备制造有限公司',
    body: 'MA2Y0D005',
    unitType: 'enterprise',
    district: '马尾区',
    industry: '高端装备',
    center: '福州市高端装备产业知识产权协同保护与运营中心',
  },
  {
    name: '福清海洋食品产业发展有限公司',
    body: 'MA2Y0D006',
    unitType: 'enterprise',
    district: '福清市',
    industry: '海洋经济',
    center: '福州市海洋经济产业知识产权协同保护与运营中心',
    route: 'recommended',
  },
];

function demoUscc(prefix: string, body: string): string {
  const first17 = `${prefix}350100${body}`.slice(0, 17);
  return first17 + usccCheckChar(first17);
}

async function seedDemoApplications(desk: Caller, materials: DemoMaterials): Promise<void> {
  const created: string[] = [];
  for (const a of DEMO_APPLICANTS) {
    const prefix = a.unitType === 'association' ? '51' : a.unitType === 'institute' ? '12' : '91';
    let app: MethodOutput<'applications.create'>;
    try {
      app = await desk.call('applications.create', {
        batchId: '2026-2',
        applicant: {
          name: a.name,
          uscc: demoUscc(prefix, a.body),
          unitType: a.unitType,
          legalRepresentative: '林某',
          contact: '陈某',
          phone: '0591-87000000',
          address: `福州市${a.district}某某路88号`,
          district: a.district,
          industry: a.industry,
        },
        route: a.route ?? 'voluntary',
        ...(a.route === 'recommended' ? { recommendingDistrict: a.district } : {}),
        proposedCenterName: a.center,
        ipFigures: { invention: 12, utility: 30, design: 4, trademarks: 9, gi: 0, copyrights: 6, standards: 1 },
        team: [
          { name: '陈某', role: '负责人', title: '高级工程师', qualification: '专利代理师' },
          { name: '王某', role: '专员', title: '工程师', qualification: '' },
        ],
        office: { address: `福州市${a.district}某某大厦5层`, areaM2: 160 },
        narrative: '围绕产业链开展知识产权公益培训、维权援助与纠纷化解，推动专利导航与成果转化。',
        windowOverrideReason: '演示数据',
      });
    } catch (err) {
      throw new Error(`demo application failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    created.push(app.id);
  }
  // materials: the first two and the fourth complete; the third lacks items 2 and 5 (sent back for 补正);
  // the drafts have only some items so far
  const items: (readonly number[])[] = [ALL_ITEMS, ALL_ITEMS, [1, 3, 4, 6, 7], ALL_ITEMS, [1, 3], [1]];
  for (const [i, id] of created.entries()) await materials.attach(id, items[i] ?? []);
  // the third is submitted knowingly without items 2 and 5 (the clerk acknowledges the list)
  for (const id of created.slice(0, 4)) await must(desk, 'applications.submit', { id, acknowledgeMissing: true });
  await must(desk, 'formalReview.accept', { applicationId: created[0]! });
  await must(desk, 'formalReview.accept', { applicationId: created[1]! });
  await must(desk, 'formalReview.requireSupplement', {
    applicationId: created[2]!,
    items: [
      { no: 2, reason: '营业执照复印件未加盖公章' },
      { no: 5, reason: '未提供办公场所租赁合同' },
    ],
  });
}
