/**
 * 文书模板 (设置 › 文书模板): list, read a version, save a new version (checked: unknown placeholders are
 * refused by name), restore the default as a new version, and preview the real PDF of a draft text.
 */
import { DOCUMENT_KIND_LABELS } from '../contract/document-labels.js';
import type { TemplateDetail, TemplateSummary } from '../contract/templates.js';
import {
  CERTIFICATE_KIND_LABEL,
  TEMPLATE_DOCUMENT,
  TEMPLATE_LABELS,
  TEMPLATE_LIMITS,
  TEMPLATE_PART_LABELS,
  TEMPLATE_IDS,
  type TemplateId,
} from '../contract/templates-labels.js';
import { DEFAULT_DOCUMENT_KINDS } from '../domain/document-kinds.js';
import {
  assertTemplate,
  conditionsOf,
  defaultTemplate,
  noticeFactWarnings,
  placeholdersOf,
  TEMPLATE_SPECS,
  usesNoticeFacts,
  type TemplateParts,
} from '../domain/templates.js';
import { assertTemplateFits, renderTemplatePreview } from '../services/documents/template-preview.js';
import { appendTemplateVersion, cleanParts, currentTemplateText, storedVersions, templateText } from '../services/templates.js';
import type { AreaHandlers, HandlerContext } from './types.js';

type Methods = 'templates.list' | 'templates.get' | 'templates.save' | 'templates.restoreDefault' | 'templates.preview';

/** Same text (parts compared with their lines trimmed; absent = empty). */
function sameText(id: TemplateId, a: TemplateParts, b: TemplateParts): boolean {
  const norm = (s: string | undefined): string =>
    (s ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .join('\n');
  return TEMPLATE_SPECS[id].parts.every((p) => norm(a[p]) === norm(b[p]));
}

function summaryOf(ctx: HandlerContext, id: TemplateId): TemplateSummary {
  const settings = ctx.store.read('settings').settings;
  const current = currentTemplateText(ctx, id);
  const last = storedVersions(ctx, id).at(-1);
  const type = TEMPLATE_DOCUMENT[id];
  const kind = type ? (settings.documentFormats?.[type]?.kind ?? DEFAULT_DOCUMENT_KINDS[type]) : null;
  return {
    id,
    label: TEMPLATE_LABELS[id],
    kindLabel: kind ? DOCUMENT_KIND_LABELS[kind] : CERTIFICATE_KIND_LABEL,
    version: current.version,
    edited: !sameText(id, current.parts, defaultTemplate(id)),
    ...(last ? { savedAt: last.savedAt, savedBy: last.savedBy } : {}),
  };
}

function detailOf(ctx: HandlerContext, id: TemplateId, version?: number): TemplateDetail {
  const shown = version === undefined ? currentTemplateText(ctx, id) : templateText(ctx, id, version);
  const stored = storedVersions(ctx, id);
  const settings = ctx.store.read('settings').settings;
  return {
    ...summaryOf(ctx, id),
    shownVersion: shown.version,
    parts: shown.parts,
    defaultParts: defaultTemplate(id),
    partSpecs: TEMPLATE_SPECS[id].parts.map((part) => ({
      part,
      label: TEMPLATE_PART_LABELS[part],
      max: TEMPLATE_LIMITS[part],
      multiline: part === 'body',
    })),
    placeholders: placeholdersOf(id).map((p) => ({ name: p.name, description: p.description, list: !!p.list })),
    conditions: conditionsOf(id),
    versions: stored.length > 0 ? stored.map(({ parts: _parts, ...v }) => v) : [],
    warnings: usesNoticeFacts(id) ? noticeFactWarnings(settings) : [],
  };
}

export const templatesHandlers: AreaHandlers<Methods> = {
  'templates.list': (_input, ctx) => TEMPLATE_IDS.map((id) => summaryOf(ctx, id)),
  'templates.get': (input, ctx) => detailOf(ctx, input.id, input.version),
  'templates.save': async (input, ctx) => {
    const parts = cleanParts(input.parts);
    assertTemplate(input.id, parts);
    await assertTemplateFits(ctx, input.id, parts);
    await appendTemplateVersion(ctx, input.id, parts, 'edited', 'templates.save', input.baseVersion);
    return detailOf(ctx, input.id);
  },
  'templates.restoreDefault': async (input, ctx) => {
    await appendTemplateVersion(ctx, input.id, defaultTemplate(input.id), 'default', 'templates.restoreDefault');
    return detailOf(ctx, input.id);
  },
  'templates.preview': async (input, ctx) => {
    const parts = cleanParts(input.parts);
    assertTemplate(input.id, parts);
    const { pdf, wording } = await renderTemplatePreview(ctx, input.id, parts);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    return {
      pdfBase64: pdf.toString('base64'),
      pages,
      bytes: pdf.length,
      title: wording.title,
      paragraphs: wording.paragraphs,
      warnings: usesNoticeFacts(input.id) ? noticeFactWarnings(ctx.store.read('settings').settings) : [],
    };
  },
};
