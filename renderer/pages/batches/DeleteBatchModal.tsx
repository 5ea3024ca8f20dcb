import type { BatchView as Batch } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { ReasonModal } from '../../components/ReasonModal';
import { batchLabel } from '../../components/batchLabels';

/** 删除空批次: asks for a reason; the core refuses a batch that holds anything, naming what. */
export function DeleteBatchModal({
  batch,
  onClose,
  onDeleted,
}: {
  batch: Batch | null;
  onClose: () => void;
  onDeleted: (b: Batch) => void;
}) {
  if (!batch) return null;
  return (
    <ReasonModal
      open
      title={`删除${batchLabel(batch)}“${batch.title}”`}
      guard="删除批次"
      intro="只有没有任何申报（含草稿）、未分配评审、未公示的空批次可以删除，用于撤销误建的批次。删除记入操作日志。"
      label="删除理由"
      okText="删除批次"
      danger
      errorTitle="未能删除批次"
      onClose={onClose}
      onSubmit={async (reason) => {
        await desk.call('batches.delete', { id: batch.id, reason });
        onDeleted(batch);
      }}
    />
  );
}
