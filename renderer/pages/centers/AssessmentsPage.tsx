import { useState } from 'react';
import { Alert, Button, Card, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import { AuditOutlined, FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import type { MidtermAssessment, SummaryRow } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { formatDate, formatDateTime, todayIso } from '../../format';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRemote } from '../../components/useRemote';
import { useSettings } from '../../components/SettingsContext';
import { useExportFile } from '../../components/useExportFile';
import { currentSummaryYear } from '../../../electron/core/domain/summary-due.js';
import { VOID_CONSEQUENCES } from '../../../electron/core/domain/voiding.js';
import { GRADE_COLORS, GRADE_LABELS } from './labels';
import { YearPicker } from './YearPicker';
import { ExportBanner } from './ExportBanner';
import { AssessmentModal } from './AssessmentModal';
import { AssessmentTemplateCard } from './AssessmentTemplateCard';
import { useConfirmAct } from '../../components/ConfirmActModal';
import { confirmNumbered, declined, NumberSummary } from '../../components/confirmNumbered';

/** 中期考核: a score sheet per submitted summary, the year's 考核表, the result notice and the roster. */
export function AssessmentsPage() {
  const { settings } = useSettings();
  const [picked, setPicked] = useState<number | null>(null);
  const year = picked ?? currentSummaryYear(todayIso(), settings?.annualSummaryDue);
  const view = useRemote(() => desk.call('summaries.year', { year }), [year]);
  const template = useRemote(() => desk.call('assessments.template', { year }), [year]);
  const exporter = useExportFile();
  const [assessing, setAssessing] = useState<SummaryRow | null>(null);
  const [result, setResult] = useState<{ name: string; a: MidtermAssessment } | null>(null);
  const data = view.data?.year === year ? view.data : undefined;
  const rows = (data?.rows ?? []).filter((r) => r.summary);
  const sealed = data?.sealed ?? false;
  const assessed = rows.filter((r) => r.assessment).length;
  const current = template.data?.year === year ? template.data.current : undefined;

  const confirm = useConfirmAct();
  /** The first print takes the 发文字号: the number, the centers listed and any submitted but unassessed summaries are shown first. */
  const printNotice = () =>
    exporter.run(
      '中期考核结果通知',
      async () => {
        const file = await confirmNumbered(
          confirm.ask,
          () => desk.call('assessments.previewNotice', { year }),
          (p) => ({
            title: `生成${year}年度中期考核结果通知并取号`,
            actName: p.unassessed.length ? '确认名单并取号生成' : '取号并生成',
            testId: 'confirm-number',
            width: 640,
            summary: (
              <>
                <NumberSummary preview={p} />
                <Typography.Paragraph style={{ margin: '8px 0 4px' }}>通知列入{p.listed.length}个中心：</Typography.Paragraph>
                <ul style={{ margin: 0, paddingLeft: 20, maxHeight: 120, overflowY: 'auto' }}>
                  {p.listed.map((l) => (
                    <li key={l.centerId}>
                      {l.centerName}（{GRADE_LABELS[l.grade]}）
                    </li>
                  ))}
                </ul>
                {p.unassessed.length ? (
                  <Alert
                    type="warning"
                    showIcon
                    style={{ marginTop: 8 }}
                    data-testid="notice-unassessed"
                    title={`还有${p.unassessed.length}个中心已提交总结但尚未考核，不列入通知：`}
                    description={p.unassessed.map((u) => u.centerName).join('、')}
                  />
                ) : null}
              </>
            ),
            consequences: [
              `结果通知取用发文字号${p.docNumber}，该编号此后不再发给其他文书（不能退回重用）。`,
              '通知生成为 PDF，以后重印保持同一编号和成文日期；通知发出后更正考核结果须说明理由。',
              ...(p.unassessed.length ? ['上述未考核中心的名单作为确认记入通知记录和操作日志。'] : []),
            ],
          }),
          (p) =>
            desk.call('assessments.noticePdf', {
              year,
              expectedDocNumber: p.docNumber,
              ...(p.unassessed.length ? { acknowledgeUnassessed: true } : {}),
            }),
        );
        if (!file) throw declined('生成结果通知');
        return file;
      },
      () => desk.call('assessments.noticePdf', { year, fileType: 'ofd' }),
    );

  return (
    <>
      <PageHeader
        title="中期考核"
        description="根据年度工作总结逐一考核：按考核表打分，系统计算总分和等次（优秀、良好、合格、不合格）。"
        extra={
          <>
            <Button
              type="primary"
              icon={<FilePdfOutlined />}
              disabled={!assessed}
              loading={exporter.busy === '中期考核结果通知'}
              onClick={() => void printNotice().then(view.reload)}
            >
              {data?.resultNotice ? '重印结果通知' : '生成结果通知'}
            </Button>
            <Button
              icon={<FileExcelOutlined />}
              loading={exporter.busy === '中期考核汇总表'}
              onClick={() => void exporter.run('中期考核汇总表', () => desk.call('assessments.exportRoster', { year }))}
            >
              导出汇总表
            </Button>
          </>
        }
      />
      <ErrorAlert error={view.error} title="无法读取年度工作总结" onRetry={view.reload} />
      <ExportBanner last={exporter.last} onClose={exporter.clearLast} />
      {result ? (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setResult(null) }}
          data-testid="assessment-result"
          style={{ marginBottom: 12 }}
          title={
            <>
              已登记{result.name}的考核结果：总分 {result.a.total} 分，等次{' '}
              <Tag color={GRADE_COLORS[result.a.grade]}>{GRADE_LABELS[result.a.grade]}</Tag>
            </>
          }
        />
      ) : null}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex align="center" gap={16} wrap>
          <YearPicker
            value={year}
            onChange={(y) => {
              setPicked(y);
              setResult(null);
            }}
          />
          <Typography.Text type="secondary" data-testid="assessments-count">
            已提交总结{rows.length}家，已考核{assessed}家{sealed ? `；${year}年度已封存，只读` : ''}
          </Typography.Text>
          {data?.resultNotice ? (
            <Typography.Text data-testid="result-notice">
              结果通知 {data.resultNotice.docNumber}（成文日期 {formatDate(data.resultNotice.issuedOn)}）
              {data.resultNotice.voided ? (
                <>
                  <Tag color="red" style={{ marginLeft: 8 }}>
                    已作废
                  </Tag>
                  <Typography.Text type="secondary">
                    {formatDateTime(data.resultNotice.voided.at)} {data.resultNotice.voided.by}：{data.resultNotice.voided.reason}。
                    {VOID_CONSEQUENCES.assessmentNotice}
                  </Typography.Text>
                </>
              ) : null}
            </Typography.Text>
          ) : null}
        </Flex>
      </Card>
      <Card size="small" styles={{ body: { padding: 0 } }} style={{ marginBottom: 12 }}>
        <Table<SummaryRow>
          size="small"
          rowKey={(r) => r.center.id}
          data-testid="assessments"
          loading={view.loading && !data}
          dataSource={rows}
          pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 960 }}
          locale={{ emptyText: `${year}年度还没有登记的工作总结。先在“年度工作总结”中登记，再来考核。` }}
          columns={[
            {
              title: '中心名称',
              key: 'name',
              width: 250,
              ellipsis: { showTitle: false },
              render: (_: unknown, r) => <Tooltip title={r.center.name}>{r.center.name}</Tooltip>,
            },
            {
              title: '依托单位',
              key: 'host',
              width: 190,
              ellipsis: { showTitle: false },
              render: (_: unknown, r) => <Tooltip title={r.center.hostUnit}>{r.center.hostUnit}</Tooltip>,
            },
            { title: '总结提交', key: 'submitted', width: 120, render: (_: unknown, r) => formatDate(r.summary?.submittedOn) },
            {
              title: '得分',
              key: 'total',
              width: 70,
              render: (_: unknown, r) => (r.assessment ? <span data-testid="assessment-total">{r.assessment.total}</span> : ''),
            },
            {
              title: '等次',
              key: 'grade',
              width: 80,
              render: (_: unknown, r) =>
                r.assessment ? (
                  <Tag color={GRADE_COLORS[r.assessment.grade]} data-testid="assessment-grade">
                    {GRADE_LABELS[r.assessment.grade]}
                  </Tag>
                ) : (
                  <Typography.Text type="secondary">未考核</Typography.Text>
                ),
            },
            { title: '考核日期', key: 'on', width: 120, render: (_: unknown, r) => formatDate(r.assessment?.assessedOn) },
            {
              title: '操作',
              key: 'actions',
              width: 90,
              fixed: 'right',
              render: (_: unknown, r) => (
                <Button
                  size="small"
                  type={r.assessment ? 'default' : 'primary'}
                  icon={<AuditOutlined />}
                  disabled={!current || sealed}
                  onClick={() => setAssessing(r)}
                  aria-label={`考核${r.center.name}`}
                >
                  考核
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <AssessmentTemplateCard template={template} sealed={sealed} />
      {current ? (
        <AssessmentModal
          year={year}
          row={assessing}
          template={current}
          onClose={() => setAssessing(null)}
          onSaved={(a) => {
            setResult({ name: assessing?.center.name ?? '', a });
            setAssessing(null);
            view.reload();
            template.reload();
          }}
        />
      ) : null}
      {confirm.element}
    </>
  );
}
