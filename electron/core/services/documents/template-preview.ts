/**
 * 文书模板 preview: the real PDF of a template's document, worded by a draft text, with sample records and the
 * real settings (kind, 版头, 附注, 版记, contact, 行政复议机关, 行政诉讼法院, summary due date; for the 证书 the
 * paper size and the seal image). Never writes.
 */
import type { TemplateId } from '../../contract/templates-labels.js';
import { bureauDate } from '../../domain/clock.js';
import { addDays, addYears } from '../../domain/dates.js';
import { disclosureLabel, officialFormat } from '../../domain/document-kinds.js';
import { TEMPLATE_DOCUMENT } from '../../contract/templates-labels.js';
import type { FilledWording, TemplateParts } from '../../domain/templates.js';
import {
  acceptanceNoticeWording,
  renderAcceptanceNotice,
  renderRejectionNotice,
  renderSupplementNotice,
} from '../../documents/pdf/intake-notices.js';
import { rejectionNoticeWording, supplementNoticeWording, type IntakeNoticeBase } from '../../documents/pdf/intake-notices.js';
import { renderReviewTaskLetter, reviewTaskLetterWording, type ReviewTaskLetterInput } from '../../documents/pdf/review-task-letter.js';
import { publicityNoticeWording, renderPublicityNotice, type PublicityNoticeInput } from '../../documents/pdf/publicity-notice.js';
import { decisionNoticeWording, renderDecisionNotice, type DecisionNoticeInput } from '../../documents/pdf/decision-notice.js';
import { assessmentNoticeWording, renderAssessmentNotice, type AssessmentNoticeInput } from '../../documents/pdf/assessment-notice.js';
import { renderReviewDecision, reviewDecisionWording, type ReviewDecisionInput } from '../../documents/pdf/review-decision.js';
import { formatDocNumber } from '../../domain/doc-number.js';
import { centerValidUntil, formatCertificateNumber } from '../../domain/publicity.js';
import { certificateWording, renderCertificate, type CertificateInput } from '../../documents/pdf/certificate.js';
import type { ServiceContext } from '../context.js';
import { certificateOptions } from './designation.js';

export interface RenderedPreview {
  pdf: Buffer;
  wording: FilledWording;
}

const SAMPLE_UNIT = '福州示例科技有限公司';
const SAMPLE_CENTER = '福州市电子信息产业知识产权协同保护与运营中心';

/** The 证书 of a sample center designated today, worded by `parts` (A4 or A3 from 设置, the seal if set). */
async function certificatePreview(ctx: ServiceContext, parts: TemplateParts): Promise<RenderedPreview> {
  const settings = ctx.store.read('settings').settings;
  const today = bureauDate(ctx.clock());
  const input: CertificateInput = {
    certificateNumber: formatCertificateNumber(settings.certNumberPrefix, Number(today.slice(0, 4)), 1),
    hostUnit: SAMPLE_UNIT,
    centerName: SAMPLE_CENTER,
    validFrom: today,
    validUntil: centerValidUntil(today),
    authority: settings.bureauName,
    issuedOn: today,
    wording: { parts },
  };
  // A seal file missing from the data folder only leaves the dashed circle in the preview.
  const options = await certificateOptions(ctx).catch(() => ({ size: settings.certificateSize }));
  const pdf = await renderCertificate(input, { ...options, preview: true });
  const w = certificateWording(input);
  return {
    pdf,
    wording: {
      title: w.title,
      addressee: w.holder,
      paragraphs: [w.numberLine, w.holder, ...w.paragraphs, w.validity, w.signer, w.dateLine].filter(Boolean),
      listTitle: '',
    },
  };
}

/**
 * Refuses, before it is saved, a template text that cannot be printed on its document with the sample data
 * (the 证书: a body or line too long for its box, DeskError naming the template and the part).
 */
export async function assertTemplateFits(ctx: ServiceContext, id: TemplateId, parts: TemplateParts): Promise<void> {
  if (id === 'certificate') await certificatePreview(ctx, parts);
}

/** The preview PDF of template `id` worded by `parts`. */
export async function renderTemplatePreview(ctx: ServiceContext, id: TemplateId, parts: TemplateParts): Promise<RenderedPreview> {
  if (id === 'certificate') return certificatePreview(ctx, parts);
  const settings = ctx.store.read('settings').settings;
  const today = bureauDate(ctx.clock());
  const year = Number(today.slice(0, 4));
  const type = TEMPLATE_DOCUMENT[id]!;
  const common = {
    template: parts,
    facts: settings,
    disclosure: disclosureLabel(settings, type),
    format: officialFormat(settings, type, today),
  };
  const docNumber = formatDocNumber(settings.docNumberPrefix, year, 1);
  const batch = { year, sequence: 1, title: `${year}年第一批` };
  const batchLabel = `${year}年第一批`;

  if (id === 'acceptanceNotice' || id === 'supplementNotice' || id === 'rejectionNotice') {
    const base: IntakeNoticeBase = {
      ...common,
      settings,
      docNumber,
      applicant: { name: SAMPLE_UNIT },
      centerName: SAMPLE_CENTER,
      batch,
      issuedOn: today,
    };
    if (id === 'acceptanceNotice') return { pdf: await renderAcceptanceNotice(base), wording: acceptanceNoticeWording(base) };
    if (id === 'rejectionNotice') {
      const input = { ...base, reason: '申报单位注册地不在福州市行政区域内' };
      return { pdf: await renderRejectionNotice(input), wording: rejectionNoticeWording(input) };
    }
    const input = {
      ...base,
      items: [
        { no: 3, title: '知识产权工作基础材料', reason: '缺少近两年知识产权服务合同' },
        { no: 5, title: '工作团队情况', reason: '团队成员社保缴纳证明不全' },
      ],
      deadline: addDays(today, 14),
      workingDays: 10,
      note: '补正材料请同时报送电子版',
    };
    return { pdf: await renderSupplementNotice(input), wording: supplementNoticeWording(input) };
  }
  if (id === 'reviewTaskLetter') {
    const input: ReviewTaskLetterInput = {
      ...common,
      authority: settings.bureauName,
      expertName: '张三',
      batchLabel,
      applications: [
        { unitName: SAMPLE_UNIT, centerName: SAMPLE_CENTER },
        { unitName: '福州示例纺织有限公司', centerName: '福州市纺织化纤产业知识产权协同保护与运营中心' },
      ],
      packageFile: `评审包-张三-${year}-1.ipcdpkg`,
      packageId: 'P-SAMPLE-0001',
      code: 'K7QM-3XTR-9PWD',
      returnBy: addDays(today, 14),
      issuedOn: today,
    };
    return { pdf: await renderReviewTaskLetter(input), wording: reviewTaskLetterWording(input) };
  }
  if (id === 'publicityNotice') {
    const input: PublicityNoticeInput = {
      ...common,
      authority: settings.bureauName,
      batchLabel,
      startsOn: today,
      endsOn: addDays(today, 6),
      workingDays: 5,
      entries: [{ centerName: SAMPLE_CENTER, hostUnit: SAMPLE_UNIT, industry: '电子信息', district: '鼓楼区' }],
      contact: { name: settings.contactPerson?.trim() || '（联系人）', phone: settings.contactPhone?.trim() || '（联系电话）' },
      issuedOn: today,
    };
    return { pdf: await renderPublicityNotice(input), wording: publicityNoticeWording(input) };
  }
  if (id === 'designationNotice') {
    const input: DecisionNoticeInput = {
      ...common,
      authority: settings.bureauName,
      docNumber,
      batchLabel,
      decidedOn: today,
      entries: [{ centerName: SAMPLE_CENTER, hostUnit: SAMPLE_UNIT, certificateNumber: `${settings.certNumberPrefix}-${year}-001` }],
      ...(settings.annualSummaryDue ? { summaryDue: settings.annualSummaryDue } : {}),
    };
    return { pdf: await renderDecisionNotice(input), wording: decisionNoticeWording(input) };
  }
  if (id === 'assessmentNotice') {
    const input: AssessmentNoticeInput = {
      ...common,
      authority: settings.bureauName,
      docNumber,
      year: year - 1,
      issuedOn: today,
      entries: [
        { centerName: SAMPLE_CENTER, hostUnit: SAMPLE_UNIT, total: 91.5, grade: 'excellent' },
        { centerName: '福州市纺织化纤产业知识产权协同保护与运营中心', hostUnit: '福州示例纺织有限公司', total: 55, grade: 'fail' },
      ],
    };
    return { pdf: await renderAssessmentNotice(input), wording: assessmentNoticeWording(input) };
  }
  const outcome = id === 'reviewRetain' ? 'retain' : id === 'reviewRectify' ? 'rectify' : 'revoke';
  const designatedOn = addYears(today, -3);
  const input: ReviewDecisionInput = {
    ...common,
    authority: settings.bureauName,
    docNumber,
    outcome,
    kind: 'triennial',
    centerName: SAMPLE_CENTER,
    hostUnit: SAMPLE_UNIT,
    certificateNumber: `${settings.certNumberPrefix}-${year - 3}-001`,
    designatedOn,
    decidedOn: today,
    issuedOn: today,
    opinion: '中心工作机制健全，年度工作总结按时报送。\n知识产权纠纷化解和转化运用工作成效明显。',
    nextReviewDue: addYears(today, 3),
    validUntil: addDays(addYears(today, 3), -1),
    rectifyDeadline: addDays(today, 90),
    returnBy: addDays(today, 21),
  };
  return { pdf: await renderReviewDecision(input), wording: reviewDecisionWording(input) };
}
