/**
 * Notices bench row: every kind of issued notice (文件格式 decision with 版记, 信函格式 letter, 公示 with its list),
 * warm fonts; the slowest kind's median counts. Target: any notice warm < 150 ms. And the 认定通知 written as OFD
 * (same page model): target < 200 ms warm.
 */
import { loadFontSet } from '../../electron/core/documents/fonts/registry.js';
import { renderRejectionNotice } from '../../electron/core/documents/pdf/intake-notices.js';
import { renderDecisionNotice } from '../../electron/core/documents/pdf/decision-notice.js';
import { renderReviewDecision } from '../../electron/core/documents/pdf/review-decision.js';
import { officialFormat } from '../../electron/core/domain/document-kinds.js';
import { median, timeIt, type Row } from './stats.js';

const A = '福州市市场监督管理局';
const CENTER = '福州市纺织化纤新材料产业知识产权协同保护与运营中心';

/** Median of 7 timed runs after one warm-up run. */
async function warmMedian(render: () => Promise<unknown>): Promise<number> {
  await render(); // warm
  const runs: number[] = [];
  for (let i = 0; i < 7; i++) runs.push(await timeIt(render));
  return median(runs);
}

export async function noticeRows(): Promise<Row[]> {
  const fonts = loadFontSet();
  const settings = { bureauName: A, copyTo: ['福建省市场监督管理局（知识产权局）', '市委办公厅', '市政府办公厅'] };
  /** The 认定通知 (list of 20, 版记), as PDF or as OFD (same page model). */
  const decisionNotice = (output?: 'ofd') =>
    renderDecisionNotice({
      authority: A,
      docNumber: '榕市监知〔2026〕3号',
      batchLabel: '2026年第一批',
      decidedOn: '2026-10-12',
      entries: Array.from({ length: 20 }, (_, i) => ({
        centerName: `${CENTER}${i}`,
        hostUnit: '福建省纺织化纤新材料研究院有限公司',
        certificateNumber: `FZIPC-2026-${String(i + 1).padStart(3, '0')}`,
      })),
      fonts,
      format: officialFormat(settings, 'designationNotice', '2026-10-12'),
      ...(output ? { output } : {}),
    });
  const kinds: (() => Promise<Buffer>)[] = [
    () =>
      renderRejectionNotice({
        settings: { bureauName: A, docNumberPrefix: '榕市监知' },
        docNumber: '榕市监知〔2026〕12号',
        applicant: { name: '福建省福州市纺织化纤新材料产业技术创新战略联盟暨知识产权运营服务有限责任公司' },
        centerName: CENTER,
        batch: { year: 2026, sequence: 2, title: '2026年第二批' },
        issuedOn: '2026-11-25',
        reason: '申报单位成立未满两年，且未提供近两年开展知识产权协同保护工作的证明材料',
        fonts,
        format: officialFormat(settings, 'rejectionNotice', '2026-11-25'),
      }),
    () =>
      renderReviewDecision({
        authority: A,
        docNumber: '榕市监知〔2029〕7号',
        outcome: 'revoke',
        kind: 'triennial',
        centerName: CENTER,
        hostUnit: '福建省纺织化纤新材料研究院有限公司',
        certificateNumber: 'FZIPC-2025-003',
        designatedOn: '2026-10-12',
        decidedOn: '2029-10-10',
        issuedOn: '2029-10-12',
        opinion: '中心三年来未按工作方案要求开展工作。\n年度工作总结连续两年未按时报送。',
        returnBy: '2029-11-02',
        fonts,
        format: officialFormat(settings, 'reviewDecision', '2029-10-12'),
      }),
    () => decisionNotice(),
  ];
  let worst = 0;
  for (const render of kinds) worst = Math.max(worst, await warmMedian(render));
  // The same 认定通知 (list of 20, 版记) written as OFD: layout, shaping, font subsets, zip.
  const ofd = await warmMedian(() => decisionNotice('ofd'));
  return [
    { measure: 'any notice (文件/信函/list of 20), warm, slowest kind', result: worst, unit: 'ms', baseline: 150, baselineName: 'target' },
    { measure: 'OFD of a notice (认定通知, list of 20), warm', result: ofd, unit: 'ms', baseline: 200, baselineName: 'target' },
  ];
}
