import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';

export type Quota = MethodOutput<'batches.quota'>;

/** The year's batch count from the API (only while `enabled`, e.g. when creating). */
export function useQuota(year: unknown, enabled: boolean): Quota | undefined {
  const [quota, setQuota] = useState<Quota>();
  useEffect(() => {
    if (!enabled || typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2100) {
      setQuota(undefined);
      return;
    }
    let live = true;
    const timer = window.setTimeout(() => {
      desk.call('batches.quota', { year }).then(
        (q) => live && setQuota(q),
        () => live && setQuota(undefined),
      );
    }, 150);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [year, enabled]);
  return quota;
}
