/** 专家库 (expert pool): list, create, update, retire, Excel import (all rows or none) and roster export. */
import { promises as fs } from 'node:fs';
import { DeskError } from '../../contract/errors.js';
import type { Expert, ExpertImportReport } from '../../contract/expert-review/experts.js';
import { bureauDate } from '../../domain/clock.js';
import { formatChineseDate } from '../../domain/batches.js';
import { sniffFileKind } from '../../domain/file-types.js';
import { expertIdentity, readExpertImport, renderExpertRosterXlsx, type ImportedExpert } from '../../documents/excel/experts.js';
import { writeExport } from '../../store/exports.js';
import { discardUpload, findUpload } from '../../store/uploads.js';
import { validUscc } from '../applications/store.js';
import type { AreaHandlers, HandlerContext } from '../types.js';

type Methods = 'experts.list' | 'experts.create' | 'experts.update' | 'experts.retire' | 'experts.importXlsx' | 'experts.exportRoster';

export function findExpert(ctx: HandlerContext, id: string): Expert {
  const e = ctx.store.read('experts').experts.find((x) => x.id === id);
  if (!e) throw new DeskError('NOT_FOUND', `专家库中没有编号为 ${id} 的专家，请刷新后重试。`);
  return e;
}

function nextExpertId(experts: readonly Pick<Expert, 'id'>[], offset = 0): string {
  const max = experts.reduce((m, e) => Math.max(m, Number(/^E(\d+)$/.exec(e.id)?.[1] ?? 0)), 0);
  return `E${String(max + 1 + offset).padStart(4, '0')}`;
}

function uscc(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  try {
    return validUscc(raw);
  } catch (err) {
    if (err instanceof DeskError) throw new DeskError('INVALID_INPUT', `单位${err.message}`, { field: 'organisationUscc' });
    throw err;
  }
}

function assertUnique(experts: readonly Expert[], name: string, organisation: string, exceptId?: string): void {
  const id = expertIdentity(name, organisation);
  const clash = experts.find((e) => e.id !== exceptId && expertIdentity(e.name, e.organisation) === id);
  if (clash)
    throw new DeskError(
      'CONFLICT',
      `专家“${clash.name}”（${clash.organisation}）已在专家库中（编号 ${clash.id}${clash.retired ? '，已退出' : ''}），请直接修改该专家的信息。`,
    );
}

function fromImport(r: ImportedExpert, id: string, now: string): Expert {
  return {
    id,
    name: r.name,
    organisation: r.organisation,
    ...(r.organisationUscc ? { organisationUscc: r.organisationUscc } : {}),
    title: r.title,
    field: r.field,
    phone: r.phone,
    declaredConflicts: r.declaredConflicts,
    retired: false,
    createdAt: now,
    updatedAt: now,
  };
}

export const expertHandlers: AreaHandlers<Methods> = {
  'experts.list': (input, ctx) =>
    ctx.store
      .read('experts')
      .experts.filter((e) => input.includeRetired || !e.retired)
      .map((e) => structuredClone(e)),

  'experts.create': (input, ctx) => {
    const organisationUscc = uscc(input.organisationUscc);
    const now = ctx.clock().toISOString();
    return ctx.store.write(
      'experts',
      (draft) => {
        assertUnique(draft.experts, input.name, input.organisation);
        const expert: Expert = {
          ...input,
          organisationUscc,
          id: nextExpertId(draft.experts),
          retired: false,
          createdAt: now,
          updatedAt: now,
        };
        if (!organisationUscc) delete expert.organisationUscc;
        draft.experts.push(expert);
        return structuredClone(expert);
      },
      (e) => ({ method: 'experts.create', entity: `expert:${e.id}`, summary: `新增专家：${e.name}（${e.organisation}）`, after: e }),
    );
  },

  'experts.update': (input, ctx) => {
    const before = structuredClone(findExpert(ctx, input.id));
    const { id, organisationUscc: rawUscc, ...rest } = input;
    const organisationUscc = rawUscc === undefined ? before.organisationUscc : uscc(rawUscc);
    return ctx.store.write(
      'experts',
      (draft) => {
        const e = draft.experts.find((x) => x.id === id)!;
        const fields = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Partial<Expert>;
        assertUnique(draft.experts, fields.name ?? e.name, fields.organisation ?? e.organisation, id);
        Object.assign(e, fields);
        if (organisationUscc) e.organisationUscc = organisationUscc;
        else delete e.organisationUscc;
        e.updatedAt = ctx.clock().toISOString();
        return structuredClone(e);
      },
      (e) => ({ method: 'experts.update', entity: `expert:${e.id}`, summary: `修改专家信息：${e.name}`, before, after: e }),
    );
  },

  'experts.retire': (input, ctx) => {
    const before = structuredClone(findExpert(ctx, input.id));
    if (before.retired) throw new DeskError('RULE_VIOLATION', `专家“${before.name}”已退出专家库。`);
    return ctx.store.write(
      'experts',
      (draft) => {
        const e = draft.experts.find((x) => x.id === input.id)!;
        e.retired = true;
        if (input.reason) e.retiredReason = input.reason;
        e.updatedAt = ctx.clock().toISOString();
        return structuredClone(e);
      },
      (e) => ({
        method: 'experts.retire',
        entity: `expert:${e.id}`,
        summary: `专家退出专家库：${e.name}${input.reason ? `（理由：${input.reason}）` : ''}；已有的评审分配和评分不受影响`,
        before,
        after: e,
      }),
    );
  },

  'experts.exportRoster': async (input, ctx) => {
    const experts = ctx.store.read('experts').experts.filter((e) => input.includeRetired || !e.retired);
    const generatedOn = bureauDate(ctx.clock());
    const data = await renderExpertRosterXlsx({ experts, bureauName: ctx.store.read('settings').settings.bureauName, generatedOn });
    return writeExport(ctx.store.dirs.exports, `评审专家名册-${formatChineseDate(generatedOn)}.xlsx`, data);
  },

  'experts.importXlsx': async (input, ctx): Promise<ExpertImportReport> => {
    const upload = await findUpload(ctx.store.dirs.root, input.uploadId);
    const data = await fs.readFile(upload.path);
    const kind = sniffFileKind(data.subarray(0, 4096));
    if (kind !== 'xlsx' && kind !== 'zip')
      throw new DeskError(
        'FILE_REJECTED',
        `文件“${upload.fileName}”不是 Excel（.xlsx）文件，未导入。请用“导出专家名册”得到的表格填写后再导入。`,
      );
    const existingMap = (experts: readonly Expert[]) => new Map(experts.map((e) => [expertIdentity(e.name, e.organisation), e.id]));
    const result = await readExpertImport(data, existingMap(ctx.store.read('experts').experts), upload.fileName);
    const report: ExpertImportReport = {
      dryRun: input.dryRun,
      rowsRead: result.rowsRead,
      validRows: result.rows.length,
      errors: result.issues,
      preview: result.rows.slice(0, 200).map((r) => ({ row: r.row, name: r.name, organisation: r.organisation })),
      applied: 0,
      message: '',
    };
    if (result.issues.length) {
      const rows = new Set(result.issues.map((i) => i.row).filter((r) => r > 0)).size;
      report.message = `发现${result.issues.length}处问题${rows ? `（涉及${rows}行）` : ''}，本次未导入任何专家。请按提示修改表格后重新上传。`;
      return report;
    }
    if (!result.rows.length) {
      report.message = '表中没有可导入的专家，请在表头下方逐行填写。';
      return report;
    }
    if (input.dryRun) {
      report.message = `检查通过：${result.rows.length}位专家可以导入。确认后点击“全部导入”（全部写入，或一条也不写入）。`;
      return report;
    }
    const now = ctx.clock().toISOString();
    report.applied = await ctx.store.write(
      'experts',
      (draft) => {
        const existing = existingMap(draft.experts);
        const clash = result.rows.find((r) => existing.has(expertIdentity(r.name, r.organisation)));
        if (clash)
          throw new DeskError(
            'CONFLICT',
            `第${clash.row}行的专家“${clash.name}”刚刚已加入专家库，本次未导入任何专家。请重新检查后再导入。`,
          );
        const added = result.rows.map((r, i) => fromImport(r, nextExpertId(draft.experts, i), now));
        draft.experts.push(...added);
        return added.length;
      },
      (count) => ({
        method: 'experts.importXlsx',
        entity: 'experts',
        summary: `从Excel“${upload.fileName}”导入${count}位专家`,
        after: result.rows.map((r) => ({ row: r.row, name: r.name, organisation: r.organisation })),
      }),
    );
    await discardUpload(ctx.store.dirs.root, input.uploadId);
    report.message = `已导入${report.applied}位专家。`;
    return report;
  },
};
