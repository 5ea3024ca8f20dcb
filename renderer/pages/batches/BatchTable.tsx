import { Button, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DeleteOutlined, EditOutlined, LockOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import type { BatchView as Batch } from '../../../electron/core/contract/index.js';
import { formatDateRange } from '../../format';
import { BATCH_STATUS_COLORS, BATCH_STATUS_LABELS, sequenceLabel } from '../../components/batchLabels';

interface Props {
  batches: Batch[];
  loading: boolean;
  onEdit: (batch: Batch) => void;
  /** 截止受理 / 恢复受理 (offered only when the batch's status allows them). */
  onIntake: (batch: Batch, action: 'close' | 'reopen') => void;
  /** 删除 (offered while the status allows it; the core refuses a batch that is not empty). */
  onDelete?: (batch: Batch) => void;
  /** Years whose archive is sealed (their batches are read-only). */
  sealedYears?: ReadonlySet<number>;
}

export function BatchTable({ batches, loading, onEdit, onIntake, onDelete, sealedYears }: Props) {
  const columns: ColumnsType<Batch> = [
    { title: '年度', dataIndex: 'year', width: 76, render: (y: number) => `${y}年` },
    { title: '批次', dataIndex: 'sequence', width: 80, render: (n: number) => sequenceLabel(n) },
    { title: '名称', dataIndex: 'title' },
    {
      title: '受理期限',
      key: 'window',
      width: 240,
      render: (_: unknown, b) => <span className="desk-nowrap">{formatDateRange(b.opensOn, b.closesOn)}</span>,
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 150,
      render: (s: Batch['status'], b) => (
        <>
          <Tag color={BATCH_STATUS_COLORS[s]}>{BATCH_STATUS_LABELS[s]}</Tag>
          {sealedYears?.has(b.year) ? (
            <Tag icon={<LockOutlined />} title={`${b.year}年度档案已封存，本批数据只读`}>
              已封存
            </Tag>
          ) : null}
        </>
      ),
    },
    {
      title: '备注',
      dataIndex: 'extraBatchReason',
      width: 200,
      render: (reason?: string) =>
        reason ? (
          <Typography.Text type="warning" title={`超出每年两次的理由：${reason}`}>
            理由：{reason}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      render: (_: unknown, b) => (
        <Flex gap={4} wrap>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onEdit(b)} aria-label={`修改${b.title}`}>
            修改
          </Button>
          {b.operations.includes('closeIntake') ? (
            <Button type="link" size="small" icon={<StopOutlined />} onClick={() => onIntake(b, 'close')} aria-label={`截止受理${b.title}`}>
              截止受理
            </Button>
          ) : null}
          {b.operations.includes('reopenIntake') ? (
            <Button
              type="link"
              size="small"
              icon={<UndoOutlined />}
              onClick={() => onIntake(b, 'reopen')}
              aria-label={`恢复受理${b.title}`}
            >
              恢复受理
            </Button>
          ) : null}
          {onDelete && b.operations.includes('deleteBatch') && !sealedYears?.has(b.year) ? (
            <Button type="link" size="small" danger icon={<DeleteOutlined />} onClick={() => onDelete(b)} aria-label={`删除${b.title}`}>
              删除
            </Button>
          ) : null}
        </Flex>
      ),
    },
  ];
  return (
    <Table<Batch>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={batches}
      loading={loading}
      pagination={batches.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText: '还没有申报批次。点击“新建批次”开始受理申报。' }}
      tableLayout="fixed"
    />
  );
}
