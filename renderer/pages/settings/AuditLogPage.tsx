import { Button, Card, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ReloadOutlined } from '@ant-design/icons';
import type { AuditEntry } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { formatDateTime } from '../../format';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRemote } from '../../components/useRemote';
import { METHOD_LABELS, entityLabel, summaryText } from './labels';

const columns: ColumnsType<AuditEntry> = [
  { title: '时间', dataIndex: 'at', width: 190, render: (at: string) => <span className="desk-nowrap">{formatDateTime(at)}</span> },
  { title: '操作人', dataIndex: 'operator', width: 110, render: (o: string) => o || <Typography.Text type="secondary">未设置</Typography.Text> },
  { title: '操作', dataIndex: 'method', width: 140, render: (m: string) => METHOD_LABELS[m] ?? m },
  { title: '对象', dataIndex: 'entity', width: 150, render: (e: string) => entityLabel(e) },
  { title: '说明', dataIndex: 'summary', render: (s: string) => summaryText(s) },
];

export function AuditLogPage() {
  const log = useRemote(() => desk.call('audit.list', { limit: 500 }), []);
  return (
    <>
      <PageHeader
        title="操作日志"
        description="每一次修改数据都记录在此（最近500条）：谁、什么时候、做了什么。日志只追加，不能修改。"
        extra={
          <Button icon={<ReloadOutlined />} onClick={log.reload} loading={log.loading}>
            刷新
          </Button>
        }
      />
      <ErrorAlert error={log.error} title="无法读取操作日志" onRetry={log.reload} />
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<AuditEntry>
          rowKey={(e, i) => `${e.at}-${i ?? 0}`}
          size="middle"
          columns={columns}
          dataSource={log.data ?? []}
          loading={log.loading}
          tableLayout="fixed"
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 条` }}
          locale={{ emptyText: '还没有操作记录。' }}
        />
      </Card>
    </>
  );
}
