import { useEffect, useState } from 'react';
import { desk } from '../../rpc';
import { DISTRICTS, INDUSTRIES } from './lists';

export interface ChoiceLists {
  districts: readonly string[];
  industries: readonly string[];
}

let cached: ChoiceLists | undefined;

/** 县(市)区 and 产业 as edited in 设置 (settings.lists); the built-in copy until the answer arrives or if it fails. */
export function useChoiceLists(): ChoiceLists {
  const [lists, setLists] = useState<ChoiceLists>(cached ?? { districts: DISTRICTS, industries: INDUSTRIES });
  useEffect(() => {
    let live = true;
    desk.call('settings.lists', {}).then(
      (l) => {
        cached = { districts: l.districts, industries: l.industries };
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
