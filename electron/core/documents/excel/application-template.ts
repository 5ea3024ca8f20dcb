/** The blank 申报单位 template (.xlsx) county offices fill in: one row per applicant, with drop-down lists. */
import ExcelJS from 'exceljs';
import { DEFAULT_LISTS, ROUTE_LABELS, UNIT_TYPE_LABELS, type ChoiceLists } from '../../domain/lists.js';
import { breakHeader } from './header-lines.js';
import { columnsOnFirstPage, minScaleFor, setPrint } from './print-fit.js';
import { heightFor, wrappedLines } from './row-heights.js';
import { ROSTER_FONT_PT, setText, workbookToBuffer } from './style.js';
import {
  MAX_IMPORT_ROWS,
  OPTIONS_SHEET,
  TEMPLATE_COLUMNS,
  TEMPLATE_FIRST_DATA_ROW,
  TEMPLATE_HEADER_ROW,
  TEMPLATE_SHEET,
  columnLetter,
} from './application-columns.js';

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

export interface TemplateInput {
  lists?: ChoiceLists;
  /** Shown in the note row, e.g. the bureau name. */
  bureauName: string;
}

export async function renderApplicationTemplate(input: TemplateInput): Promise<Buffer> {
  const lists = input.lists ?? DEFAULT_LISTS;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'IP Center Desk';
  const ws = wb.addWorksheet(TEMPLATE_SHEET);
  const opts = wb.addWorksheet(OPTIONS_SHEET, { state: 'hidden' });
  // The sheet prints more than one page wide: title and note span the columns of the first page only.
  const firstPage = columnsOnFirstPage(
    TEMPLATE_COLUMNS.map((c) => c.width),
    'landscape',
    minScaleFor(ROSTER_FONT_PT),
  );
  ws.columns = TEMPLATE_COLUMNS.map((c) => ({ width: c.width }));

  ws.mergeCells(1, 1, 1, firstPage);
  const title = ws.getCell(1, 1);
  setText(title, '福州市产业知识产权协同保护与运营中心申报单位信息表');
  title.font = { name: '黑体', size: 16, bold: true };
  title.alignment = { horizontal: 'left', vertical: 'middle' };
  ws.getRow(1).height = 30;

  ws.mergeCells(2, 1, 2, firstPage);
  const note = ws.getCell(2, 1);
  setText(
    note,
    `填写说明：每行填写一个申报单位，从第${TEMPLATE_FIRST_DATA_ROW}行开始，最多${MAX_IMPORT_ROWS}行；带“*”的列必填；` +
      '单位类型、所属县（市）区、所属产业、申报方式请从下拉列表选择；统一社会信用代码按文本填写18位；' +
      `请勿合并单元格、勿使用公式、勿改动表头。（${input.bureauName}）`,
  );
  note.font = { name: '仿宋', size: ROSTER_FONT_PT, color: { argb: 'FFC00000' } };
  note.alignment = { wrapText: true, vertical: 'top' };
  const noteWidth = TEMPLATE_COLUMNS.slice(0, firstPage).reduce((w, c) => w + c.width, 0);
  ws.getRow(2).height = heightFor(wrappedLines(String(note.value), noteWidth, ROSTER_FONT_PT) + 1, ROSTER_FONT_PT);

  const header = ws.getRow(TEMPLATE_HEADER_ROW);
  TEMPLATE_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = breakHeader(c.required ? `*${c.header}` : c.header, c.width, ROSTER_FONT_PT);
    cell.note = c.note || c.header;
    cell.font = { name: '黑体', size: ROSTER_FONT_PT, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
  });
  header.height = Math.max(
    36,
    heightFor(Math.max(...TEMPLATE_COLUMNS.map((_c, i) => String(header.getCell(i + 1).value).split('\n').length))),
  );

  // Options sheet: one column per list, referenced by the data validations.
  const listValues: Record<string, readonly string[]> = {
    districts: lists.districts,
    industries: lists.industries,
    unitTypes: Object.values(UNIT_TYPE_LABELS),
    routes: Object.values(ROUTE_LABELS),
  };
  const listRef: Record<string, string> = {};
  Object.entries(listValues).forEach(([key, values], i) => {
    const col = i + 1;
    opts.getCell(1, col).value = key;
    values.forEach((v, r) => setText(opts.getCell(r + 2, col), v));
    const letter = columnLetter(col);
    listRef[key] = `'${OPTIONS_SHEET}'!$${letter}$2:$${letter}$${values.length + 1}`;
  });

  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  const lastRow = TEMPLATE_FIRST_DATA_ROW + MAX_IMPORT_ROWS - 1;
  TEMPLATE_COLUMNS.forEach((c, i) => {
    const letter = columnLetter(i + 1);
    const range = `${letter}${TEMPLATE_FIRST_DATA_ROW}:${letter}${lastRow}`;
    if (c.kind === 'list' && c.list) {
      validations.add(range, {
        type: 'list',
        allowBlank: !c.required,
        formulae: [listRef[c.list]!],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: '请从列表选择',
        error: `“${c.header}”请从下拉列表中选择。`,
      });
    } else if (c.kind === 'count') {
      validations.add(range, {
        type: 'whole',
        operator: 'greaterThanOrEqual',
        allowBlank: true,
        formulae: [0],
        showErrorMessage: true,
        errorTitle: '请填写整数',
        error: `“${c.header}”请填写不小于0的整数。`,
      });
    }
    if (c.field === 'uscc' || c.field === 'phone') ws.getColumn(i + 1).numFmt = '@';
  });

  ws.views = [
    {
      state: 'frozen',
      xSplit: 2,
      ySplit: TEMPLATE_HEADER_ROW,
      topLeftCell: `C${TEMPLATE_FIRST_DATA_ROW}`,
      activeCell: `B${TEMPLATE_FIRST_DATA_ROW}`,
    },
  ];
  // Twenty columns to type into keep their widths on screen; on paper they run over more than one page
  // wide at a legible scale, 序号 and 单位名称 repeated on each.
  setPrint(ws, {
    orientation: 'landscape',
    smallestFontPt: ROSTER_FONT_PT,
    titleRows: `${TEMPLATE_HEADER_ROW}:${TEMPLATE_HEADER_ROW}`,
    repeatColumns: 2,
  });
  return workbookToBuffer(wb);
}
