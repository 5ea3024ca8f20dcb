import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, Segmented, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { FileExcelOutlined, FilePdfOutlined, FileTextOutlined, HistoryOutlined, RollbackOutlined } from '@ant-design/icons';
import type { Center, CenterStatus } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { formatDate } from '../../format';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportResult } from '../../components/ExportResult';
import { useRemote } from '../../components/useRemote';
import { useExportFile } from '../../components/useExportFile';
import { useSearchTerm } from '../../components/useSearchTerm';
import { CENTER_STATUS_LABELS } from '../../components/designationLabels';
import { AgreementModal } from './AgreementModal';
import { CenterHistoryDrawer } from './CenterHistoryDrawer';
import { CenterStatusCell } from './CenterStatusCell';
import { PlaqueReturnModal } from './PlaqueReturnModal';
import { plaqueReturnOf } from '../../../electron/core/domain/review-cycle.js';

type StatusFilter = CenterStatus | 'all';

/** 中心管理: the registry of designated centers, the roster export, certificates and 共建协议. */
export function CentersPage() {
  const { message } = App.useApp();
  const [status, setStatus] = useState<StatusFilter>('all');
  const [withoutAgreement, setWithoutAgreement] = useState(false);
  const [editing, setEditing] = useState<Center | null>(null);
  const [historyOf, setHistoryOf] = useState<Center | null>(null);
  const [returning, setReturning] = useState<Center | null>(null);
  const { typed, setTyped, search } = useSearchTerm();
  const list = useRemote(async () => {
    const found = await desk.call('centers.list', { ...(status === 'all' ? {} : { status }), ...(search ? { search } : {}) });
    if (!withoutAgreement) return found;
    // 未签共建协议 is the core's list; the search narrows it
    const ids = new Set(found.map((c) => c.id));
    return (await desk.call('centers.withoutAgreement', {})).filter((c) => ids.has(c.id));
  }, [status, withoutAgreement, search]);
  const rows = (list.data ?? []).filter((c) => status === 'all' || c.status === status);
  const exporter = useExportFile();

  return (
    <>
      <PageHeader
        title="中心管理"
        description="已认定的产业知识产权协同保护与运营中心：证书、有效期和共建协议。"
        extra={
          <Button
            type="primary"
            icon={<FileExcelOutlined />}
            loading={exporter.busy === '认定名单'}
            onClick={() => void exporter.run('认定名单', () => desk.call('centers.exportRoster', {}))}
          >
            导出认定名单
          </Button>
        }
      />
      <ErrorAlert error={list.error} title="无法读取中心名录" onRetry={list.reload} />
      {exporter.last ? (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: exporter.clearLast }}
          title={<ExportResult file={exporter.last.file} kind={exporter.last.kind} />}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex align="center" gap={16} wrap>
          <Typography.Text>状态</Typography.Text>
          <Segmented<StatusFilter>
            aria-label="按状态筛选"
            value={status}
            onChange={setStatus}
            options={[
              { value: 'all', label: '全部' },
              ...(['active', 'rectifying', 'revoked'] as const).map((s) => ({ value: s, label: CENTER_STATUS_LABELS[s] })),
            ]}
          />
          <Flex align="center" gap={8}>
            <Switch checked={withoutAgreement} onChange={setWithoutAgreement} aria-label="仅显示未签共建协议" id="without-agreement" />
            <label htmlFor="without-agreement">仅显示未签共建协议</label>
          </Flex>
          <Input.Search
            aria-label="搜索中心"
            allowClear
            placeholder="中心名称 / 依托单位 / 拼音首字母"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            style={{ width: 260 }}
          />
          <Typography.Text type="secondary" style={{ marginLeft: 'auto' }} data-testid="centers-count">
            共{rows.length}家
          </Typography.Text>
        </Flex>
      </Card>
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<Center>
          size="small"
          rowKey="id"
          loading={list.loading && !list.data}
          dataSource={rows}
          pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 1110 }}
          data-testid="centers"
          locale={{
            emptyText: search
              ? '没有符合条件的中心。'
              : withoutAgreement
                ? '所有中心均已登记共建协议。'
                : '还没有认定的中心。认定发文后，中心在此列出。',
          }}
          columns={[
            {
              title: '中心名称 / 依托单位',
              key: 'name',
              width: 240,
              fixed: 'left',
              ellipsis: { showTitle: false },
              render: (_: unknown, c) => (
                <Tooltip title={`${c.name}（依托单位：${c.hostUnit}）`}>
                  <div style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{c.name}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {c.hostUnit}
                  </Typography.Text>
                </Tooltip>
              ),
            },
            {
              title: '产业 / 县(市)区',
              key: 'where',
              width: 100,
              render: (_: unknown, c) => (
                <>
                  <div>{c.industry}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {c.district}
                  </Typography.Text>
                </>
              ),
            },
            { title: '证书编号', dataIndex: 'certificateNumber', width: 124 },
            {
              title: '认定 / 有效期',
              key: 'dates',
              width: 140,
              render: (_: unknown, c) => (
                <>
                  <div>{formatDate(c.designatedOn)}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                    至{formatDate(c.certificateEndedOn ?? c.validUntil)}
                  </Typography.Text>
                  {c.status !== 'revoked' && (c.rectifyDeadline ?? c.nextReviewDue) ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="next-review">
                      复核{formatDate(c.status === 'rectifying' ? c.rectifyDeadline : c.nextReviewDue)}
                    </Typography.Text>
                  ) : null}
                </>
              ),
            },
            { title: '状态', key: 'status', width: 110, render: (_: unknown, c) => <CenterStatusCell center={c} /> },

            {
              title: '共建协议',
              key: 'agreement',
              width: 100,
              render: (_: unknown, c) =>
                c.agreement ? (
                  <Tooltip title={`协议方：${c.agreement.parties.join('、')}`}>
                    <Tag color="green">已签订</Tag>
                    <div style={{ fontSize: 12 }}>{formatDate(c.agreement.signedOn)}</div>
                  </Tooltip>
                ) : (
                  <Tag color="orange">未签订</Tag>
                ),
            },
            {
              title: '操作',
              key: 'actions',
              width: 296,
              fixed: 'right',
              render: (_: unknown, c) => (
                <Flex gap={4}>
                  <Button
                    size="small"
                    icon={<FilePdfOutlined />}
                    disabled={c.status === 'revoked'}
                    loading={exporter.busy === `证书（${c.certificateNumber}）`}
                    onClick={() =>
                      void exporter.run(`证书（${c.certificateNumber}）`, () => desk.call('centers.certificatePdf', { centerId: c.id }))
                    }
                  >
                    证书PDF
                  </Button>
                  {c.status === 'revoked' ? (
                    <Button
                      size="small"
                      icon={<RollbackOutlined />}
                      disabled={!!plaqueReturnOf(c)?.returnedOn}
                      aria-label={`${c.name}牌匾收回登记`}
                      title="牌匾收回登记：登记依托单位实际交回牌匾的日期"
                      onClick={() => setReturning(c)}
                    >
                      牌匾收回
                    </Button>
                  ) : (
                    <Button
                      size="small"
                      icon={<FileTextOutlined />}
                      aria-label={c.agreement ? '修改共建协议' : '登记共建协议'}
                      title={c.agreement ? '修改共建协议' : '登记共建协议'}
                      onClick={() => setEditing(c)}
                    >
                      {c.agreement ? '改协议' : '登记协议'}
                    </Button>
                  )}
                  <Button
                    size="small"
                    icon={<HistoryOutlined />}
                    aria-label={`${c.name}的历史记录`}
                    title="历史记录：状态变化、复核、年度总结与考核"
                    onClick={() => setHistoryOf(c)}
                  >
                    历史记录
                  </Button>
                </Flex>
              ),
            },
          ]}
        />
      </Card>
      <CenterHistoryDrawer center={historyOf} onClose={() => setHistoryOf(null)} />
      <PlaqueReturnModal
        center={returning}
        onClose={() => setReturning(null)}
        onSaved={(c) => {
          setReturning(null);
          message.success(`已登记${c.name}牌匾于${formatDate(plaqueReturnOf(c)?.returnedOn)}收回。`);
          list.reload();
        }}
      />
      <AgreementModal
        center={editing}
        onClose={() => setEditing(null)}
        onSaved={(c) => {
          setEditing(null);
          message.success(`已登记${c.name}的共建协议。`);
          list.reload();
        }}
      />
    </>
  );
}
