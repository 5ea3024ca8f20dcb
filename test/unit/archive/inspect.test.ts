/** The 四性检测's reading of one file: PDF structure and pages, PDF/A markers, active content, xlsx, names. */
import { describe, expect, it } from 'vitest';
import { inspectFile, inspectPdf, unsafeName } from '../../../electron/core/archive/inspect.js';
import { minimalPdf } from '../../helpers/pdf-files.js';
import { buildRoster, workbookToBuffer } from '../../../electron/core/documents/excel/style.js';

describe('inspect', () => {
  it('reads the page count of a sound PDF and refuses a truncated or shifted one', () => {
    const pdf = minimalPdf('x', 4);
    expect(inspectPdf(pdf)).toMatchObject({ pages: 4, unusable: null, pdfa: null, executable: [] });
    expect(inspectPdf(pdf.subarray(0, pdf.length - 30)).unusable).toContain('不完整');
    const shifted = Buffer.concat([pdf.subarray(0, 20), Buffer.from('   '), pdf.subarray(20)]);
    expect(inspectPdf(shifted).unusable).toContain('交叉引用');
    expect(inspectPdf(Buffer.from('hello')).unusable).toContain('%PDF-');
  });
  it('finds JavaScript and Launch actions, also behind #xx name escapes', () => {
    const js = minimalPdf('x', 1, ' /OpenAction << /S /J#61vaScript /JS (app.alert(1)) >>');
    expect(inspectPdf(js)).toMatchObject({ unusable: null, pages: 1, executable: ['JavaScript 脚本'] });
    const launch = minimalPdf('x', 1, ' /AA << /O << /S /Launch /F (calc.exe) >> >>');
    expect(inspectPdf(launch).executable).toEqual(['启动外部程序（Launch）动作']);
  });
  it('opens an xlsx with exceljs and refuses a cut one', async () => {
    const wb = buildRoster({ sheetName: 'a', title: 't', columns: [{ header: 'h', key: 'k', width: 10 }], rows: [{ k: 'v' }] });
    const xlsx = await workbookToBuffer(wb);
    expect(await inspectFile('a.xlsx', xlsx)).toMatchObject({ format: 'XLSX', unusable: null, executable: [] });
    expect((await inspectFile('a.xlsx', xlsx.subarray(0, 200))).unusable).toContain('无法');
  });
  it('names unsafe entry names', () => {
    expect(unsafeName('附件/申报/材料1-营业执照.pdf')).toBeNull();
    expect(unsafeName('附件/run.exe')).toContain('可执行');
    expect(unsafeName('附件/CON.txt')).toContain('保留');
    expect(unsafeName('附件/../x.pdf')).toContain('..');
    expect(unsafeName('附件/a\u0001.pdf')).toContain('控制字符');
  });
});
