/** Excel for intake: blank template, import of a filled template (all rows or none), 申报汇总表 roster. */
import { promises as fs } from 'node:fs';
import { DeskError } from '../../contract/errors.js';
import type { Application } from '../../contract/applications/entities.js';
import type { ImportReport } from '../../contract/applications/methods.js';
import { sniffFileKind } from '../../domain/file-types.js';
import { choiceLists } from '../settings.js';
import { renderApplicationTemplate } from '../../documents/excel/application-template.js';
import { readApplicationImport, type ImportedRow } from '../../documents/excel/application-import.js';
import { applicationRosterDocument } from '../../services/documents/applications.js';
import { saveDocument } from '../../services/documents/generated.js';
import { writeExport } from '../../store/exports.js';
import { discardUpload, findUpload } from '../../store/uploads.js';
import type { AreaHandlers, HandlerContext } from '../types.js';
import { allApplications, batchLabel, checkWindow, historyEntry, nextApplicationId } from './store.js';
import { assertBatchAllows } from '../batch-state.js';
import { emptyApplication } from './intake.js';

type Methods = 'applications.importTemplate' | 'applications.exportTemplate' | 'applications.exportRoster';

function toApplication(ctx: HandlerContext, r: ImportedRow, id: string, batchId: string, fileName: string, override?: string): Application {
  const now = ctx.clock().toISOString();
  const app = emptyApplication(id, batchId, now);
  app.applicant = {
    name: r.name,
    uscc: r.uscc,
    unitType: r.unitType,
    legalRepresentative: r.legalRepresentative,
    contact: r.contact,
    phone: r.phone,
    address: r.address,
    district: r.district,
    industry: r.industry,
  };
  app.route = r.route;
  app.recommendingDistrict = r.recommendingDistrict;
  app.proposedCenterName = r.proposedCenterName;
  app.ipFigures = r.ipFigures;
  if (override) app.windowOverrideReason = override;
  app.history.push(
    historyEntry(ctx, '从Excel导入（草稿）', `文件“${fileName}”第${r.row}行${override ? `；受理期外登记，理由：${override}` : ''}`),
  );
  return app;
}

export const applicationExcelHandlers: AreaHandlers<Methods> = {
  'applications.exportTemplate': async (_input, ctx) => {
    const data = await renderApplicationTemplate({ bureauName: ctx.store.read('settings').settings.bureauName, lists: choiceLists(ctx) });
    return writeExport(ctx.store.dirs.exports, '产业知识产权中心申报单位信息表（空白模板）.xlsx', data);
  },

  'applications.exportRoster': async (input, ctx) => saveDocument(ctx.store.dirs.exports, await applicationRosterDocument(ctx, input)),

  'applications.importTemplate': async (input, ctx): Promise<ImportReport> => {
    const batch = assertBatchAllows(ctx, input.batchId, 'registerApplication');
    const upload = await findUpload(ctx.store.dirs.root, input.uploadId);
    const data = await fs.readFile(upload.path);
    if (sniffFileKind(data.subarray(0, 4096)) !== 'xlsx' && sniffFileKind(data.subarray(0, 4096)) !== 'zip') {
      throw new DeskError(
        'FILE_REJECTED',
        `文件“${upload.fileName}”不是 Excel（.xlsx）文件，未导入。请用“导出空白模板”得到的表格填写后再导入。`,
      );
    }
    const existing = new Map((await allApplications(ctx, batch.id)).map((a) => [a.applicant.uscc, `${a.applicant.name}，编号 ${a.id}`]));
    const result = await readApplicationImport(data, { existingUscc: existing, lists: choiceLists(ctx), fileName: upload.fileName });
    const report: ImportReport = {
      batchId: batch.id,
      dryRun: input.dryRun,
      rowsRead: result.rowsRead,
      validRows: result.rows.length,
      errors: result.issues,
      preview: result.rows
        .slice(0, 200)
        .map((r) => ({ row: r.row, name: r.name, uscc: r.uscc, district: r.district, industry: r.industry })),
      applied: 0,
      message: '',
    };
    if (result.issues.length) {
      const rows = new Set(result.issues.map((i) => i.row).filter((r) => r > 0)).size;
      report.message = `发现${result.issues.length}处问题${rows ? `（涉及${rows}行）` : ''}，本次未导入任何数据。请按提示修改表格后重新上传。`;
      return report;
    }
    if (!result.rows.length) {
      report.message = '表中没有可导入的数据行，请从第4行开始填写。';
      return report;
    }
    if (input.dryRun) {
      report.message = `检查通过：${result.rows.length}个申报单位可以导入。确认后点击“全部导入”（全部写入，或一条也不写入）。`;
      return report;
    }
    const override = checkWindow(ctx, batch, input.windowOverrideReason);
    const created = await ctx.store.writeKeyed(
      'batch',
      batch.id,
      (draft) => {
        assertBatchAllows(ctx, batch.id, 'registerApplication');
        const inBatch = new Set(draft.applications.map((a) => a.applicant.uscc));
        const clash = result.rows.find((r) => inBatch.has(r.uscc));
        if (clash)
          throw new DeskError(
            'CONFLICT',
            `第${clash.row}行的单位（${clash.uscc}）刚刚已在本批次登记，本次未导入任何数据。请重新检查后再导入。`,
          );
        const apps = result.rows.map((r, i) =>
          toApplication(ctx, r, nextApplicationId(batch.id, draft.applications, i), batch.id, upload.fileName, override),
        );
        draft.applications.push(...apps);
        return apps.length;
      },
      (count) => ({
        method: 'applications.importTemplate',
        entity: `batch:${batch.id}`,
        summary: `从Excel“${upload.fileName}”导入${count}个申报单位到${batchLabel(batch)}${override ? `（受理期外登记，理由：${override}）` : ''}`,
        after: { count, rows: result.rows.map((r) => ({ row: r.row, name: r.name, uscc: r.uscc })) },
      }),
    );
    await discardUpload(ctx.store.dirs.root, input.uploadId);
    report.applied = created;
    report.message = `已导入${created}个申报单位（草稿），请逐个补充材料后提交。`;
    return report;
  },
};
