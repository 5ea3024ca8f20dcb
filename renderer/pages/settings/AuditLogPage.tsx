import { useState } from 'react';
import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { AuditEntry, AuditVerifyReport } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { formatDateTime } from '../../format';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRemote } from '../../components/useRemote';
import { METHOD_LABELS, entityLabel, summaryText } from './labels';

const columns: ColumnsType<AuditEntry> = [
  { title: '时间', dataIndex: 'at', width: 190, render: (at: string) => <span className="desk-nowrap">{formatDateTime(at)}</span> },
  {
    title: '操作人',
    dataIndex: 'operator',
    width: 150,
    render: (o: string, e) => (
      <>
        {o || <Typography.Text type="secondary">未设置</Typography.Text>}
        {e.osUser || e.machine ? (
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} title="系统账户@计算机名">
              {e.osUser}@{e.machine}
            </Typography.Text>
          </div>
        ) : null}
      </>
    ),
  },
  { title: '操作', dataIndex: 'method', width: 140, render: (m: string) => METHOD_LABELS[m] ?? m },
  { title: '对象', dataIndex: 'entity', width: 150, render: (e: string) => entityLabel(e) },
  { title: '说明', dataIndex: 'summary', render: (s: string) => summaryText(s) },
];

export function AuditLogPage() {
  const log = useRemote(() => desk.call('audit.list', { limit: 500 }), []);
  const [verifying, setVerifying] = useState(false);
  const [verified, setVerified] = useState<AuditVerifyReport | null>(null);
  const [verifyError, setVerifyError] = useState<unknown>(null);
  const verify = async () => {
    setVerifying(true);
    setVerifyError(null);
    try {
      setVerified(await desk.call('audit.verify', {}));
    } catch (err) {
      setVerified(null);
      setVerifyError(err);
    } finally {
      setVerifying(false);
    }
  };
  return (
    <>
      <PageHeader
        title="操作日志"
        description="每一次修改数据都记录在此（最近500条）：谁、在哪台计算机上、什么时候、做了什么。每条记录都带有前一条的校验值，改动、删除、插入或调换任何一条都能被“校验日志”发现。"
        extra={
          <Space>
            <Button icon={<SafetyCertificateOutlined />} onClick={() => void verify()} loading={verifying}>
              校验日志
            </Button>
            <Button icon={<ReloadOutlined />} onClick={log.reload} loading={log.loading}>
              刷新
            </Button>
          </Space>
        }
      />
      {verified ? (
        <Alert
          data-testid="audit-verify-result"
          type={verified.ok ? 'success' : 'error'}
          showIcon
          closable
          onClose={() => setVerified(null)}
          style={{ marginBottom: 12 }}
          title={verified.ok ? '校验通过' : '校验发现问题'}
          description={verified.message}
        />
      ) : null}
      <ErrorAlert error={verifyError} title="无法校验操作日志" onRetry={() => void verify()} />
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
