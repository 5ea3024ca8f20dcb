import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Flex, Select, Typography } from 'antd';
import { FileExcelOutlined, FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import type { BatchView as Batch } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportResult } from '../../components/ExportResult';
import { useRemote } from '../../components/useRemote';
import { BatchTable } from './BatchTable';
import { BatchFormModal } from './BatchFormModal';
import { DeleteBatchModal } from './DeleteBatchModal';
import { useBatchExport } from './useExport';
import { batchLabel } from '../../components/batchLabels';
import { useSealedYears } from '../../components/useSealedYears';

type Editing = { batch: Batch | undefined } | null;

export function BatchesPage() {
  const { message, modal } = App.useApp();
  const [intakeError, setIntakeError] = useState<unknown>(null);
  const list = useRemote(() => desk.call('batches.list', {}), []);
  const sealedYears = useSealedYears();
  const [year, setYear] = useState<number | undefined>();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Batch | null>(null);
  const exporter = useBatchExport(year);

  const all = list.data ?? [];
  const years = useMemo(() => [...new Set(all.map((b) => b.year))].sort((a, b) => b - a), [all]);
  const shown = year === undefined ? all : all.filter((b) => b.year === year);

  function saved(batch: Batch, created: boolean): void {
    setEditing(null);
    list.reload();
    message.success(created ? `已新建${batchLabel(batch)}“${batch.title}”。` : `已保存对“${batch.title}”的修改。`);
  }

  /** 截止受理 / 恢复受理: the only way the intake part of a batch's status changes. */
  function intake(batch: Batch, action: 'close' | 'reopen'): void {
    const label = `${batchLabel(batch)}“${batch.title}”`;
    modal.confirm({
      title: action === 'close' ? '截止受理' : '恢复受理',
      content:
        action === 'close'
          ? `截止受理后，${label}不再登记新的申报（已登记的申报照常补正、审查）。是否截止？`
          : `恢复受理后，${label}可以继续登记新的申报。是否恢复？`,
      okText: action === 'close' ? '截止受理' : '恢复受理',
      cancelText: '取消',
      onOk: async () => {
        setIntakeError(null);
        try {
          if (action === 'close') await desk.call('batches.close', { id: batch.id });
          else await desk.call('batches.reopen', { id: batch.id });
          message.success(action === 'close' ? `${label}已截止受理。` : `${label}已恢复受理。`);
          list.reload();
        } catch (err) {
          setIntakeError(err);
        }
      },
    });
  }

  return (
    <>
      <PageHeader
        title="申报批次"
        description="每个批次对应一次公开征集。原则上每年不超过两次，增开须说明理由。"
        extra={
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ batch: undefined })}>
              新建批次
            </Button>
            <Button
              icon={<FileExcelOutlined />}
              loading={exporter.busy === 'xlsx'}
              disabled={exporter.busy !== null}
              onClick={() => void exporter.run('xlsx')}
            >
              导出Excel
            </Button>
            <Button
              icon={<FilePdfOutlined />}
              loading={exporter.busy === 'pdf'}
              disabled={exporter.busy !== null}
              onClick={() => void exporter.run('pdf')}
            >
              导出PDF
            </Button>
          </>
        }
      />
      <ErrorAlert error={list.error} title="无法读取申报批次" onRetry={list.reload} />
      <ErrorAlert error={intakeError} title="未能改变受理状态" onClose={() => setIntakeError(null)} />
      {exporter.last ? (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: exporter.clearLast }}
          title={<ExportResult file={exporter.last.file} kind={exporter.last.kind} />}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Flex align="center" gap={12} style={{ padding: '12px 16px' }}>
          <Typography.Text>年度</Typography.Text>
          <Select<number | 'all'>
            aria-label="按年度筛选"
            value={year ?? 'all'}
            style={{ width: 140 }}
            onChange={(v) => setYear(v === 'all' ? undefined : v)}
            options={[{ value: 'all', label: '全部年度' }, ...years.map((y) => ({ value: y, label: `${y}年` }))]}
          />
          <Typography.Text type="secondary">共 {shown.length} 个批次</Typography.Text>
        </Flex>
        <BatchTable
          batches={shown}
          loading={list.loading}
          onEdit={(batch) => setEditing({ batch })}
          onIntake={intake}
          onDelete={setDeleting}
          sealedYears={sealedYears}
        />
      </Card>
      <DeleteBatchModal
        batch={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(b) => {
          setDeleting(null);
          list.reload();
          message.success(`已删除${batchLabel(b)}“${b.title}”。`);
        }}
      />
      <BatchFormModal open={editing !== null} batch={editing?.batch} onClose={() => setEditing(null)} onSaved={saved} />
    </>
  );
}
