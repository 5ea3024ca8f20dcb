import { FIELD_LABELS } from '../contract/labels.js';
import { DEFAULT_LISTS, ROUTE_LABELS, UNIT_TYPE_LABELS, type ChoiceLists } from '../domain/lists.js';
import { MATERIAL_ITEMS } from '../domain/materials.js';
import { holidayTableProblems } from '../domain/working-days.js';
import { DeskError } from '../contract/errors.js';
import { discardUpload, findUpload } from '../store/uploads.js';
import type { AreaHandlers, HandlerContext } from './types.js';

/** The bureau's choice lists: its edited lists from settings, else the DOMAIN.md defaults. */
export function choiceLists(ctx: HandlerContext): ChoiceLists {
  const { districts, industries } = ctx.store.read('settings').settings;
  return { districts: districts ?? DEFAULT_LISTS.districts, industries: industries ?? DEFAULT_LISTS.industries };
}

export const settingsHandlers: AreaHandlers<'settings.get' | 'settings.update' | 'settings.lists' | 'settings.setSeal'> = {
  'settings.setSeal': async (input, ctx) => {
    let sha256: string | undefined;
    if (input.uploadId) {
      const up = await findUpload(ctx.store.dirs.root, input.uploadId);
      // A seal must be a picture (PNG/JPG), checked by content.
      const stored = await ctx.store.attachments.addFile(up.path, up.fileName, ['png', 'jpg']);
      await discardUpload(ctx.store.dirs.root, input.uploadId);
      sha256 = stored.sha256;
    }
    const before = ctx.store.read('settings').settings;
    return ctx.store.write(
      'settings',
      (draft) => {
        const { sealImageSha256: _old, ...rest } = draft.settings;
        draft.settings = sha256 ? { ...rest, sealImageSha256: sha256 } : rest;
        return draft.settings;
      },
      (after) => ({
        method: 'settings.setSeal',
        entity: 'settings',
        summary: sha256 ? '设置证书印章图片' : '清除证书印章图片',
        before,
        after,
      }),
    );
  },
  'settings.lists': (_input, ctx) => {
    const lists = choiceLists(ctx);
    return {
      districts: [...lists.districts],
      industries: [...lists.industries],
      unitTypes: Object.entries(UNIT_TYPE_LABELS).map(([code, label]) => ({ code, label })),
      routes: Object.entries(ROUTE_LABELS).map(([code, label]) => ({ code, label })),
      materialItems: MATERIAL_ITEMS.map((m) => ({ no: m.no, title: m.title, hint: m.hint })),
    };
  },
  'settings.get': (_input, ctx) => ctx.store.read('settings').settings,
  'settings.update': async (input, ctx) => {
    const problems = (input.holidayTables ?? []).flatMap((t) => holidayTableProblems(t));
    if (problems.length > 0)
      throw new DeskError('INVALID_INPUT', `节假日安排有误：${problems.join('')}请改正后再保存。`, { field: 'holidayTables', problems });
    const before = ctx.store.read('settings').settings;
    return ctx.store.write(
      'settings',
      (draft) => {
        draft.settings = { ...draft.settings, ...input };
        return draft.settings;
      },
      (after) => ({
        method: 'settings.update',
        entity: 'settings',
        summary: `修改设置：${Object.keys(input)
          .map((k) => FIELD_LABELS[k] ?? k)
          .join('、')}`,
        before,
        after,
      }),
    );
  },
};
