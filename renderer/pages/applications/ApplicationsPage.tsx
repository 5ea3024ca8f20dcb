import { useState } from 'react';
import { Alert, Button, Card, Flex, Input, Select, Typography } from 'antd';
import { DownloadOutlined, FileExcelOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { ApplicationStatus, ListFilters, Route } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { formatDateRange } from '../../format';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportResult } from '../../components/ExportResult';
import { useRemote } from '../../components/useRemote';
import { BATCH_STATUS_LABELS, batchLabel } from '../../components/batchLabels';
import { ApplicationTable, type SortState } from './ApplicationTable';
import { ApplicationDrawer } from './ApplicationDrawer';
import { ImportModal } from './ImportModal';
import { ROUTE_LABELS, STATUS_LABELS, STATUS_ORDER, labelOptions, options } from './lists';
import { useChoiceLists } from '../../components/useChoiceLists';
import { useBatchChoice } from '../../components/useBatchChoice';
import { useSearchTerm } from '../../components/useSearchTerm';
import { useExportFile } from '../../components/useExportFile';
import { SealedYearAlert } from '../../components/SealedYearAlert';

type Opened = { id: string | undefined } | null;

export function ApplicationsPage() {
  const intake = useBatchChoice();
  const { districts: DISTRICTS, industries: INDUSTRIES } = useChoiceLists();
  const [status, setStatus] = useState<ApplicationStatus[]>([]);
  const [district, setDistrict] = useState<string[]>([]);
  const [industry, setIndustry] = useState<string[]>([]);
  const [route, setRoute] = useState<Route>();
  const { typed, setTyped, search } = useSearchTerm();
  const [sort, setSort] = useState<SortState>({ sort: 'updatedAt', order: 'desc' });
  const [opened, setOpened] = useState<Opened>(null);
  const [importing, setImporting] = useState(false);
  const exporter = useExportFile();

  const filters: ListFilters = {
    ...(intake.batchId ? { batchId: intake.batchId } : {}),
    ...(status.length ? { status } : {}),
    ...(district.length ? { district } : {}),
    ...(industry.length ? { industry } : {}),
    ...(route ? { route } : {}),
    ...(search ? { search } : {}),
    ...sort,
  };
  const key = JSON.stringify(filters);
  const list = useRemote(() => (intake.batchId ? desk.call('applications.list', filters) : Promise.resolve({ total: 0, rows: [] })), [key]);
  const filtered = status.length + district.length + industry.length > 0 || !!route || !!search;
  const batch = intake.batch;
  /** The core says whether the batch still takes new applications (受理中 only). */
  const registering = !!batch && batch.operations.includes('registerApplication');
  const notRegistering = batch && !registering ? `${batchLabel(batch)}${BATCH_STATUS_LABELS[batch.status]}，不再登记新的申报` : undefined;

  return (
    <>
      <PageHeader
        title="申报登记"
        description="登记申报单位、收取七项申报材料，并进行形式审查（受理、补正、不予受理）。"
        extra={
          <>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={!registering}
              title={notRegistering}
              onClick={() => setOpened({ id: undefined })}
            >
              新增申报
            </Button>
            <Button
              icon={<DownloadOutlined />}
              loading={exporter.busy === '导入模板'}
              onClick={() => void exporter.run('导入模板', () => desk.call('applications.exportTemplate', {}))}
            >
              下载导入模板
            </Button>
            <Button icon={<UploadOutlined />} disabled={!registering} title={notRegistering} onClick={() => setImporting(true)}>
              导入Excel
            </Button>
            <Button
              icon={<FileExcelOutlined />}
              disabled={!batch}
              loading={exporter.busy === '申报汇总表'}
              onClick={() => void exporter.run('申报汇总表', () => desk.call('applications.exportRoster', filters))}
            >
              导出申报汇总表
            </Button>
          </>
        }
      />
      <ErrorAlert error={intake.error} title="无法读取申报批次" onRetry={intake.reload} />
      <ErrorAlert error={list.error} title="无法读取申报列表" onRetry={list.reload} />
      {!intake.loading && !intake.batches.length ? (
        <Alert
          type="info"
          showIcon
          title="还没有申报批次"
          description={
            <>
              请先在“<a href="#/batches">申报批次</a>”中新建批次，再登记申报。
            </>
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {exporter.last ? (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: exporter.clearLast }}
          title={<ExportResult file={exporter.last.file} kind={exporter.last.kind} />}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <SealedYearAlert year={batch?.year} />
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Flex align="center" gap={8} wrap style={{ padding: '12px 16px' }}>
          <Select
            aria-label="申报批次"
            value={intake.batchId}
            onChange={intake.setBatchId}
            style={{ width: 210 }}
            placeholder="选择批次"
            options={intake.batches.map((b) => ({
              value: b.id,
              label: `${batchLabel(b)}（${BATCH_STATUS_LABELS[b.status]}）`,
              title: b.title,
            }))}
          />
          <Select
            aria-label="按状态筛选"
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder="全部状态"
            value={status}
            onChange={setStatus}
            style={{ width: 130 }}
            options={STATUS_ORDER.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
          />
          <Select
            aria-label="按县（市）区筛选"
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder="全部县（市）区"
            value={district}
            onChange={setDistrict}
            style={{ width: 150 }}
            options={options(DISTRICTS)}
          />
          <Select
            aria-label="按产业筛选"
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder="全部产业"
            value={industry}
            onChange={setIndustry}
            style={{ width: 124 }}
            options={options(INDUSTRIES)}
          />
          <Select<Route>
            aria-label="按申报途径筛选"
            allowClear
            placeholder="全部途径"
            value={route}
            onChange={setRoute}
            style={{ width: 118 }}
            options={labelOptions(ROUTE_LABELS)}
          />
          <Input.Search
            aria-label="搜索申报单位"
            allowClear
            placeholder="名称 / 信用代码 / 拼音首字母"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            style={{ width: 220 }}
          />
          <Typography.Text type="secondary" data-testid="applications-count">
            {batch ? `共 ${list.data?.total ?? 0} 件` : ''}
          </Typography.Text>
        </Flex>
        {batch ? (
          <Typography.Text type="secondary" style={{ display: 'block', padding: '0 16px 8px', fontSize: 12 }}>
            {batch.title}
            {'\u3000'}受理期限：{formatDateRange(batch.opensOn, batch.closesOn)}
          </Typography.Text>
        ) : null}
        <ApplicationTable
          rows={list.data?.rows ?? []}
          loading={list.loading && !list.data}
          sort={sort}
          onSort={setSort}
          onOpen={(row) => setOpened({ id: row.id })}
          emptyText={filtered ? '没有符合条件的申报。' : '本批次还没有申报。点击“新增申报”登记，或“导入Excel”批量导入。'}
        />
      </Card>
      {batch ? (
        <ApplicationDrawer
          open={opened !== null}
          id={opened?.id}
          batch={batch}
          onCreated={(id) => setOpened({ id })}
          onChanged={list.reload}
          onClose={() => setOpened(null)}
        />
      ) : null}
      {batch ? <ImportModal open={importing} batch={batch} onClose={() => setImporting(false)} onImported={list.reload} /> : null}
    </>
  );
}
