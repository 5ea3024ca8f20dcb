/** The columns of the 申报单位 template, shared by the template writer and the import reader. */
export type TemplateField =
  | 'name'
  | 'uscc'
  | 'unitType'
  | 'legalRepresentative'
  | 'contact'
  | 'phone'
  | 'address'
  | 'district'
  | 'industry'
  | 'route'
  | 'recommendingDistrict'
  | 'proposedCenterName'
  | 'invention'
  | 'utility'
  | 'design'
  | 'trademarks'
  | 'gi'
  | 'copyrights'
  | 'standards';

export interface TemplateColumn {
  field: TemplateField | 'seq';
  header: string;
  width: number;
  required: boolean;
  kind: 'text' | 'count' | 'list';
  /** Name of the list on the hidden options sheet (kind 'list'). */
  list?: 'districts' | 'industries' | 'unitTypes' | 'routes';
  note: string;
}

export const TEMPLATE_SHEET = '申报单位';
export const OPTIONS_SHEET = '选项';
export const TEMPLATE_HEADER_ROW = 3;
export const TEMPLATE_FIRST_DATA_ROW = 4;
export const MAX_IMPORT_ROWS = 5000;

export const TEMPLATE_COLUMNS: TemplateColumn[] = [
  { field: 'seq', header: '序号', width: 6, required: false, kind: 'text', note: '可不填' },
  { field: 'name', header: '单位名称', width: 30, required: true, kind: 'text', note: '与营业执照一致' },
  { field: 'uscc', header: '统一社会信用代码', width: 22, required: true, kind: 'text', note: '18位，按文本填写' },
  { field: 'unitType', header: '单位类型', width: 12, required: true, kind: 'list', list: 'unitTypes', note: '下拉选择' },
  { field: 'legalRepresentative', header: '法定代表人', width: 12, required: true, kind: 'text', note: '' },
  { field: 'contact', header: '联系人', width: 12, required: true, kind: 'text', note: '' },
  { field: 'phone', header: '联系电话', width: 16, required: true, kind: 'text', note: '手机或带区号座机' },
  { field: 'address', header: '地址', width: 30, required: true, kind: 'text', note: '' },
  { field: 'district', header: '所属县（市）区', width: 16, required: true, kind: 'list', list: 'districts', note: '下拉选择' },
  { field: 'industry', header: '所属产业', width: 12, required: true, kind: 'list', list: 'industries', note: '下拉选择' },
  { field: 'route', header: '申报方式', width: 14, required: true, kind: 'list', list: 'routes', note: '下拉选择' },
  {
    field: 'recommendingDistrict',
    header: '推荐单位（县（市）区）',
    width: 18,
    required: false,
    kind: 'list',
    list: 'districts',
    note: '推荐申报时必填',
  },
  { field: 'proposedCenterName', header: '拟建中心名称', width: 30, required: true, kind: 'text', note: '' },
  { field: 'invention', header: '发明专利（件）', width: 10, required: false, kind: 'count', note: '整数，空为0' },
  { field: 'utility', header: '实用新型专利（件）', width: 10, required: false, kind: 'count', note: '整数，空为0' },
  { field: 'design', header: '外观设计专利（件）', width: 10, required: false, kind: 'count', note: '整数，空为0' },
  { field: 'trademarks', header: '商标（件）', width: 10, required: false, kind: 'count', note: '整数，空为0' },
  { field: 'gi', header: '地理标志（件）', width: 10, required: false, kind: 'count', note: '整数，空为0' },
  { field: 'copyrights', header: '著作权（件）', width: 10, required: false, kind: 'count', note: '整数，空为0' },
  { field: 'standards', header: '标准（项）', width: 10, required: false, kind: 'count', note: '整数，空为0' },
];

/** Column letter of a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
