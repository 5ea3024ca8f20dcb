/**
 * The quote-prefix cell style (OOXML `xf/@quotePrefix`, ISO/IEC 29500-1 §18.8.45): the cell holds plain
 * text that a spreadsheet shows as typed ("@cmd") and never evaluates, also when the user edits it — the
 * way Excel itself stores a value typed as "'@cmd". exceljs 4.4 neither writes nor reads the attribute
 * (its pull request #2809 is still open), so this module teaches its two style xforms the one attribute:
 * a cell whose style has `quotePrefix: true` is written with it, and a workbook read back reports it.
 * Loaded for its effect by style.ts, before any workbook is written.
 */
import type ExcelJS from 'exceljs';
import { nodeRequire } from '../../base/node-require.js';

/** A cell style that may carry the quote prefix. */
export type QuotedStyle = Partial<ExcelJS.Style> & { quotePrefix?: boolean };

interface XmlStream {
  openNode(name: string, attributes?: Record<string, unknown>): void;
  addAttribute(name: string, value: unknown): void;
}
interface XfModel {
  quotePrefix?: boolean;
}
interface StyleXformProto {
  render(xmlStream: XmlStream, model: XfModel | undefined): void;
  parseOpen(this: { model?: XfModel; parser?: unknown }, node: { name: string; attributes: Record<string, string> }): boolean;
  __quotePrefix?: true;
}
interface StylesXformProto {
  addStyleModel(this: StylesXformThis, model: QuotedStyle | undefined, cellType?: unknown): number;
  getStyleModel(this: StylesXformThis, id: number): (QuotedStyle & Record<string, unknown>) | null;
}
interface StylesXformThis {
  model: { styles: XfModel[] };
  _addStyle(style: XfModel): number;
}

function install(): void {
  const req = nodeRequire();
  const StyleXform = req('exceljs/lib/xlsx/xform/style/style-xform.js') as { prototype: StyleXformProto };
  const StylesXform = req('exceljs/lib/xlsx/xform/style/styles-xform.js') as { prototype: StylesXformProto };
  const xf = StyleXform.prototype;
  if (xf.__quotePrefix) return;
  xf.__quotePrefix = true;

  // Write: the attribute goes on <xf> right after exceljs opens it (attributes precede child nodes).
  const render = xf.render;
  xf.render = function (xmlStream, model) {
    if (!model?.quotePrefix) return render.call(this, xmlStream, model);
    const own = Object.prototype.hasOwnProperty.call(xmlStream, 'openNode');
    const open = xmlStream.openNode;
    let done = false;
    xmlStream.openNode = function (name, attributes) {
      open.call(this, name, attributes);
      if (!done && name === 'xf') {
        done = true;
        xmlStream.addAttribute('quotePrefix', '1');
      }
    };
    try {
      render.call(this, xmlStream, model);
    } finally {
      if (own) xmlStream.openNode = open;
      else delete (xmlStream as Partial<XmlStream>).openNode;
    }
  };
  // Read.
  const parseOpen = xf.parseOpen;
  xf.parseOpen = function (node) {
    const handled = parseOpen.call(this, node);
    if (node.name === 'xf' && !this.parser && this.model && ['1', 'true'].includes(node.attributes.quotePrefix ?? '')) {
      this.model.quotePrefix = true;
    }
    return handled;
  };

  // The cell style → xf record (styles are deduplicated by their XML, which now includes the attribute).
  const styles = StylesXform.prototype;
  const addStyleModel = styles.addStyleModel;
  styles.addStyleModel = function (model, cellType) {
    if (!model?.quotePrefix) return addStyleModel.call(this, model, cellType);
    const addStyle = this._addStyle;
    this._addStyle = (style) => addStyle.call(this, { ...style, quotePrefix: true });
    try {
      return addStyleModel.call(this, model, cellType);
    } finally {
      delete (this as Partial<StylesXformThis>)._addStyle;
    }
  };
  const getStyleModel = styles.getStyleModel;
  styles.getStyleModel = function (id) {
    const model = getStyleModel.call(this, id);
    if (model && this.model.styles[id]?.quotePrefix) model.quotePrefix = true;
    return model;
  };
}

install();

/** Marks a cell's text as literal (quote prefix), keeping the rest of its style. */
export function setQuotePrefix(cell: ExcelJS.Cell): void {
  (cell as unknown as { style: QuotedStyle }).style = { ...(cell.style as QuotedStyle), quotePrefix: true };
}

export function hasQuotePrefix(cell: ExcelJS.Cell): boolean {
  return (cell.style as QuotedStyle | undefined)?.quotePrefix === true;
}
