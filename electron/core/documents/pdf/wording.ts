/**
 * The wording of a notice from its template (domain/templates.ts): the template version the caller gives
 * (the stored one the document was issued with) or the default, filled with the notice's own values and the
 * common facts from the settings (contact, address, 行政复议机关, 行政诉讼法院, 公开方式).
 */
import type { TemplateId } from '../../contract/templates-labels.js';
import { formatChineseDate } from '../../domain/batches.js';
import {
  commonValues,
  DEFAULT_TEMPLATES,
  fillTemplate,
  mergeValues,
  type FilledWording,
  type NoticeFactsSettings,
  type TemplateParts,
  type TemplateValues,
} from '../../domain/templates.js';

/** What every notice input may carry about its wording. */
export interface WordingOptions {
  /** The template text to fill (the version recorded on the issued document); default: the built-in default. */
  template?: TemplateParts;
  /** Facts from the settings: contact, address, 行政复议机关, 行政诉讼法院 (default: the authority only). */
  facts?: NoticeFactsSettings;
  /** 公开方式 label (e.g. 主动公开), for {公开方式}. */
  disclosure?: string;
}

/** Fills template `id` for a notice dated `date` by `authority`. */
export function noticeWording(
  id: TemplateId,
  input: WordingOptions & { authority: string; date: string; contact?: { name: string; phone: string } },
  own: TemplateValues,
): FilledWording {
  const facts: NoticeFactsSettings = { ...(input.facts ?? {}), bureauName: input.facts?.bureauName ?? input.authority };
  const common = commonValues(
    facts,
    {
      date: input.date,
      ...(input.disclosure ? { disclosure: input.disclosure } : {}),
      ...(input.contact ? { contact: input.contact } : {}),
    },
    formatChineseDate,
  );
  return fillTemplate(input.template ?? DEFAULT_TEMPLATES[id], mergeValues(common, own));
}

/** Every string a filled wording prints (for the glyph check, with the rest of the document). */
export function wordingStrings(w: FilledWording): string[] {
  return [w.title, w.addressee, w.listTitle, ...w.paragraphs];
}
