/**
 * 专家模式: the expert's own data folder holds one imported package (part `expertWorkspace`), the drafts
 * and the package's material files (in Attachments). Nothing of the secretariat's data is here.
 * Audit entries of these methods name ids and counts only (never a unit name, comment or score): the
 * audit log stays on the laptop after 清除本机评审数据.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { DeskError } from '../contract/errors.js';
import { PackagePayload, type ExpertDraft, type ExpertState } from '../contract/expert.js';
import type { Recommendation, ScoringTemplate, SheetSubmission } from '../contract/expert-review/scoring.js';
import { checkSheet, sheetTotal } from '../domain/score-sheet.js';
import { normaliseCode } from '../exchange/crypto.js';
import { ExchangeError } from '../base/exchange-error.js';
import { readPackage } from '../exchange/package.js';
import { RESULT_EXT, writeResult } from '../exchange/result.js';
import { sweepExpertTraces } from '../store/expert-traces.js';
import { shredFile } from '../store/shred.js';
import { writeExport } from '../store/exports.js';
import { discardUpload, findUpload } from '../store/uploads.js';
import type { WorkspacePackage } from '../store/expert-workspace.js';
import type { AreaHandlers, HandlerContext } from './types.js';

type Methods = 'expert.importPackage' | 'expert.state' | 'expert.saveDraft' | 'expert.exportResult' | 'expert.wipe';

/** Packages carry up to this much (the zip inside the container); materials are capped per file by Attachments. */
const PACKAGE_LIMITS = { maxTotalBytes: 2 * 1024 * 1024 * 1024, maxEntries: 5000 };

function requirePackage(ctx: HandlerContext): WorkspacePackage {
  const pkg = ctx.store.read('expertWorkspace').package;
  if (!pkg) throw new DeskError('NOT_FOUND', '本机还没有导入评审包。请插入U盘，点击“导入评审包”，并输入评审任务通知单上的一次性口令。');
  return pkg;
}

/**
 * A draft checked by the domain rule: problems per field (so the UI can show them while typing) and
 * for the sheet as a whole. Partial drafts are fine; `complete` says whether it can go into a result.
 */
export function checkDraft(
  template: ScoringTemplate,
  scores: Record<string, number>,
  comment: string,
  recommendation: Recommendation | undefined,
  savedAt: string,
): ExpertDraft {
  const fieldProblems: Record<string, string> = {};
  const problems: string[] = [];
  const known = new Set(template.criteria.map((c) => c.key));
  for (const key of Object.keys(scores))
    if (!known.has(key)) {
      fieldProblems[key] = `评分项“${key}”不在评分表中`;
      problems.push(fieldProblems[key]!);
    }
  for (const c of template.criteria) {
    const v = scores[c.key];
    if (v === undefined) {
      problems.push(`“${c.title}”未评分`);
      continue;
    }
    // The same domain rule, one criterion at a time: range and step named by the criterion.
    const one = checkSheet({ criteria: [c], passLine: 0 }, { scores: { [c.key]: v }, comment: '—————', recommendation: 'recommend' });
    if (!one.ok) {
      fieldProblems[c.key] = one.problems.join('；');
      problems.push(...one.problems);
    }
  }
  if (!recommendation) {
    fieldProblems.recommendation = '请选择推荐意见';
    problems.push('未选择推荐意见');
  }
  if (!problems.length && recommendation) {
    const whole = checkSheet(template, { scores, comment, recommendation });
    if (!whole.ok) {
      fieldProblems.comment = whole.problems.join('；');
      problems.push(...whole.problems);
    }
  }
  const valid = Object.fromEntries(Object.entries(scores).filter(([k]) => known.has(k) && !fieldProblems[k]));
  return {
    scores: { ...scores },
    comment,
    ...(recommendation ? { recommendation } : {}),
    savedAt,
    problems,
    fieldProblems,
    total: sheetTotal(template, valid),
    complete: problems.length === 0,
  };
}

function state(ctx: HandlerContext): ExpertState {
  const ws = ctx.store.read('expertWorkspace');
  const pkg = ws.package;
  return {
    ...(pkg
      ? {
          package: {
            packageId: pkg.packageId,
            batchId: pkg.batchId,
            batchTitle: pkg.payload.batchTitle,
            expertName: pkg.expertName,
            template: structuredClone(pkg.payload.template),
            importedAt: pkg.importedAt,
            ...(pkg.payload.deadline ? { deadline: pkg.payload.deadline } : {}),
            applications: structuredClone(pkg.payload.applications),
          },
        }
      : {}),
    drafts: structuredClone(ws.drafts),
    exportedVersions: ws.exportedVersions,
  };
}

export const expertHandlers: AreaHandlers<Methods> = {
  'expert.importPackage': async (input, ctx) => {
    const up = await findUpload(ctx.store.dirs.root, input.uploadId);
    const data = await fs.readFile(up.path);
    const read = await readPackage(data, input.code, PackagePayload as unknown as z.ZodType<z.infer<typeof PackagePayload>>, {
      fileName: up.fileName,
      limits: PACKAGE_LIMITS,
    });
    const { manifest, payload } = read;
    const fail = (detail: string) => new ExchangeError('badShape', detail, { fileName: up.fileName });
    if (
      payload.batchId !== manifest.batchId ||
      payload.expertId !== manifest.expertId ||
      payload.template.version !== manifest.templateVersion
    )
      throw fail('清单与评审数据不一致');
    const byPath = new Map(read.files.map((f) => [f.path, f.data]));
    for (const a of payload.applications)
      for (const m of a.materials) for (const f of m.files) if (!byPath.has(f.sha256)) throw fail(`缺少材料文件“${f.name}”`);
    const existing = ctx.store.read('expertWorkspace').package;
    let replaced = false;
    if (existing) {
      const sameTask = existing.batchId === manifest.batchId && existing.expertId === manifest.expertId;
      if (existing.packageId === manifest.packageId && manifest.createdAt <= existing.createdAt) {
        throw new DeskError('CONFLICT', `「${up.fileName}」这个评审包已经导入过了（${existing.payload.batchTitle}），无需重复导入。`);
      }
      if (!sameTask) {
        throw new DeskError(
          'CONFLICT',
          `本机已有另一个评审包（${existing.payload.batchTitle}，${existing.expertName}）。请先导出评分结果并“清除本机评审数据”，再导入新的评审包。`,
        );
      }
      if (manifest.createdAt <= existing.createdAt) throw new DeskError('CONFLICT', `「${up.fileName}」比本机已导入的评审包旧，未导入。`);
      replaced = true;
    }
    const attachments = ctx.store.attachments;
    const shas: string[] = [];
    for (const a of payload.applications) {
      for (const m of a.materials) {
        for (const f of m.files) {
          if (shas.includes(f.sha256)) continue;
          const stored = await attachments.addBuffer(byPath.get(f.sha256)!, f.name, ['pdf', 'jpg', 'png', 'docx', 'xlsx']);
          if (stored.sha256 !== f.sha256) throw fail(`材料文件“${f.name}”校验值不符`);
          shas.push(f.sha256);
        }
      }
    }
    const now = ctx.clock().toISOString();
    const pkg: WorkspacePackage = {
      packageId: manifest.packageId,
      createdAt: manifest.createdAt,
      importedAt: now,
      batchId: manifest.batchId,
      expertId: manifest.expertId,
      expertName: manifest.expertName,
      templateVersion: manifest.templateVersion,
      code: normaliseCode(input.code),
      packageSecret: read.packageSecret,
      payload,
      fileShas: shas,
    };
    const oldShas = existing?.fileShas.filter((s) => !shas.includes(s)) ?? [];
    await ctx.store.write(
      'expertWorkspace',
      (draft) => {
        draft.package = pkg;
        // Keep drafts of applications still in the package (a re-issued package keeps the expert's work).
        const ids = new Set(payload.applications.map((a) => a.id));
        for (const id of Object.keys(draft.drafts)) if (!ids.has(id)) delete draft.drafts[id];
        if (existing && existing.packageId !== pkg.packageId) draft.exportedVersions = 0;
      },
      () => ({
        method: 'expert.importPackage',
        entity: `expertPackage:${pkg.packageId}`,
        summary: `导入评审包：批次 ${pkg.batchId}，${payload.applications.length}份申报，${shas.length}个材料文件${replaced ? '（替换旧评审包，草稿保留）' : ''}`,
      }),
    );
    for (const s of oldShas) {
      await shredFile(attachments.pathOf(s));
      await shredFile(ctx.store.digests.pathOf(s));
    }
    await discardUpload(ctx.store.dirs.root, input.uploadId);
    return {
      packageId: pkg.packageId,
      applicationCount: payload.applications.length,
      materialFileCount: shas.length,
      replaced,
      message: `已导入评审包：${payload.batchTitle}，共 ${payload.applications.length} 份申报、${shas.length} 个材料文件${replaced ? '；已替换旧评审包，原有草稿保留' : ''}。`,
    };
  },

  'expert.state': (_input, ctx) => state(ctx),

  'expert.saveDraft': async (input, ctx) => {
    const pkg = requirePackage(ctx);
    const index = pkg.payload.applications.findIndex((a) => a.id === input.applicationId);
    const app = pkg.payload.applications[index];
    if (!app) throw new DeskError('NOT_FOUND', `评审包中没有编号为 ${input.applicationId} 的申报，请刷新后重试。`);
    const draft = checkDraft(pkg.payload.template, input.scores, input.comment.trim(), input.recommendation, ctx.clock().toISOString());
    await ctx.store.write(
      'expertWorkspace',
      (ws) => {
        ws.drafts[app.id] = draft;
      },
      () => ({
        // The package's own position, not the application number: ids and counts only.
        method: 'expert.saveDraft',
        entity: `expertPackage:${pkg.packageId}`,
        summary: `保存评分草稿：第 ${index + 1} 份申报（共 ${pkg.payload.applications.length} 份）${draft.complete ? '，已完成' : '，未完成'}`,
      }),
    );
    return structuredClone(draft);
  },

  'expert.exportResult': async (_input, ctx) => {
    const pkg = requirePackage(ctx);
    const ws = ctx.store.read('expertWorkspace');
    const template = pkg.payload.template;
    const problems: string[] = [];
    const sheets: SheetSubmission[] = [];
    const version = ws.exportedVersions + 1;
    for (const a of pkg.payload.applications) {
      const d = ws.drafts[a.id];
      if (!d) {
        problems.push(`${a.unitName}：尚未评分`);
        continue;
      }
      const check = checkDraft(template, d.scores, d.comment, d.recommendation, d.savedAt);
      if (!check.complete || !d.recommendation) {
        problems.push(`${a.unitName}：${check.problems.join('，')}`);
        continue;
      }
      sheets.push({
        applicationId: a.id,
        templateVersion: template.version,
        version,
        scores: { ...d.scores },
        comment: d.comment,
        recommendation: d.recommendation,
      });
    }
    if (problems.length)
      throw new DeskError('RULE_VIOLATION', `评分结果未导出，以下申报的评分表还不完整：${problems.join('；')}。请补全后再导出。`, {
        problems,
      });
    const res = await writeResult({
      manifest: {
        packageId: pkg.packageId,
        batchId: pkg.batchId,
        expertId: pkg.expertId,
        templateVersion: template.version,
        version,
        exportedAt: ctx.clock().toISOString(),
      },
      sheets,
      packageSecret: pkg.packageSecret,
      code: pkg.code,
      expertName: pkg.expertName,
    });
    const file = await writeExport(ctx.store.dirs.exports, res.fileName, res.container!);
    await ctx.store.write(
      'expertWorkspace',
      (d) => {
        d.exportedVersions = version;
      },
      () => ({
        method: 'expert.exportResult',
        entity: `expertPackage:${pkg.packageId}`,
        summary: `导出评分结果（第 ${version} 次）：${sheets.length}份评分表`,
      }),
    );
    return file;
  },

  'expert.wipe': async (_input, ctx) => {
    const ws = ctx.store.read('expertWorkspace');
    const pkg = ws.package;
    const drafts = Object.keys(ws.drafts).length;
    const fileShas = pkg?.fileShas ?? [];
    await ctx.store.write(
      'expertWorkspace',
      (d) => {
        delete d.package;
        d.drafts = {};
        d.exportedVersions = 0;
      },
      () => ({
        method: 'expert.wipe',
        entity: pkg ? `expertPackage:${pkg.packageId}` : 'expertWorkspace',
        summary: `清除本机评审数据：评审包${pkg ? 1 : 0}个，草稿${drafts}份，材料文件${fileShas.length}个`,
      }),
    );
    // After the write: its `.bak` (and, outside 专家模式, a daily snapshot it may have taken) still hold the drafts.
    const isResult = (name: string) => name.endsWith(RESULT_EXT);
    const traces = await ctx.store.exclusive(() =>
      sweepExpertTraces(ctx.store.dirs, { fileShas, expertMode: ctx.expertMode ?? false, keepExport: isResult }),
    );
    const exportsDir = ctx.store.dirs.exports;
    const kept = (await fs.readdir(exportsDir).catch(() => [] as string[])).filter((n) => isResult(n) && !n.startsWith('.')).sort();
    const removed = [
      ...(pkg ? [`评审包 1 个（${pkg.payload.batchTitle}）`] : []),
      ...(drafts ? [`评分草稿 ${drafts} 份`] : []),
      ...(pkg ? [`材料文件 ${traces.materialFiles} 个`] : []),
      ...(traces.otherFiles.length ? [`以及草稿备份、临时文件和材料副本等 ${traces.otherFiles.length} 个文件`] : []),
    ];
    const message = [
      removed.length ? `已从本机清除：${removed.join('，')}（删除前已覆盖文件内容）。` : '本机没有评审包和评分草稿，无需清除。',
      kept.length
        ? `已导出的评分结果文件（已加密）没有删除，仍在导出文件夹 ${exportsDir} 中：${kept.join('、')}。请交回秘书处后自行删除。`
        : '本机导出文件夹中没有评分结果文件。',
      ...(traces.failed.length
        ? [
            `以下 ${traces.failed.length} 个文件未能删除（可能正被其他程序打开）：${traces.failed.join('、')}。请关闭相关程序后再点一次“清除本机评审数据”。`,
          ]
        : []),
    ].join('');
    return {
      packages: pkg ? 1 : 0,
      drafts,
      files: traces.materialFiles,
      otherFiles: traces.otherFiles.length,
      keptResults: kept.map((fileName) => ({ fileName, path: path.join(exportsDir, fileName) })),
      exportsDir,
      notRemoved: traces.failed,
      message,
    };
  },
};
