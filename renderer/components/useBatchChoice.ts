import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Batch } from '../../electron/core/contract/index.js';
import { desk } from '../rpc';
import { useRemote } from './useRemote';

const newestFirst = (a: Batch, b: Batch): number => b.year - a.year || b.sequence - a.sequence;

/** Where the batch the clerk last chose is kept: one choice for every page, for the session (window). */
const CHOICE_KEY = 'desk.batchChoice';

function remembered(): string | undefined {
  try {
    return sessionStorage.getItem(CHOICE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

function remember(id: string): void {
  try {
    sessionStorage.setItem(CHOICE_KEY, id);
  } catch {
    /* storage unavailable: the choice lasts for this page only */
  }
}

const changeListeners = new Set<() => void>();

/**
 * Call after an action that can move a batch's status (the first 评审分配, 发起公示, 认定发文, 截止受理 …):
 * every batch selector on the page reloads the list, so the status shown changes without a reload of the page.
 */
export function batchesChanged(): void {
  for (const l of changeListeners) l();
}

/**
 * The batches for the selector, and the chosen one: the batch the clerk last chose on any page (kept for the
 * session), else the newest open batch, else the newest.
 */
export function useBatchChoice() {
  const list = useRemote(() => desk.call('batches.list', {}), []);
  const batches = useMemo(() => [...(list.data ?? [])].sort(newestFirst), [list.data]);
  const [batchId, setChosen] = useState<string | undefined>(remembered);
  const setBatchId = useCallback((id: string) => {
    remember(id);
    setChosen(id);
  }, []);
  const { reload } = list;
  useEffect(() => {
    changeListeners.add(reload);
    return () => void changeListeners.delete(reload);
  }, [reload]);
  useEffect(() => {
    if (!list.data || (batchId && batches.some((b) => b.id === batchId))) return;
    const pick = batches.find((b) => b.status === 'open') ?? batches[0];
    if (pick) setChosen(pick.id);
  }, [list.data, batches, batchId]);
  const batch = batches.find((b) => b.id === batchId);
  return { batches, batch, batchId: batch?.id, setBatchId, error: list.error, loading: list.loading, reload };
}
