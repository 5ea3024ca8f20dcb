import { useMemo } from 'react';
import type { ApplicationRow, Expert } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { useRemote } from '../../components/useRemote';

/** Everything a review screen of one batch needs: experts (incl. retired), accepted applications, overview. */
export function useBatchReview(batchId: string | undefined) {
  const experts = useRemote(() => desk.call('experts.list', { includeRetired: true }), []);
  const apps = useRemote(
    () =>
      batchId
        ? desk.call('applications.list', { batchId, status: ['accepted'], sort: 'name', order: 'asc' })
        : Promise.resolve({ total: 0, rows: [] }),
    [batchId],
  );
  const overview = useRemote(() => (batchId ? desk.call('scoring.overview', { batchId }) : Promise.resolve(undefined)), [batchId]);
  const expertById = useMemo(() => new Map<string, Expert>((experts.data ?? []).map((e) => [e.id, e])), [experts.data]);
  const appById = useMemo(() => new Map<string, ApplicationRow>((apps.data?.rows ?? []).map((a) => [a.id, a])), [apps.data]);
  return {
    experts,
    apps,
    overview,
    expertById,
    appById,
    expertName: (id: string) => expertById.get(id)?.name ?? id,
    appName: (id: string) => appById.get(id)?.name ?? id,
    error: experts.error || apps.error || overview.error,
    reload: () => {
      experts.reload();
      apps.reload();
      overview.reload();
    },
  };
}

export type BatchReview = ReturnType<typeof useBatchReview>;
