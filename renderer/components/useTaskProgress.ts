import { useEffect, useState } from 'react';
import type { ProgressEvent } from '../../electron/core/contract/index.js';
import { desk } from '../rpc';

/** The newest `progress` event of one task (null before the first one or when no task runs). */
export function useTaskProgress(taskId: string | null): ProgressEvent | null {
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  useEffect(() => {
    setProgress(null);
    if (!taskId) return undefined;
    return desk.onEvent('progress', (payload) => {
      const p = payload as ProgressEvent;
      if (p && p.taskId === taskId) setProgress(p);
    });
  }, [taskId]);
  return progress;
}

/** Percent for an antd Progress. */
export function percentOf(p: ProgressEvent | null): number {
  return p && p.total > 0 ? Math.min(100, Math.round((p.done / p.total) * 100)) : 0;
}

/** A fresh id for one long task (progress events and tasks.cancel use it). */
export function newTaskId(kind: string): string {
  return `${kind}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
