import { FIELD_LABELS } from '../contract/labels.js';
import type { AreaHandlers } from './types.js';

export const settingsHandlers: AreaHandlers<'settings.get' | 'settings.update'> = {
  'settings.get': (_input, ctx) => ctx.store.read('settings').settings,
  'settings.update': async (input, ctx) => {
    const before = ctx.store.read('settings').settings;
    return ctx.store.write(
      'settings',
      (draft) => {
        draft.settings = { ...draft.settings, ...input };
        return draft.settings;
      },
      (after) => ({ method: 'settings.update', entity: 'settings', summary: `修改设置：${Object.keys(input).map((k) => FIELD_LABELS[k] ?? k).join('、')}`, before, after }),
    );
  },
};
