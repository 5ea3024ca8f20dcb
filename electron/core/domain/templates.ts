/**
 * 文书模板 (pure): what each template may say, its default wording, the check at save and the filling.
 *
 * A template is plain text in parts (contract/templates-labels.ts): 标题, 主送机关, 正文 (one paragraph per
 * line), the attached list's title. In it:
 * - `{名称}` is a placeholder, filled from the data and the settings when the document is printed. A list
 *   placeholder (e.g. {补正事项}) standing alone on a line prints one paragraph per item; inside a sentence
 *   its items are joined with "、". A line that comes out empty is left out.
 * - a line of the 正文 may start with `[条件]` (several for "and"): it is printed only when the condition
 *   holds, e.g. `[有备注]其他事项：{备注}`.
 * Only the placeholders and conditions a template declares are accepted; any other is refused at save with
 * its name (`assertTemplate`), so a printed document never shows a raw `{…}`.
 *
 * The defaults take every fact from the data and the settings (the summary due date, contact, address,
 * 行政复议机关, 行政诉讼法院, 公开方式): no sentence can contradict a setting.
 */
import { DeskError } from '../contract/errors.js';
import {
  TEMPLATE_LABELS,
  TEMPLATE_LIMITS,
  TEMPLATE_PART_LABELS,
  TEMPLATE_PARTS,
  type TemplateId,
  type TemplatePart,
} from '../contract/templates-labels.js';

/** The text of a template, part by part (absent parts: the template has none). */
export type TemplateParts = Partial<Record<TemplatePart, string>>;

export interface PlaceholderSpec {
  name: string;
  description: string;
  /** A list: alone on a line, one paragraph per item. */
  list?: boolean;
}

export interface ConditionSpec {
  name: string;
  description: string;
}

export interface TemplateSpec {
  /** The parts the template has, in the order the editor shows them (the order they print in). */
  parts: readonly TemplatePart[];
  placeholders: readonly PlaceholderSpec[];
  conditions: readonly ConditionSpec[];
  /** false: the common placeholders and conditions (contact, remedy bodies, 公开方式) do not apply (the 证书). */
  common?: false;
}

/** Values of a template's placeholders (strings, or lists) and its conditions. */
export interface TemplateValues {
  values: Record<string, string | readonly string[]>;
  conditions: Record<string, boolean>;
}

/** The filled wording a renderer prints. */
export interface FilledWording {
  title: string;
  addressee: string;
  paragraphs: string[];
  listTitle: string;
}

// ─────────────────────────────── placeholders ───────────────────────────────

/** Facts every template may use, from the settings. */
export const COMMON_PLACEHOLDERS: readonly PlaceholderSpec[] = [
  { name: '发文机关', description: '发文机关名称（设置 › 基本设置）' },
  { name: '成文日期', description: '文书的成文日期，如2026年10月12日' },
  { name: '联系人', description: '文书联系人（设置）' },
  { name: '联系电话', description: '联系电话（设置）' },
  { name: '联系地址', description: '通讯地址，书面意见和材料寄送地址（设置）' },
  { name: '联系方式', description: '联系人、联系电话和通讯地址中已设置的各项，用“，”连接' },
  { name: '行政复议机关', description: '行政复议机关（设置，默认福州市人民政府）' },
  { name: '行政诉讼法院', description: '行政诉讼法院（设置；未设置时印为“有管辖权的人民法院”并提示）' },
  { name: '公开方式', description: '本文书的公开方式（主动公开、依申请公开、不予公开），未设置时为空' },
];

export const COMMON_CONDITIONS: readonly ConditionSpec[] = [
  { name: '有联系方式', description: '设置了联系人、联系电话或通讯地址' },
  { name: '有联系地址', description: '设置了通讯地址' },
];

const INTAKE: readonly PlaceholderSpec[] = [
  { name: '申报单位', description: '申报单位名称' },
  { name: '中心名称', description: '拟建中心名称' },
  { name: '批次', description: '申报批次，如2026年第一批' },
];

const REVIEW: readonly PlaceholderSpec[] = [
  { name: '中心名称', description: '中心名称' },
  { name: '依托单位', description: '依托单位名称' },
  { name: '认定日期', description: '中心的认定日期' },
  { name: '证书编号', description: '证书编号' },
  { name: '复核类型', description: '认定期满三年复核 / 整改期满复核' },
  { name: '复核日期', description: '复核结论日期' },
  { name: '复核意见', description: '复核意见（每段一行）', list: true },
];

export const TEMPLATE_SPECS: Record<TemplateId, TemplateSpec> = {
  acceptanceNotice: { parts: ['title', 'addressee', 'body'], placeholders: INTAKE, conditions: [] },
  supplementNotice: {
    parts: ['title', 'addressee', 'body'],
    placeholders: [
      ...INTAKE,
      { name: '补正事项', description: '需补正的各项材料及原因（每项一段）', list: true },
      { name: '补正项数', description: '需补正的材料项数' },
      { name: '补正截止日期', description: '补正截止日期' },
      { name: '补正工作日数', description: '补正期限（工作日数）' },
      { name: '备注', description: '经办人填写的备注' },
    ],
    conditions: [{ name: '有备注', description: '经办人填写了备注' }],
  },
  rejectionNotice: {
    parts: ['title', 'addressee', 'body'],
    placeholders: [...INTAKE, { name: '不予受理理由', description: '经办人填写的不予受理理由' }],
    conditions: [],
  },
  reviewTaskLetter: {
    parts: ['title', 'addressee', 'body'],
    placeholders: [
      { name: '专家姓名', description: '评审专家姓名' },
      { name: '批次', description: '申报批次' },
      { name: '申报数量', description: '分配给该专家的申报份数' },
      { name: '申报清单', description: '分配给该专家的申报（每份一段）', list: true },
      { name: '评审包文件', description: '评审包文件名' },
      { name: '评审包编号', description: '评审包编号' },
      { name: '一次性口令', description: '导入评审包的一次性口令' },
      { name: '交回期限', description: '评分结果文件交回期限' },
    ],
    conditions: [],
  },
  publicityNotice: {
    parts: ['title', 'body', 'listTitle'],
    placeholders: [
      { name: '批次', description: '申报批次' },
      { name: '拟认定数量', description: '公示名单中的单位数' },
      { name: '公示期', description: '公示起止日期及工作日数' },
      { name: '公示开始日期', description: '公示开始日期' },
      { name: '公示结束日期', description: '公示结束日期' },
      { name: '公示工作日数', description: '公示期的工作日数' },
      { name: '异议受理机关', description: '接收书面异议的机关（默认发文机关）' },
    ],
    conditions: [],
  },
  designationNotice: {
    parts: ['title', 'addressee', 'body', 'listTitle'],
    placeholders: [
      { name: '批次', description: '申报批次' },
      { name: '认定数量', description: '认定的中心数' },
      { name: '总结报送时间', description: '每年报送年度工作总结的截止时间（设置 › 年度工作总结截止日期），如每年1月31日' },
      { name: '总结所属年度', description: '截止时间报送的是哪一年度的总结：上一年度 / 本年度' },
      { name: '首次总结年度', description: '首次报送的总结年度，如2026年度' },
      { name: '首次总结截止日期', description: '首次报送总结的截止日期' },
    ],
    conditions: [],
  },
  assessmentNotice: {
    parts: ['title', 'addressee', 'body', 'listTitle'],
    placeholders: [
      { name: '考核年度', description: '考核的年度' },
      { name: '考核中心数', description: '参加考核的中心数' },
      { name: '等次统计', description: '各等次的中心数，如优秀2个、良好1个、合格0个、不合格1个' },
      { name: '工作任务', description: '工作方案确定的工作任务' },
    ],
    conditions: [
      { name: '有优秀', description: '有考核结果为优秀的中心' },
      { name: '有不合格', description: '有考核结果为不合格的中心' },
      { name: '无不合格', description: '没有考核结果为不合格的中心' },
    ],
  },
  reviewRetain: {
    parts: ['title', 'addressee', 'body'],
    placeholders: [
      ...REVIEW,
      { name: '证书有效期至', description: '证书延续后的有效期截止日期' },
      { name: '下次复核日期', description: '下一次复核时间' },
    ],
    conditions: [],
  },
  reviewRectify: {
    parts: ['title', 'addressee', 'body'],
    placeholders: [...REVIEW, { name: '整改期限', description: '整改期限' }],
    conditions: [],
  },
  reviewRevoke: {
    parts: ['title', 'addressee', 'body'],
    placeholders: [...REVIEW, { name: '交回期限', description: '证书和牌匾交回期限' }],
    conditions: [],
  },
  certificate: {
    parts: ['numberLine', 'title', 'holder', 'body', 'validity', 'signer', 'dateLine'],
    placeholders: [
      { name: '依托单位', description: '依托单位（持证单位）名称' },
      { name: '中心名称', description: '认定的中心名称' },
      { name: '证书编号', description: '证书编号，如FZIPC-2026-001' },
      { name: '有效期起', description: '有效期起始日期（认定日期），如2026年10月12日' },
      { name: '有效期止', description: '有效期截止日期，如2029年10月11日' },
      { name: '发证机关', description: '发证机关名称（设置 › 基本设置）' },
      { name: '发证日期', description: '发证日期（认定日期），如2026年10月12日' },
    ],
    conditions: [],
    common: false,
  },
};

/** Every placeholder a template accepts (its own and the common ones). */
export function placeholdersOf(id: TemplateId): PlaceholderSpec[] {
  const own = TEMPLATE_SPECS[id].placeholders;
  if (TEMPLATE_SPECS[id].common === false) return [...own];
  return [...own, ...COMMON_PLACEHOLDERS.filter((c) => !own.some((p) => p.name === c.name))];
}

export function conditionsOf(id: TemplateId): ConditionSpec[] {
  if (TEMPLATE_SPECS[id].common === false) return [...TEMPLATE_SPECS[id].conditions];
  return [...TEMPLATE_SPECS[id].conditions, ...COMMON_CONDITIONS];
}

/** Whether the common facts from 设置 (contact, 行政诉讼法院 …) word this template (their warnings apply). */
export function usesNoticeFacts(id: TemplateId): boolean {
  return TEMPLATE_SPECS[id].common !== false;
}

// ─────────────────────────────── default wording ───────────────────────────────

const PROGRAM = '福州市产业知识产权协同保护与运营中心';
const BASIS = `根据${PROGRAM}建设工作有关规定（榕市监规〔2022〕6号）`;
/** The remedy notice of an adverse decision (行政复议法 §20: 60 days; 行政诉讼法 §46: 6 months). */
export const REMEDY_LINE =
  '如不服本决定，可在收到本决定之日起60日内向{行政复议机关}申请行政复议，或者在6个月内向{行政诉讼法院}提起行政诉讼。';
const CONTACT_LINE = '[有联系方式]（{联系方式}）';
/** 主送: "、" between organs of one level, "，" between groups (GB/T 9704 §7.3.2). */
export const DISTRICTS_ADDRESSEE = '各县（市）区市场监督管理局，各有关单位';

const lines = (...l: string[]): string => l.join('\n');

export const DEFAULT_TEMPLATES: Record<TemplateId, TemplateParts> = {
  acceptanceNotice: {
    title: '受理通知书',
    addressee: '{申报单位}',
    body: lines(
      '你单位报送的《{中心名称}申报材料》收悉。经形式审查，申报材料齐全，符合规定形式，决定予以受理，纳入{批次}专家评审。',
      '我局将组织专家对申报材料进行评审，评审结果将按程序予以公示。本通知不代表认定结果。',
      '[有联系方式]如有疑问，请与我局联系（{联系方式}）。',
      '特此通知。',
    ),
  },
  supplementNotice: {
    title: '补正通知书',
    addressee: '{申报单位}',
    body: lines(
      '你单位报送的《{中心名称}申报材料》收悉。经形式审查，申报材料尚有以下{补正项数}项需要补正：',
      '{补正事项}',
      '[有备注]其他事项：{备注}',
      '请你单位按上述意见一次性补正，并于{补正截止日期}下班前（{补正工作日数}个工作日）将补正材料加盖单位公章后报送我局。补正期限自本通知成文日期的次日起按工作日计算。',
      '逾期未补正或者补正后仍不符合要求的，视为放弃{批次}申报，不予受理。',
      '[有联系方式]补正材料报送及咨询：{联系方式}。',
      '特此通知。',
    ),
  },
  rejectionNotice: {
    title: '不予受理通知书',
    addressee: '{申报单位}',
    body: lines(
      '你单位报送的《{中心名称}申报材料》收悉。经形式审查，{不予受理理由}。根据有关规定，决定对你单位{批次}申报不予受理。',
      '你单位如对本通知有异议，可自收到本通知之日起15个工作日内向我局书面提出。具备申报条件后，可在以后批次中重新申报。',
      REMEDY_LINE,
      CONTACT_LINE,
      '特此通知。',
    ),
  },
  reviewTaskLetter: {
    title: '评审任务通知单',
    addressee: '{专家姓名}专家',
    body: lines(
      `您好！{批次}${PROGRAM}认定评审工作已启动，请您评审以下{申报数量}份申报材料：`,
      '{申报清单}',
      '评审材料已制作为加密评审包（{评审包文件}），由工作人员以U盘交给您。',
      '一、一次性口令：{一次性口令}',
      '二、使用方法：（一）将U盘插入您的电脑；（二）打开“产业知识产权中心认定工作台”，选择“专家模式”；（三）点击“导入评审包”，选择U盘中的评审包文件；（四）输入上述一次性口令。导入后即可阅读材料并逐项评分，系统会即时检查分值是否在范围内、是否符合评分步长。',
      '三、评分完成后，在专家模式中点击“导出评分结果”，将生成的评分结果文件（.ipcdres）拷入U盘，于{交回期限}前交回秘书处。导出后可选择清除本机上的评审包和草稿。',
      '四、保密提醒：本通知单与U盘请分开保管、分开传递，切勿将口令写在U盘上或与U盘放在一起。评审包遗失时请立即告知秘书处，秘书处将重新发放评审包和口令。',
      '[有联系方式]秘书处联系方式：{联系方式}。',
      '评审包编号：{评审包编号}',
    ),
  },
  publicityNotice: {
    title: `关于{批次}${PROGRAM}拟认定名单的公示`,
    listTitle: `{批次}${PROGRAM}拟认定名单`,
    body: lines(
      `根据榕市监规〔2022〕6号文件有关规定，我局组织开展了{批次}${PROGRAM}认定工作。经单位申报、形式审查、专家评审等程序，拟认定{拟认定数量}家单位为${PROGRAM}（名单见附件），现予以公示。`,
      '公示期为{公示期}。',
      '公示期间，任何单位或者个人对公示名单有异议的，可以书面形式向{异议受理机关}提出，并提供必要的证明材料。单位提出异议的，须加盖本单位公章；个人提出异议的，须签署真实姓名并注明联系方式。匿名异议或者逾期提出的异议，不予受理。',
      '[有联系地址]书面异议材料请寄送或者送达：{联系地址}。',
      '联系人：{联系人}，联系电话：{联系电话}。',
    ),
  },
  designationNotice: {
    title: `关于认定{批次}${PROGRAM}的通知`,
    addressee: DISTRICTS_ADDRESSEE,
    listTitle: `{批次}${PROGRAM}名单`,
    body: lines(
      `${BASIS}，经单位申报、形式审查、专家评审和社会公示，决定认定{认定数量}家单位为${PROGRAM}（名单见附件），有效期三年，自本通知印发之日起计算。现将有关事项通知如下：`,
      '一、加强建设管理',
      '各中心要按照工作方案要求，健全工作机制，配齐工作团队，落实办公场所和保障条件，围绕产业发展需要开展知识产权协同保护与运营工作，切实发挥示范带动和辐射作用。',
      '二、报送年度工作总结',
      '各中心应于{总结报送时间}前向我局报送{总结所属年度}工作总结（首次报送{首次总结年度}工作总结，截止时间为{首次总结截止日期}），如实反映知识产权宣传培训、维权援助、纠纷化解、转化运用、质押融资、高价值专利培育、商标品牌建设等工作情况及取得成效。',
      '三、开展考核复核',
      '我局将结合年度工作总结对各中心开展中期考核，并在认定满三年时组织复核，根据复核结果实行动态调整，予以保留、限期整改或者撤销认定。被撤销认定的，收回证书和牌匾。',
      '四、签订共建协议',
      '各中心应与福州市知识产权发展保护中心、福州市知识产权维权援助中心签订共建协议，建立信息共享、案件协作和业务指导机制。',
      '各县（市）区市场监督管理局要加强对辖区内中心的指导和支持，及时协调解决中心建设中遇到的困难和问题。',
      CONTACT_LINE,
    ),
  },
  assessmentNotice: {
    title: `关于公布{考核年度}年度${PROGRAM}中期考核结果的通知`,
    addressee: DISTRICTS_ADDRESSEE,
    listTitle: `{考核年度}年度${PROGRAM}中期考核结果`,
    body: lines(
      `${BASIS}，我局组织开展了{考核年度}年度${PROGRAM}中期考核。考核以各中心报送的{考核年度}年度工作总结为基础，对照中期考核表，围绕{工作任务}等工作任务的完成情况和取得成效逐项评分，并结合日常管理情况评定考核等次。现将考核结果通知如下：`,
      '一、考核结果',
      '本次共考核{考核中心数}个中心，其中{等次统计}（考核结果见附件）。',
      '二、有关要求',
      '[有优秀]考核结果为优秀的中心，要认真总结工作经验，进一步发挥示范带动作用，推动产业知识产权协同保护与运营工作提质增效。',
      '考核结果为良好、合格的中心，要对照考核意见查找不足，补齐工作短板，确保全面完成工作方案确定的各项任务。',
      '[有不合格]考核结果为不合格的中心，应当限期整改，自本通知印发之日起三个月内完成整改，并向我局书面报送整改情况报告。我局将在三年复核时对其从严把关，整改不到位的，依照规定撤销认定。',
      '[无不合格]对考核结果为不合格的中心，我局将责令限期整改，并在三年复核时从严把关。',
      '各县（市）区市场监督管理局要加强对辖区内中心的指导和督促，支持中心做好整改提升工作，确保中心建设工作取得实效。',
      CONTACT_LINE,
    ),
  },
  reviewRetain: {
    title: '关于{中心名称}复核结果的通知',
    addressee: '{依托单位}',
    body: lines(
      `${BASIS}，我局对你单位依托建设的{中心名称}（{认定日期}认定，证书编号：{证书编号}）开展了{复核类型}，审核了中心年度工作总结、中期考核结果及相关工作材料。{复核日期}，经复核，意见如下：`,
      '{复核意见}',
      '根据复核结果，决定保留{中心名称}认定，证书有效期延续至{证书有效期至}。下一次复核时间为{下次复核日期}。',
      '请你单位按照工作方案要求，持续加强中心建设，健全工作机制，按时报送年度工作总结，进一步发挥中心在产业知识产权协同保护与运营中的作用。',
      CONTACT_LINE,
    ),
  },
  reviewRectify: {
    title: '关于{中心名称}限期整改的通知',
    addressee: '{依托单位}',
    body: lines(
      `${BASIS}，我局对你单位依托建设的{中心名称}（{认定日期}认定，证书编号：{证书编号}）开展了{复核类型}，审核了中心年度工作总结、中期考核结果及相关工作材料。{复核日期}，经复核，意见如下：`,
      '{复核意见}',
      '根据复核结果，决定对{中心名称}予以限期整改，整改期限至{整改期限}。',
      '请你单位对照复核意见，逐项制定整改措施，明确责任人和完成时限，认真落实整改，并于整改期限届满前以书面形式向我局报送整改情况报告。整改期间，中心应当继续正常开展工作。',
      '整改期满后，我局将组织复核。整改到位的，保留认定；整改不到位的，撤销认定。',
      CONTACT_LINE,
    ),
  },
  reviewRevoke: {
    title: '关于撤销{中心名称}认定的决定',
    addressee: '{依托单位}',
    body: lines(
      `${BASIS}，我局对你单位依托建设的{中心名称}（{认定日期}认定，证书编号：{证书编号}）开展了{复核类型}，审核了中心年度工作总结、中期考核结果及相关工作材料。{复核日期}，经复核，意见如下：`,
      '{复核意见}',
      '根据复核结果，决定自{复核日期}起撤销{中心名称}认定，证书（编号：{证书编号}）同时作废，收回中心牌匾。',
      `请你单位于{交回期限}前将证书和牌匾交回我局。自撤销认定之日起，不得再以${PROGRAM}名义开展活动或者进行宣传。`,
      REMEDY_LINE,
      CONTACT_LINE,
    ),
  },
  // The 证书 as printed before it became a template (documents/pdf/certificate.ts lays these lines out).
  certificate: {
    numberLine: '编号：{证书编号}',
    title: '证书',
    holder: '{依托单位}：',
    body: lines('经评审，认定为{中心名称}。', '特发此证。'),
    validity: '有效期：{有效期起}至{有效期止}',
    signer: '{发证机关}',
    dateLine: '{发证日期}',
  },
};

/** The default text of a template, with exactly the parts its spec has. */
export function defaultTemplate(id: TemplateId): TemplateParts {
  return { ...DEFAULT_TEMPLATES[id] };
}

// ─────────────────────────────── check ───────────────────────────────

export interface TemplateProblem {
  part: TemplatePart;
  message: string;
  /** The unknown placeholder or condition, when that is the problem. */
  placeholder?: string;
  condition?: string;
}

const PLACEHOLDER = /\{([^{}\n]*)\}/g;
const LEADING_CONDITIONS = /^(?:\[[^\]\n]*\])+/;

/** The condition names a body line starts with, and the rest of the line. */
function splitConditions(line: string): { conditions: string[]; rest: string } {
  const m = LEADING_CONDITIONS.exec(line);
  if (!m) return { conditions: [], rest: line };
  const conditions = [...m[0].matchAll(/\[([^\]\n]*)\]/g)].map((x) => x[1]!.trim());
  return { conditions, rest: line.slice(m[0].length) };
}

/** Every problem of a template text (empty: it can be saved). Pure. */
export function templateProblems(id: TemplateId, parts: TemplateParts): TemplateProblem[] {
  const spec = TEMPLATE_SPECS[id];
  const known = new Set(placeholdersOf(id).map((p) => p.name));
  const knownConditions = new Set(conditionsOf(id).map((c) => c.name));
  const out: TemplateProblem[] = [];
  for (const part of TEMPLATE_PARTS) {
    const text = parts[part];
    const label = TEMPLATE_PART_LABELS[part];
    if (!spec.parts.includes(part)) {
      if (text !== undefined && text.trim() !== '') out.push({ part, message: `${TEMPLATE_LABELS[id]}没有“${label}”这一部分。` });
      continue;
    }
    const value = text ?? '';
    if ((part === 'title' || part === 'body') && value.trim() === '') out.push({ part, message: `请填写${label}。` });
    if ([...value].length > TEMPLATE_LIMITS[part]) out.push({ part, message: `${label}不超过${TEMPLATE_LIMITS[part]}个字。` });
    if (part !== 'body' && /\n/.test(value)) out.push({ part, message: `${label}只能有一行。` });
    for (const line of value.split('\n')) {
      const { conditions, rest } = part === 'body' ? splitConditions(line.trim()) : { conditions: [], rest: line };
      for (const c of conditions) {
        if (!knownConditions.has(c))
          out.push({
            part,
            condition: c,
            message: `${label}中的条件“[${c}]”不存在。可用的条件：${[...knownConditions].map((n) => `[${n}]`).join('、')}。`,
          });
      }
      for (const m of rest.matchAll(PLACEHOLDER)) {
        const name = m[1]!.trim();
        if (!known.has(name))
          out.push({ part, placeholder: name, message: `${label}中的占位符“{${name}}”不存在，请改为可用的占位符或删除。` });
      }
      const stray = rest.replace(PLACEHOLDER, '');
      if (/[{}]/.test(stray)) out.push({ part, message: `${label}中有不成对的花括号“{”或“}”：占位符写作{名称}。` });
    }
  }
  return out;
}

/** Refuses a template with problems: INVALID_INPUT naming the first one (an unknown placeholder by its name). */
export function assertTemplate(id: TemplateId, parts: TemplateParts): void {
  const problems = templateProblems(id, parts);
  if (problems.length === 0) return;
  const first = problems[0]!;
  throw new DeskError('INVALID_INPUT', `${TEMPLATE_LABELS[id]}：${first.message}`, {
    field: first.part,
    ...(first.placeholder !== undefined ? { placeholder: first.placeholder } : {}),
    ...(first.condition !== undefined ? { condition: first.condition } : {}),
    problems,
  });
}

// ─────────────────────────────── filling ───────────────────────────────

function valueText(v: string | readonly string[] | undefined): string {
  if (v === undefined) return '';
  return typeof v === 'string' ? v : v.join('、');
}

function replaceInline(text: string, values: TemplateValues['values']): string {
  return text.replace(PLACEHOLDER, (_, name: string) => valueText(values[name.trim()]));
}

/** One single-line part filled with `values` (pure), trimmed; empty when the template has no such part. */
export function fillLine(text: string | undefined, values: TemplateValues['values']): string {
  return replaceInline(text ?? '', values).trim();
}

/**
 * The wording of a template filled with `v` (pure). Unknown placeholders print as empty (a saved template
 * has none); lines whose conditions do not all hold, and lines that come out empty, are left out.
 */
export function fillTemplate(parts: TemplateParts, v: TemplateValues): FilledWording {
  const paragraphs: string[] = [];
  for (const raw of (parts.body ?? '').split('\n')) {
    const { conditions, rest } = splitConditions(raw.trim());
    if (!conditions.every((c) => v.conditions[c] === true)) continue;
    const whole = /^\{([^{}\n]*)\}$/.exec(rest.trim());
    const listValue = whole ? v.values[whole[1]!.trim()] : undefined;
    if (listValue !== undefined && typeof listValue !== 'string') {
      paragraphs.push(...listValue.map((s) => s.trim()).filter((s) => s.length > 0));
      continue;
    }
    const line = replaceInline(rest, v.values).trim();
    if (line) paragraphs.push(line);
  }
  return {
    title: replaceInline(parts.title ?? '', v.values).trim(),
    addressee: replaceInline(parts.addressee ?? '', v.values).trim(),
    paragraphs,
    listTitle: replaceInline(parts.listTitle ?? '', v.values).trim(),
  };
}

// ─────────────────────────────── common facts ───────────────────────────────

/** What the common placeholders need from the settings. */
export interface NoticeFactsSettings {
  bureauName: string;
  contactPerson?: string | undefined;
  contactPhone?: string | undefined;
  contactAddress?: string | undefined;
  reconsiderationBody?: string | undefined;
  litigationCourt?: string | undefined;
}

export const DEFAULT_RECONSIDERATION_BODY = '福州市人民政府';
/** Printed while no court is set (legally sound, but the bureau should name its court). */
export const UNSET_COURT_TEXT = '有管辖权的人民法院';

/** Settings the notices need that are not set yet, as warnings (shown in 设置 and with every preview). */
export function noticeFactWarnings(s: NoticeFactsSettings): string[] {
  const out: string[] = [];
  if (!s.litigationCourt?.trim())
    out.push(`尚未设置行政诉讼法院：不予受理通知书和撤销认定决定的救济告知中暂印为“${UNSET_COURT_TEXT}”，请在“文书信息”中填写。`);
  if (!s.contactPerson?.trim()) out.push('尚未设置文书联系人：通知中不印联系人，请在“文书信息”中填写。');
  if (!s.contactPhone?.trim()) out.push('尚未设置联系电话：通知中不印联系电话，请在“文书信息”中填写。');
  if (!s.contactAddress?.trim()) out.push('尚未设置通讯地址：通知中不印书面意见和材料的寄送地址，请在“文书信息”中填写。');
  return out;
}

/** 联系人：王五，联系电话：0591-…，地址：… (only what is set). */
export function contactText(c: { person?: string | undefined; phone?: string | undefined; address?: string | undefined }): string {
  return [
    c.person?.trim() ? `联系人：${c.person.trim()}` : '',
    c.phone?.trim() ? `联系电话：${c.phone.trim()}` : '',
    c.address?.trim() ? `地址：${c.address.trim()}` : '',
  ]
    .filter(Boolean)
    .join('，');
}

/** The values of the common placeholders and conditions. */
export function commonValues(
  s: NoticeFactsSettings,
  opts: { date: string; disclosure?: string | undefined; contact?: { name: string; phone: string } | undefined },
  formatDate: (iso: string) => string,
): TemplateValues {
  const person = opts.contact?.name ?? s.contactPerson ?? '';
  const phone = opts.contact?.phone ?? s.contactPhone ?? '';
  const address = s.contactAddress ?? '';
  const contact = contactText({ person, phone, address });
  return {
    values: {
      发文机关: s.bureauName.trim(),
      成文日期: /^\d{4}-\d{2}-\d{2}$/.test(opts.date) ? formatDate(opts.date) : '',
      联系人: person.trim(),
      联系电话: phone.trim(),
      联系地址: address.trim(),
      联系方式: contact,
      行政复议机关: s.reconsiderationBody?.trim() || DEFAULT_RECONSIDERATION_BODY,
      行政诉讼法院: s.litigationCourt?.trim() || UNSET_COURT_TEXT,
      公开方式: opts.disclosure ?? '',
    },
    conditions: { 有联系方式: contact.length > 0, 有联系地址: address.trim().length > 0 },
  };
}

/** Merges values (later ones win). */
export function mergeValues(...all: TemplateValues[]): TemplateValues {
  return {
    values: Object.assign({}, ...all.map((v) => v.values)) as TemplateValues['values'],
    conditions: Object.assign({}, ...all.map((v) => v.conditions)) as TemplateValues['conditions'],
  };
}
