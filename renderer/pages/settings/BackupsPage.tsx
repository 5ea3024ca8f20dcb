import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { HistoryOutlined, ReloadOutlined } from '@ant-design/icons';
import type { BackupInfo, MethodOutput } from '../../../electron/core/contract/index.js';
import { desk, errorMessage } from '../../rpc';
import { formatDateTime } from '../../format';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRemote } from '../../components/useRemote';
import { useSettings } from '../../components/SettingsContext';
import { BACKUP_KIND_LABELS } from './labels';
import { BackupFileCard } from './BackupFileCard';
import { RestoreFileCard } from './RestoreFileCard';
import { useConfirmAct } from '../../components/ConfirmActModal';

type RestoreResult = MethodOutput<'backups.restore'>;

export function BackupsPage() {
  const backups = useRemote(() => desk.call('backups.list', {}), []);
  const settings = useSettings();
  const [result, setResult] = useState<RestoreResult | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const confirm = useConfirmAct();
  async function confirmRestore(b: BackupInfo): Promise<void> {
    const answer = await confirm.ask({
      title: '从快照恢复全部数据',
      actName: '恢复',
      danger: true,
      testId: 'confirm-restore',
      summary: (
        <Descriptions size="small" column={1} bordered styles={{ label: { width: 110 } }}>
          <Descriptions.Item label="快照">{b.name}</Descriptions.Item>
          <Descriptions.Item label="备份时间">{formatDateTime(b.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="类型">
            {BACKUP_KIND_LABELS[b.kind]}（共 {b.parts} 个数据部分）
          </Descriptions.Item>
        </Descriptions>
      ),
      consequences: [
        `当前的全部数据由快照“${b.name}”替换，快照之后所做的修改将不再显示。`,
        '恢复前，程序先把当前数据另存为一个“恢复前备份”；如恢复有误，可再从那个备份恢复回来。',
        '本次恢复记入操作日志。',
      ],
    });
    if (!answer) return;
    setFailure(null);
    setResult(null);
    try {
      const r = await desk.call('backups.restore', { name: b.name });
      setResult(r);
      settings.reload();
    } catch (err) {
      setFailure(err);
    } finally {
      backups.reload();
    }
  }

  const columns: ColumnsType<BackupInfo> = [
    {
      title: '备份时间',
      dataIndex: 'createdAt',
      width: 190,
      render: (at: string) => <span className="desk-nowrap">{formatDateTime(at)}</span>,
    },
    {
      title: '类型',
      dataIndex: 'kind',
      width: 130,
      render: (k: BackupInfo['kind']) => <Tag color={k === 'daily' ? 'blue' : 'orange'}>{BACKUP_KIND_LABELS[k]}</Tag>,
    },
    { title: '名称', dataIndex: 'name', ellipsis: { showTitle: true } },
    { title: '数据部分', dataIndex: 'parts', width: 100, render: (n: number) => `${n} 个` },
    {
      title: '操作',
      key: 'actions',
      width: 110,
      render: (_: unknown, b) => (
        <Button size="small" icon={<HistoryOutlined />} onClick={() => void confirmRestore(b)}>
          恢复
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="备份与恢复"
        description="可把全部数据备份到文件（如U盘）并从备份文件恢复；程序还每天自动备份（保留最近30份），恢复和升级前也会自动备份。"
        extra={
          <Button icon={<ReloadOutlined />} onClick={backups.reload} loading={backups.loading}>
            刷新
          </Button>
        }
      />
      <ErrorAlert error={backups.error} title="无法读取备份列表" onRetry={backups.reload} />
      {failure ? (
        <Alert
          type="error"
          showIcon
          title="恢复失败，数据未改动"
          description={errorMessage(failure)}
          closable={{ onClose: () => setFailure(null) }}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {result ? (
        <Alert
          type="success"
          showIcon
          data-testid="restore-result"
          title={`已从备份“${result.restored}”恢复 ${result.parts} 个数据部分。`}
          description={`恢复前的数据已另存为“${result.safetyBackup}”，如需撤销可从该备份恢复。`}
          closable={{ onClose: () => setResult(null) }}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <BackupFileCard />
      <RestoreFileCard />
      <Card size="small" title="自动备份（程序内快照）" styles={{ body: { padding: 0 } }}>
        <Table<BackupInfo>
          rowKey="name"
          size="middle"
          columns={columns}
          dataSource={backups.data ?? []}
          loading={backups.loading}
          tableLayout="fixed"
          pagination={{ pageSize: 15, showSizeChanger: false, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 份备份` }}
          locale={{ emptyText: '还没有备份。程序会在每天第一次修改数据时自动备份。' }}
        />
      </Card>
      {confirm.element}
    </>
  );
}
