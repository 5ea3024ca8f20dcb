import { Button, Modal, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ArchiveYearStatus, YearSeal } from '../../../electron/core/contract/index.js';
import { formatDateTime, formatSize } from '../../format';
import { refocusAutoFocus } from '../../components/refocusAutoFocus';

interface Props {
  status: ArchiveYearStatus;
  onClose: () => void;
}

/** 封存记录: every version of the year's seal, with who unsealed it and why. */
export function SealHistoryModal({ status, onClose }: Props) {
  const seals = [...status.seals].sort((a, b) => b.version - a.version);
  const columns: ColumnsType<YearSeal> = [
    { title: '版本', dataIndex: 'version', width: 70, render: (v: number) => `第${v}版` },
    {
      title: '封存',
      key: 'sealed',
      width: 200,
      render: (_: unknown, s) => (
        <>
          <div className="desk-nowrap">{formatDateTime(s.sealedAt)}</div>
          <Typography.Text type="secondary">{s.sealedBy}</Typography.Text>
        </>
      ),
    },
    {
      title: '档案文件',
      key: 'file',
      render: (_: unknown, s) => (
        <>
          <div style={{ wordBreak: 'break-all' }}>{s.file.fileName}</div>
          <Typography.Text type="secondary">
            {s.fileCount} 个文件，{formatSize(s.file.size)}
          </Typography.Text>
        </>
      ),
    },
    {
      title: '状态',
      key: 'state',
      width: 250,
      render: (_: unknown, s) =>
        s.unsealed ? (
          <>
            <Tag color="orange">已解除封存</Tag>
            <div>
              {formatDateTime(s.unsealed.at)} {s.unsealed.by}
            </div>
            <div style={{ wordBreak: 'break-all' }}>理由：{s.unsealed.reason}</div>
          </>
        ) : (
          <Tag color="green">封存中</Tag>
        ),
    },
  ];
  return (
    <Modal
      afterOpenChange={refocusAutoFocus}
      open
      title={`${status.year}年度封存记录`}
      width={860}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose} autoFocus data-autofocus>
          关闭
        </Button>
      }
    >
      <Table<YearSeal>
        rowKey="version"
        size="small"
        data-testid="seal-history"
        columns={columns}
        dataSource={seals}
        pagination={false}
        tableLayout="fixed"
        scroll={{ y: 380 }}
        locale={{ emptyText: '该年度尚未封存过。' }}
      />
      {seals.some((s) => s.acknowledged.length) ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          封存时已知悉的未完成事项：
          {seals
            .filter((s) => s.acknowledged.length)
            .map((s) => `第${s.version}版：${s.acknowledged.join('；')}`)
            .join('。')}
        </Typography.Paragraph>
      ) : null}
    </Modal>
  );
}
