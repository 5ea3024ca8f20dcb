import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { EditOutlined, FileExcelOutlined, PlusOutlined, StopOutlined, UploadOutlined } from '@ant-design/icons';
import type { Expert } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportResult } from '../../components/ExportResult';
import { useRemote } from '../../components/useRemote';
import { useExportFile } from '../../components/useExportFile';
import { ExpertFormModal } from './ExpertFormModal';
import { ExpertImportModal } from './ExpertImportModal';
import { ReasonModal } from '../../components/ReasonModal';

type Editing = { expert: Expert | undefined } | null;

/** 专家库: list, add/edit, retire with a reason, Excel import and roster export. */
export function ExpertsPage() {
  const { message } = App.useApp();
  const [includeRetired, setIncludeRetired] = useState(false);
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const [retiring, setRetiring] = useState<Expert | null>(null);
  const [importing, setImporting] = useState(false);
  const exporter = useExportFile();
  const list = useRemote(() => desk.call('experts.list', { includeRetired }), [includeRetired]);
  const q = search.trim();
  const rows = (list.data ?? []).filter((e) => !q || [e.name, e.organisation, e.field, e.title].some((s) => s.includes(q)));

  return (
    <>
      <PageHeader
        title="专家库"
        description="登记评审专家及其工作单位、声明回避的单位；分配评审时据此自动检查利益冲突。"
        extra={
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ expert: undefined })}>
              新增专家
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              导入Excel
            </Button>
            <Button
              icon={<FileExcelOutlined />}
              loading={exporter.busy === '专家名册'}
              onClick={() => void exporter.run('专家名册', () => desk.call('experts.exportRoster', { includeRetired }))}
            >
              导出专家名册
            </Button>
          </>
        }
      />
      <ErrorAlert error={list.error} title="无法读取专家库" onRetry={list.reload} />
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
        <Flex align="center" gap={12} wrap style={{ padding: '12px 16px' }}>
          <Input.Search
            aria-label="搜索专家"
            allowClear
            placeholder="姓名 / 单位 / 领域"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 240 }}
          />
          <Space>
            <Switch size="small" checked={includeRetired} onChange={setIncludeRetired} aria-label="显示已退出的专家" />
            <Typography.Text>显示已退出的专家</Typography.Text>
          </Space>
          <Typography.Text type="secondary" data-testid="experts-count">
            共 {rows.length} 人
          </Typography.Text>
        </Flex>
        <Table<Expert>
          size="middle"
          rowKey="id"
          loading={list.loading && !list.data}
          dataSource={rows}
          pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: q ? '没有符合条件的专家。' : '专家库还没有专家。点击“新增专家”登记，或“导入Excel”批量导入。' }}
          columns={[
            { title: '姓名', dataIndex: 'name', width: 96, fixed: 'left' },
            {
              title: '单位',
              key: 'org',
              ellipsis: true,
              render: (_: unknown, e) => (
                <Tooltip title={e.organisationUscc ? `统一社会信用代码：${e.organisationUscc}` : undefined}>{e.organisation}</Tooltip>
              ),
            },
            { title: '职称', dataIndex: 'title', width: 110 },
            { title: '领域', dataIndex: 'field', width: 120, ellipsis: true },
            { title: '电话', dataIndex: 'phone', width: 130 },
            {
              title: '声明回避',
              key: 'conflicts',
              width: 200,
              render: (_: unknown, e) =>
                e.declaredConflicts.length ? (
                  e.declaredConflicts.map((c) => (
                    <Tag key={c} style={{ marginBottom: 2 }}>
                      {c}
                    </Tag>
                  ))
                ) : (
                  <Typography.Text type="secondary">无</Typography.Text>
                ),
            },
            {
              title: '状态',
              key: 'status',
              width: 90,
              render: (_: unknown, e) =>
                e.retired ? (
                  <Tooltip title={e.retiredReason ? `理由：${e.retiredReason}` : undefined}>
                    <Tag>已退出</Tag>
                  </Tooltip>
                ) : (
                  <Tag color="green">在库</Tag>
                ),
            },
            {
              title: '操作',
              key: 'ops',
              width: 150,
              fixed: 'right',
              render: (_: unknown, e) =>
                e.retired ? null : (
                  <Space size={0}>
                    <Button
                      type="link"
                      size="small"
                      icon={<EditOutlined />}
                      onClick={() => setEditing({ expert: e })}
                      aria-label={`修改${e.name}`}
                    >
                      修改
                    </Button>
                    <Button
                      type="link"
                      size="small"
                      danger
                      icon={<StopOutlined />}
                      onClick={() => setRetiring(e)}
                      aria-label={`${e.name}退出专家库`}
                    >
                      退出
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <ExpertFormModal
        open={editing !== null}
        expert={editing?.expert}
        onClose={() => setEditing(null)}
        onSaved={(e) => {
          message.success(editing?.expert ? `已保存专家“${e.name}”的信息。` : `已新增专家“${e.name}”。`);
          setEditing(null);
          list.reload();
        }}
      />
      <ReasonModal
        open={retiring !== null}
        title="专家退出专家库"
        intro={retiring ? `“${retiring.name}”（${retiring.organisation}）退出后不再参加新的评审分配，已有的评审记录保留。` : null}
        okText="确认退出"
        danger
        optional
        onClose={() => setRetiring(null)}
        onSubmit={async (reason) => {
          const e = await desk.call('experts.retire', { id: retiring!.id, ...(reason ? { reason } : {}) });
          message.success(`“${e.name}”已退出专家库。`);
          setRetiring(null);
          list.reload();
        }}
      />
      <ExpertImportModal open={importing} onClose={() => setImporting(false)} onImported={list.reload} />
    </>
  );
}
