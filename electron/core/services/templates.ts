/**
 * 文书模板 in the store (the fixed part `templates`): the versions of a template, the one an issued document
 * uses, and the first storing of the default (a document issued with the default must reprint the same text
 * even after a later app changes its default: so the default is stored as version 1 before its first use).
 */
import { DeskError } from '../contract/errors.js';
import type { TemplateVersion } from '../contract/templates.js';
import { TEMPLATE_LABELS, TEMPLATE_PARTS, type TemplateId } from '../contract/templates-labels.js';
import { defaultTemplate, type TemplateParts } from '../domain/templates.js';
import type { ServiceContext } from './context.js';
import { operator } from './records.js';

/** A template's text and its version number. */
export interface TemplateText {
  version: number;
  parts: TemplateParts;
}

/** The stored versions of a template, oldest first (empty: never saved nor used). */
export function storedVersions(ctx: ServiceContext, id: TemplateId): readonly TemplateVersion[] {
  return ctx.store.read('templates').templates.find((t) => t.id === id)?.versions ?? [];
}

/** Only the parts a template has, without empty optional ones. */
export function cleanParts(parts: TemplateParts): TemplateParts {
  const out: TemplateParts = {};
  for (const p of TEMPLATE_PARTS) if (parts[p] !== undefined) out[p] = parts[p];
  return out;
}

/** The current text (version 1 = the default while nothing is stored). */
export function currentTemplateText(ctx: ServiceContext, id: TemplateId): TemplateText {
  const last = storedVersions(ctx, id).at(-1);
  return last ? { version: last.version, parts: last.parts } : { version: 1, parts: defaultTemplate(id) };
}

/**
 * The text of `version` (a reprint: the version its document recorded). Records issued before templates
 * existed have none: they take version 1, the default as first stored.
 */
export function templateText(ctx: ServiceContext, id: TemplateId, version: number | undefined): TemplateText {
  const v = version ?? 1;
  const found = storedVersions(ctx, id).find((x) => x.version === v);
  if (found) return { version: v, parts: found.parts };
  if (v === 1) return { version: 1, parts: defaultTemplate(id) };
  throw new DeskError('NOT_FOUND', `文书模板“${TEMPLATE_LABELS[id]}”第${v}版不存在，数据文件夹可能不完整，请从备份恢复。`, {
    id,
    version: v,
  });
}

/**
 * Stores the default as version 1 when a document worded by it (`text`, version 1 while nothing is stored) is
 * being issued, so the version the document records always exists in the data folder (one audited write;
 * nothing when versions are stored already). Numbered documents call it in their commit step, after the
 * counter: a print that fails before leaves the data folder as it was.
 */
export async function storeTemplateUse(ctx: ServiceContext, id: TemplateId, text: TemplateText, method: string): Promise<void> {
  if (storedVersions(ctx, id).length > 0 || text.version !== 1) return;
  await ctx.store.write(
    'templates',
    (draft) => {
      let entry = draft.templates.find((t) => t.id === id);
      if (!entry) draft.templates.push((entry = { id, versions: [] }));
      if (entry.versions.length === 0)
        entry.versions.push({
          version: 1,
          parts: text.parts,
          source: 'default',
          savedAt: ctx.clock().toISOString(),
          savedBy: operator(ctx),
        });
    },
    () => ({ method, entity: `template:${id}`, summary: `文书模板“${TEMPLATE_LABELS[id]}”首次使用，保存默认文本为第1版` }),
  );
}

/** The current text for a document about to be issued, stored first when it is still the unsaved default. */
export async function templateForIssue(ctx: ServiceContext, id: TemplateId, method: string): Promise<TemplateText> {
  const text = currentTemplateText(ctx, id);
  await storeTemplateUse(ctx, id, text, method);
  return text;
}

/**
 * Appends a version (the default first when nothing is stored yet, so version numbers stay meaningful).
 * `baseVersion`: the version the editor started from; a newer one stored meanwhile refuses the save.
 */
export async function appendTemplateVersion(
  ctx: ServiceContext,
  id: TemplateId,
  parts: TemplateParts,
  source: TemplateVersion['source'],
  method: string,
  baseVersion?: number,
): Promise<TemplateVersion> {
  const before = currentTemplateText(ctx, id);
  return ctx.store.write(
    'templates',
    (draft) => {
      let entry = draft.templates.find((t) => t.id === id);
      if (!entry) draft.templates.push((entry = { id, versions: [] }));
      const now = ctx.clock().toISOString();
      const by = operator(ctx);
      if (entry.versions.length === 0)
        entry.versions.push({ version: 1, parts: defaultTemplate(id), source: 'default', savedAt: now, savedBy: by });
      const last = entry.versions.at(-1)!;
      if (baseVersion !== undefined && last.version !== baseVersion)
        throw new DeskError(
          'CONFLICT',
          `文书模板“${TEMPLATE_LABELS[id]}”已被修改为第${last.version}版（您编辑的是第${baseVersion}版），请刷新后再修改。`,
          { id, version: last.version },
        );
      const next: TemplateVersion = { version: last.version + 1, parts: cleanParts(parts), source, savedAt: now, savedBy: by };
      entry.versions.push(next);
      return structuredClone(next);
    },
    (v) => ({
      method,
      entity: `template:${id}`,
      summary:
        source === 'default'
          ? `文书模板“${TEMPLATE_LABELS[id]}”恢复默认文本，为第${v.version}版`
          : `修改文书模板“${TEMPLATE_LABELS[id]}”，保存为第${v.version}版`,
      before: { version: before.version, parts: before.parts },
      after: { version: v.version, parts: v.parts },
    }),
  );
}
