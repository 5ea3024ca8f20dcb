import { Alert } from 'antd';
import type { ArchiveYearStatus, YearSeal } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { ReasonModal } from '../../components/ReasonModal';

interface Props {
  status: ArchiveYearStatus;
  onClose: () => void;
  onUnsealed: (seal: YearSeal) => void;
}

/** 解除封存: a reason (at least 2 characters; Enter saves, Esc cancels), logged with the seal. */
export function UnsealModal({ status, onClose, onUnsealed }: Props) {
  const current = status.seals.reduce<YearSeal | null>((m, s) => (!m || s.version > m.version ? s : m), null);
  return (
    <ReasonModal
      open
      title={`解除${status.year}年度封存`}
      okText="解除封存"
      danger
      label="解除理由"
      maxLength={500}
      placeholder="如：更正某中心的认定日期"
      errorTitle="未能解除封存"
      intro={
        <Alert
          type="warning"
          showIcon
          title="解除封存后，该年度的数据可以修改。"
          description={`已封存的档案文件${current ? `（第${current.version}版）` : ''}保留不动；修改完成后须重新封存，生成新一版档案。解除封存的时间、操作人和理由将永久记入封存记录和操作日志。`}
          style={{ marginBottom: 16 }}
        />
      }
      onClose={onClose}
      onSubmit={async (reason) => onUnsealed(await desk.call('archive.unseal', { year: status.year, reason }))}
    />
  );
}
