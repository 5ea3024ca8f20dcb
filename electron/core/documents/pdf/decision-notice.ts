/**
 * 认定通知 (GB/T 9704): document number, addressed to the districts and units concerned, the
 * decision (经申报、形式审查、专家评审、公示，决定认定…, valid three years), what the centers must do
 * (annual summary, mid-term assessment, re-review every three years, co-construction agreement),
 * and the list of designated centers with their certificate numbers as the attachment page.
 */
import { DeskError } from '../../contract/errors.js';
import { officialFormat, type OfficialFormat } from '../../domain/document-kinds.js';
import type { FontSet } from '../fonts/registry.js';
import { CENTER_PROGRAM, renderListNotice } from './publicity-notice.js';
import type { TableColumn } from './table.js';

export interface DecisionEntry {
  centerName: string;
  hostUnit: string;
  /** e.g. FZIPC-2026-001 */
  certificateNumber: string;
}

export interface DecisionNoticeInput {
  authority: string;
  /** 发文字号, e.g. 榕市监知〔2026〕3号 (required for a decision). */
  docNumber: string;
  /** e.g. 2026年第一批 */
  batchLabel: string;
  /** 成文日期 YYYY-MM-DD (also the start of the three-year validity). */
  decidedOn: string;
  entries: DecisionEntry[];
  /** Default: 各县（市）区市场监督管理局、各有关单位 */
  addressee?: string;
  fonts?: FontSet;
  preview?: boolean;
  /** Kind, mark, 附注 and 版记 from the settings (domain/document-kinds.ts officialFormat). */
  format?: OfficialFormat;
}

export const DECISION_ADDRESSEE = '各县（市）区市场监督管理局、各有关单位';
export const decisionTitle = (batchLabel: string): string => `关于认定${batchLabel}${CENTER_PROGRAM}的通知`;
export const decisionListTitle = (batchLabel: string): string => `${batchLabel}${CENTER_PROGRAM}名单`;

export function decisionNoticeParagraphs(input: DecisionNoticeInput): string[] {
  const n = input.entries.length;
  return [
    `根据${CENTER_PROGRAM}建设工作有关规定（榕市监规〔2022〕6号），经单位申报、形式审查、专家评审和社会公示，决定认定${n}家单位为${CENTER_PROGRAM}（名单见附件），有效期三年，自本通知印发之日起计算。现将有关事项通知如下：`,
    '一、加强建设管理',
    '各中心要按照工作方案要求，健全工作机制，配齐工作团队，落实办公场所和保障条件，围绕产业发展需要开展知识产权协同保护与运营工作，切实发挥示范带动和辐射作用。',
    '二、报送年度工作总结',
    '各中心应于每年12月底前向我局报送本年度工作总结，如实反映知识产权宣传培训、维权援助、纠纷化解、转化运用、质押融资、高价值专利培育、商标品牌建设等工作情况及取得成效。',
    '三、开展考核复核',
    '我局将结合年度工作总结对各中心开展中期考核，并在认定满三年时组织复核，根据复核结果实行动态调整，予以保留、限期整改或者撤销认定。被撤销认定的，收回证书和牌匾。',
    '四、签订共建协议',
    '各中心应与福州市知识产权发展保护中心、福州市知识产权维权援助中心签订共建协议，建立信息共享、案件协作和业务指导机制。',
    '各县（市）区市场监督管理局要加强对辖区内中心的指导和支持，及时协调解决中心建设中遇到的困难和问题。',
  ];
}

export const DECISION_COLUMNS: TableColumn[] = [
  { header: '序号', width: 8, align: 'center' },
  { header: '中心名称', width: 37 },
  { header: '依托单位', width: 29 },
  { header: '证书编号', width: 26, align: 'center' },
];

export function decisionNoticeRows(entries: DecisionEntry[]): string[][] {
  return entries.map((e, i) => [String(i + 1), e.centerName, e.hostUnit, e.certificateNumber]);
}

export function renderDecisionNotice(input: DecisionNoticeInput): Promise<Buffer> {
  const missing: string[] = [];
  if (!input.authority.trim()) missing.push('发文机关');
  if (!input.docNumber.trim()) missing.push('发文字号');
  if (!input.batchLabel.trim()) missing.push('批次');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.decidedOn)) missing.push('成文日期');
  if (missing.length > 0) throw new DeskError('INVALID_INPUT', `无法生成认定通知：缺少${missing.join('、')}。`, { missing });
  if (input.entries.length === 0) throw new DeskError('INVALID_INPUT', '认定名单为空，无法生成认定通知。');
  return renderListNotice({
    authority: input.authority,
    docNumber: input.docNumber.trim(),
    title: decisionTitle(input.batchLabel),
    addressee: input.addressee?.trim() || DECISION_ADDRESSEE,
    paragraphs: decisionNoticeParagraphs(input),
    attachment: { title: decisionListTitle(input.batchLabel), columns: DECISION_COLUMNS, rows: decisionNoticeRows(input.entries) },
    signer: input.authority,
    date: input.decidedOn,
    format: input.format ?? officialFormat({ bureauName: input.authority }, 'designationNotice', input.decidedOn),
    ...(input.fonts ? { fonts: input.fonts } : {}),
    ...(input.preview ? { sealSlot: true } : {}),
  });
}
