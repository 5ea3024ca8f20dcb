import type { Store } from './store/store.js';
import type { Envelope } from './contract/index.js';
import { usccCheckChar } from './domain/uscc.js';

interface Invoker {
  invoke(name: string, raw: unknown): Promise<Envelope<unknown>>;
}

/** Fictional demo data (only into an empty data folder), entered through the API so it is validated and audited. */
export async function seedDemo(desk: Invoker, store: Store): Promise<boolean> {
  if (store.read('batches').batches.length > 0) return false;
  const steps: [string, unknown][] = [
    ['settings.update', { operatorName: '演示用户' }],
    ['batches.create', { year: 2025, title: '2025年第一批产业知识产权协同保护与运营中心申报', opensOn: '2025-04-01', closesOn: '2025-04-30' }],
    ['batches.create', { year: 2025, title: '2025年第二批产业知识产权协同保护与运营中心申报', opensOn: '2025-09-01', closesOn: '2025-09-30' }],
    ['batches.create', { year: 2026, title: '2026年第一批产业知识产权协同保护与运营中心申报', opensOn: '2026-03-02', closesOn: '2026-03-31' }],
    ['batches.create', { year: 2026, title: '2026年第二批产业知识产权协同保护与运营中心申报', opensOn: '2026-11-02', closesOn: '2026-12-15' }],
  ];
  for (const [name, input] of steps) {
    const result = await desk.invoke(name, input);
    if (!result.ok) throw new Error(`demo seed failed at ${name}: ${result.error.message}`);
  }
  for (const id of ['2025-1', '2025-2']) await desk.invoke('batches.update', { id, status: 'designated' });
  await desk.invoke('batches.update', { id: '2026-1', status: 'reviewing' });
  await seedDemoApplications(desk);
  return true;
}

/** Fictional applicants (names, codes and people are invented; the USCCs carry valid check characters). */
const DEMO_APPLICANTS: { name: string; body: string; unitType: string; district: string; industry: string; center: string; route?: string }[] = [
  { name: '福州闽江数科信息技术有限公司', body: 'MA2Y0D001', unitType: 'enterprise', district: '鼓楼区', industry: '软件信息', center: '福州市软件信息产业知识产权协同保护与运营中心' },
  { name: '福州市纺织化纤行业协会', body: 'MJ0D00002', unitType: 'association', district: '长乐区', industry: '纺织化纤', center: '福州市纺织化纤产业知识产权协同保护与运营中心', route: 'recommended' },
  { name: '福建榕城新材料科技股份有限公司', body: 'MA2Y0D003', unitType: 'enterprise', district: '闽侯县', industry: '化工新材料', center: '福州市化工新材料产业知识产权协同保护与运营中心' },
  { name: '福州海峡生物医药研究院', body: 'MB0D00004', unitType: 'institute', district: '仓山区', industry: '生物医药', center: '福州市生物医药产业知识产权协同保护与运营中心' },
  { name: '福州马尾高端装备制造有限公司', body: 'MA2Y0D005', unitType: 'enterprise', district: '马尾区', industry: '高端装备', center: '福州市高端装备产业知识产权协同保护与运营中心' },
  { name: '福清海洋食品产业发展有限公司', body: 'MA2Y0D006', unitType: 'enterprise', district: '福清市', industry: '海洋经济', center: '福州市海洋经济产业知识产权协同保护与运营中心', route: 'recommended' },
];

function demoUscc(prefix: string, body: string): string {
  const first17 = `${prefix}350100${body}`.slice(0, 17);
  return first17 + usccCheckChar(first17);
}

async function seedDemoApplications(desk: Invoker): Promise<void> {
  const created: string[] = [];
  for (const a of DEMO_APPLICANTS) {
    const prefix = a.unitType === 'association' ? '51' : a.unitType === 'institute' ? '12' : '91';
    const r = await desk.invoke('applications.create', {
      batchId: '2026-2',
      applicant: { name: a.name, uscc: demoUscc(prefix, a.body), unitType: a.unitType, legalRepresentative: '林某', contact: '陈某', phone: '0591-87000000', address: `福州市${a.district}某某路88号`, district: a.district, industry: a.industry },
      route: a.route ?? 'voluntary',
      ...(a.route === 'recommended' ? { recommendingDistrict: a.district } : {}),
      proposedCenterName: a.center,
      ipFigures: { invention: 12, utility: 30, design: 4, trademarks: 9, gi: 0, copyrights: 6, standards: 1 },
      team: [{ name: '陈某', role: '负责人', title: '高级工程师', qualification: '专利代理师' }, { name: '王某', role: '专员', title: '工程师', qualification: '' }],
      office: { address: `福州市${a.district}某某大厦5层`, areaM2: 160 },
      narrative: '围绕产业链开展知识产权公益培训、维权援助与纠纷化解，推动专利导航与成果转化。',
      windowOverrideReason: '演示数据',
    });
    if (!r.ok) throw new Error(`demo application failed: ${r.error.message}`);
    created.push((r.value as { id: string }).id);
  }
  for (const id of created.slice(0, 4)) await desk.invoke('applications.submit', { id });
  await desk.invoke('review.accept', { applicationId: created[0] });
  await desk.invoke('review.accept', { applicationId: created[1] });
  await desk.invoke('review.requireSupplement', { applicationId: created[2], items: [{ no: 2, reason: '营业执照复印件未加盖公章' }, { no: 5, reason: '未提供办公场所租赁合同' }] });
}
