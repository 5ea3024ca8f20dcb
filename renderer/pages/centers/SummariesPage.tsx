import { useState } from 'react';
import { Alert, Button, Card, Flex, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { EditOutlined, FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import type { SummaryRow } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { formatDate, todayIso } from '../../format';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRemote } from '../../components/useRemote';
import { useSettings } from '../../components/SettingsContext';
import { useExportFile } from '../../components/useExportFile';
import { CENTER_STATUS_COLORS, CENTER_STATUS_LABELS } from '../../components/designationLabels';
import { currentSummaryYear } from '../../../electron/core/domain/summary-due.js';
import { GRADE_COLORS, GRADE_LABELS } from './labels';
import { YearPicker } from './YearPicker';
import { ExportBanner } from './ExportBanner';
import { SummaryDrawer } from './SummaryDrawer';

/** 年度工作总结: which centers have submitted the year's summary, entry of a summary, the roster export. */
export function SummariesPage() {
  const { settings } = useSettings();
  const [picked, setPicked] = useState<number | null>(null);
  const year = picked ?? currentSummaryYear(todayIso(), settings?.annualSummaryDue);
  const [onlyMissing, setOnlyMissing] = useState(false);
  const [editing, setEditing] = useState<SummaryRow | null>(null);
  const view = useRemote(() => desk.call('summaries.year', { year }), [year]);
  const exporter = useExportFile();
  const data = view.data?.year === year ? view.data : undefined;
  const missingIds = new Set((data?.missing ?? []).map((c) => c.id));
  const rows = (data?.rows ?? []).filter((r) => !onlyMissing || missingIds.has(r.center.id));
  const sealed = data?.sealed ?? false;

  return (
    <>
      <PageHeader
        title="年度工作总结"
        description="各中心每年报送的年度工作总结：提交日期、八项任务指标、总结正文和附件。"
        extra={
          <Button
            icon={<FileExcelOutlined />}
            loading={exporter.busy === '年度工作总结汇总表'}
            onClick={() => void exporter.run('年度工作总结汇总表', () => desk.call('summaries.exportRoster', { year }))}
          >
            导出汇总表
          </Button>
        }
      />
      <ErrorAlert error={view.error} title="无法读取年度工作总结" onRetry={view.reload} />
      <ExportBanner last={exporter.last} onClose={exporter.clearLast} />
      {data ? (
        <Alert
          type={data.missing.length ? (data.overdue ? 'error' : 'warning') : 'success'}
          showIcon
          data-testid="summaries-due"
          style={{ marginBottom: 12 }}
          title={
            `${year}年度工作总结截止${formatDate(data.dueOn)}` +
            (data.missing.length ? `，${data.overdue ? '已逾期，' : ''}尚有${data.missing.length}家未提交。` : '，应提交的中心均已提交。') +
            (sealed ? `（${year}年度已封存，只读）` : '')
          }
        />
      ) : null}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex align="center" gap={16} wrap>
          <YearPicker value={year} onChange={setPicked} />
          <Flex align="center" gap={8}>
            <Switch checked={onlyMissing} onChange={setOnlyMissing} aria-label="仅显示未提交" id="only-missing" />
            <label htmlFor="only-missing">仅显示未提交</label>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            默认年度：上一年度总结截止日之前显示上一年度，之后显示本年度。
          </Typography.Text>
          <Typography.Text type="secondary" style={{ marginLeft: 'auto' }}>
            共{rows.length}家
          </Typography.Text>
        </Flex>
      </Card>
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<SummaryRow>
          size="small"
          rowKey={(r) => r.center.id}
          data-testid="summaries"
          loading={view.loading && !data}
          dataSource={rows}
          pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 980 }}
          locale={{ emptyText: onlyMissing ? '应提交的中心均已提交。' : `${year}年度没有需要报送总结的中心。` }}
          columns={[
            {
              title: '中心名称',
              key: 'name',
              width: 260,
              ellipsis: { showTitle: false },
              render: (_: unknown, r) => <Tooltip title={r.center.name}>{r.center.name}</Tooltip>,
            },
            {
              title: '依托单位',
              key: 'host',
              width: 200,
              ellipsis: { showTitle: false },
              render: (_: unknown, r) => <Tooltip title={r.center.hostUnit}>{r.center.hostUnit}</Tooltip>,
            },
            {
              title: '状态',
              key: 'status',
              width: 90,
              render: (_: unknown, r) => <Tag color={CENTER_STATUS_COLORS[r.center.status]}>{CENTER_STATUS_LABELS[r.center.status]}</Tag>,
            },
            {
              title: '提交日期',
              key: 'submitted',
              width: 130,
              render: (_: unknown, r) =>
                r.summary ? (
                  <span data-testid="summary-submitted">{formatDate(r.summary.submittedOn)}</span>
                ) : r.required ? (
                  <Typography.Text type="danger" data-testid="summary-missing">
                    未提交
                  </Typography.Text>
                ) : (
                  <Typography.Text type="secondary">无需提交</Typography.Text>
                ),
            },
            { title: '附件', key: 'files', width: 60, render: (_: unknown, r) => (r.summary ? `${r.summary.files.length}个` : '') },
            {
              title: '考核等次',
              key: 'grade',
              width: 100,
              render: (_: unknown, r) =>
                r.assessment ? (
                  <Tag color={GRADE_COLORS[r.assessment.grade]}>{GRADE_LABELS[r.assessment.grade]}</Tag>
                ) : (
                  <Typography.Text type="secondary">未考核</Typography.Text>
                ),
            },
            {
              title: '操作',
              key: 'actions',
              width: 110,
              fixed: 'right',
              render: (_: unknown, r) =>
                r.summary ? (
                  <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} aria-label={`修改${r.center.name}的总结`}>
                    {sealed ? '查看' : '修改'}
                  </Button>
                ) : (
                  <Button
                    size="small"
                    type={r.required ? 'primary' : 'default'}
                    icon={<PlusOutlined />}
                    disabled={sealed}
                    onClick={() => setEditing(r)}
                  >
                    登记总结
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <SummaryDrawer
        year={year}
        row={editing}
        sealed={sealed}
        onClose={() => {
          setEditing(null);
          view.reload();
        }}
        onSaved={(_s, problems) => {
          if (!problems.length) setEditing(null);
          view.reload();
        }}
      />
    </>
  );
}
