import { useEffect, useState } from 'react';
import type { ReferenceLists } from '../../electron/core/contract/index.js';
import { desk } from '../rpc';

export type MaterialSpec = ReferenceLists['materialItems'][number];

export interface ChoiceLists {
  districts: readonly string[];
  industries: readonly string[];
  materials: readonly MaterialSpec[];
}

const EMPTY: ChoiceLists = { districts: [], industries: [], materials: [] };
let cached: ChoiceLists | undefined;

/** 县(市)区, 产业 (as edited in 设置) and the seven material items, served by settings.lists (core owns them). */
export function useChoiceLists(): ChoiceLists {
  const [lists, setLists] = useState<ChoiceLists>(cached ?? EMPTY);
  useEffect(() => {
    let live = true;
    desk.call('settings.lists', {}).then(
      (l) => {
        cached = { districts: l.districts, industries: l.industries, materials: l.materialItems };
        if (live) setLists(cached);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  return lists;
}

export const materialTitle = (materials: readonly MaterialSpec[], no: number): string =>
  materials.find((m) => m.no === no)?.title ?? `第${no}项`;
