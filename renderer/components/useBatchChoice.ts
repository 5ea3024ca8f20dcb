import { useEffect, useMemo, useState } from 'react';
import type { Batch } from '../../electron/core/contract/index.js';
import { desk } from '../rpc';
import { useRemote } from './useRemote';

const newestFirst = (a: Batch, b: Batch): number => b.year - a.year || b.sequence - a.sequence;

/** The batches for the selector, and the chosen one (default: the newest open batch, else the newest). */
export function useBatchChoice() {
  const list = useRemote(() => desk.call('batches.list', {}), []);
  const batches = useMemo(() => [...(list.data ?? [])].sort(newestFirst), [list.data]);
  const [batchId, setBatchId] = useState<string>();
  useEffect(() => {
    if (batchId && batches.some((b) => b.id === batchId)) return;
    const pick = batches.find((b) => b.status === 'open') ?? batches[0];
    if (pick) setBatchId(pick.id);
  }, [batches, batchId]);
  const batch = batches.find((b) => b.id === batchId);
  return { batches, batch, batchId: batch?.id, setBatchId, error: list.error, loading: list.loading, reload: list.reload };
}
