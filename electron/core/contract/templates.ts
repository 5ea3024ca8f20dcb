/**
 * 文书模板: the wording of every issued document as templates the bureau edits (设置 › 文书模板). Each save
 * makes a new version and keeps the old ones; an issued document records the version it was printed with
 * and a reprint uses that version (domain/templates.ts has the placeholders, conditions and defaults).
 */
import { z } from 'zod';
import { IsoTime, method } from './define.js';
import { Text } from './text.js';
import {
  TEMPLATE_IDS,
  TEMPLATE_LIMITS,
  TEMPLATE_PART_LABELS,
  TEMPLATE_PARTS,
  TEMPLATE_SOURCES,
  type TemplatePart,
} from './templates-labels.js';

export const TemplateIdSchema = z.enum(TEMPLATE_IDS, { message: '没有这种文书模板' });

/** A template's text as stored. */
export const TemplatePartsSchema = z
  .object(Object.fromEntries(TEMPLATE_PARTS.map((p) => [p, z.string().optional()])) as Record<TemplatePart, z.ZodOptional<z.ZodString>>)
  .strict();

/** A template's text as typed: every part a Text() (the 正文 keeps its lines). */
const TemplatePartsInput = z
  .object(
    Object.fromEntries(
      TEMPLATE_PARTS.map((p) => [p, Text({ label: TEMPLATE_PART_LABELS[p], max: TEMPLATE_LIMITS[p], multiline: p === 'body' }).optional()]),
    ) as Record<TemplatePart, z.ZodOptional<z.ZodString>>,
  )
  .strict();

export const TemplateVersion = z.object({
  version: z.number().int().positive(),
  parts: TemplatePartsSchema,
  /** default: the built-in text (first use or 恢复默认); edited: saved from the editor. */
  source: z.enum(TEMPLATE_SOURCES),
  savedAt: IsoTime,
  savedBy: z.string(),
});
export type TemplateVersion = z.infer<typeof TemplateVersion>;

/** The fixed part `templates`: every version of every template that was saved or used (never deleted). */
export const TemplatesPart = z.object({
  templates: z.array(z.object({ id: TemplateIdSchema, versions: z.array(TemplateVersion) })),
});
export type TemplatesPart = z.infer<typeof TemplatesPart>;

export const TemplateSummary = z.object({
  id: TemplateIdSchema,
  label: z.string(),
  /** The document kind label it prints as (e.g. 信函格式). */
  kindLabel: z.string(),
  /** Current version (1 = the default, also before it was first stored). */
  version: z.number().int().positive(),
  /** The current text differs from the built-in default. */
  edited: z.boolean(),
  savedAt: IsoTime.optional(),
  savedBy: z.string().optional(),
});
export type TemplateSummary = z.infer<typeof TemplateSummary>;

export const TemplateDetail = TemplateSummary.extend({
  /** The text of the version asked for (default: the current one). */
  shownVersion: z.number().int().positive(),
  parts: TemplatePartsSchema,
  defaultParts: TemplatePartsSchema,
  /** The parts this template has, in order, with their limits. */
  partSpecs: z.array(z.object({ part: z.enum(TEMPLATE_PARTS), label: z.string(), max: z.number().int(), multiline: z.boolean() })),
  placeholders: z.array(z.object({ name: z.string(), description: z.string(), list: z.boolean() })),
  conditions: z.array(z.object({ name: z.string(), description: z.string() })),
  versions: z.array(TemplateVersion.omit({ parts: true })),
  /** Settings the wording needs that are not set yet (e.g. 行政诉讼法院). */
  warnings: z.array(z.string()),
});
export type TemplateDetail = z.infer<typeof TemplateDetail>;

export const TemplatePreview = z.object({
  /** The rendered PDF, base64. */
  pdfBase64: z.string(),
  pages: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  /** The filled wording as printed (title, 主送, paragraphs). */
  title: z.string(),
  paragraphs: z.array(z.string()),
  warnings: z.array(z.string()),
});
export type TemplatePreview = z.infer<typeof TemplatePreview>;

const ById = z.object({ id: TemplateIdSchema }).strict();

export const templatesContract = {
  'templates.list': method({ input: z.object({}).strict(), output: z.array(TemplateSummary), writes: false, summary: '文书模板列表' }),
  'templates.get': method({
    input: z.object({ id: TemplateIdSchema, version: z.number().int().positive().optional() }).strict(),
    output: TemplateDetail,
    writes: false,
    summary: '读取文书模板',
  }),
  'templates.save': method({
    input: z
      .object({
        id: TemplateIdSchema,
        parts: TemplatePartsInput,
        /** The version the editor started from: a save over a newer version is refused (CONFLICT). */
        baseVersion: z.number().int().positive().optional(),
      })
      .strict(),
    output: TemplateDetail,
    writes: true,
    // A template edit locks nothing for sealed years: every issued document records the template version it
    // was printed with and its reprints (also the sealed archive's) use that version, so a new version changes
    // no document of a sealed year.
    yearLock: 'none',
    summary: '保存文书模板（新版本）',
  }),
  'templates.restoreDefault': method({
    input: ById,
    output: TemplateDetail,
    writes: true,
    // As templates.save: a new version; issued documents keep theirs.
    yearLock: 'none',
    summary: '文书模板恢复默认文本（新版本）',
  }),
  'templates.preview': method({
    input: z.object({ id: TemplateIdSchema, parts: TemplatePartsInput }).strict(),
    output: TemplatePreview,
    writes: false,
    summary: '预览文书模板（样例数据）',
  }),
};
