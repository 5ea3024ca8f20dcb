/** 申报汇总表 (Excel): the listed applications (filters applied), styled and print-ready (A4 landscape). */
import type { Application } from '../../contract/applications/entities.js';
import type { Settings } from '../../contract/settings.js';
import { APPLICATION_STATUS_LABELS } from '../../domain/application-status.js';
import { missingItemNos } from '../../domain/application-query.js';
import { formatChineseDate } from '../../domain/batches.js';
import { ROUTE_LABELS, UNIT_TYPE_LABELS } from '../../domain/lists.js';
import { buildRoster, workbookToBuffer, type RosterColumn } from './style.js';

export interface ApplicationRosterInput {
  /** Already filtered and sorted, in the order shown. */
  applications: readonly Application[];
  settings: Settings;
  /** e.g. “2026年第一批” or “全部批次”. */
  scope: string;
  /** Human summary of the filters applied (printed in the subtitle). */
  filterText?: string;
  generatedOn: string;
}

export const APPLICATION_ROSTER_COLUMNS: RosterColumn[] = [
  { header: '序号', key: 'no', width: 6, kind: 'number' },
  { header: '申报编号', key: 'id', width: 13 },
  { header: '单位名称', key: 'name', width: 28 },
  { header: '统一社会信用代码', key: 'uscc', width: 21 },
  { header: '单位类型', key: 'unitType', width: 10 },
  { header: '所属县（市）区', key: 'district', width: 12 },
  { header: '所属产业', key: 'industry', width: 11 },
  { header: '申报方式', key: 'route', width: 16 },
  { header: '拟建中心名称', key: 'center', width: 28 },
  { header: '联系人', key: 'contact', width: 9 },
  { header: '联系电话', key: 'phone', width: 14 },
  { header: '发明专利', key: 'invention', width: 7, kind: 'number' },
  { header: '商标', key: 'trademarks', width: 7, kind: 'number' },
  { header: '材料', key: 'materials', width: 14 },
  { header: '状态', key: 'status', width: 9 },
];

export async function renderApplicationRosterXlsx(input: ApplicationRosterInput): Promise<Buffer> {
  const title = `${input.scope}产业知识产权协同保护与运营中心申报汇总表`;
  const wb = buildRoster({
    sheetName: '申报汇总表',
    title,
    subtitle: [
      `制表单位：${input.settings.bureauName}`,
      input.filterText ? `筛选：${input.filterText}` : '',
      `共${input.applications.length}家`,
      `生成日期：${formatChineseDate(input.generatedOn)}`,
    ]
      .filter(Boolean)
      .join('\u3000\u3000'),
    columns: APPLICATION_ROSTER_COLUMNS,
    rows: input.applications.map((a, i) => {
      const missing = missingItemNos(a);
      return {
        no: i + 1,
        id: a.id,
        name: a.applicant.name,
        uscc: a.applicant.uscc,
        unitType: a.applicant.unitType ? UNIT_TYPE_LABELS[a.applicant.unitType] : '',
        district: a.applicant.district,
        industry: a.applicant.industry,
        route: a.route === 'recommended' ? `${a.recommendingDistrict}推荐` : ROUTE_LABELS[a.route],
        center: a.proposedCenterName,
        contact: a.applicant.contact,
        phone: a.applicant.phone,
        invention: a.ipFigures.invention,
        trademarks: a.ipFigures.trademarks,
        materials: missing.length ? `缺第${missing.join('、')}项` : '齐全',
        status: APPLICATION_STATUS_LABELS[a.status],
      };
    }),
    orientation: 'landscape',
  });
  wb.title = title;
  wb.company = input.settings.bureauName;
  const created = new Date(`${input.generatedOn}T00:00:00Z`);
  wb.created = created;
  wb.modified = created;
  return workbookToBuffer(wb);
}
