import { Alert, Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { FileExcelOutlined, FilePdfOutlined, WarningOutlined } from '@ant-design/icons';
import type { ReviewResult } from '../../../electron/core/contract/index.js';
import { resultFigures, resultTexts, verdictOf, type Verdict } from '../../../electron/core/domain/result-figures.js';
import { desk } from '../../rpc';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportResult } from '../../components/ExportResult';
import { useRemote } from '../../components/useRemote';
import { useBatchChoice } from '../../components/useBatchChoice';
import { useExportFile } from '../../components/useExportFile';
import { BatchBar } from '../../components/BatchBar';
import { LeniencyChart } from './LeniencyChart';
import { useBatchReview } from './useBatchReview';

const FLAG_LABELS: Record<string, string> = {
  quorum: '人数不足',
  tie: '同分',
  outlier: '偏离',
  disagreement: '分歧',
  staleTemplate: '旧版评分表',
};
const VERDICT_TAG_COLORS: Record<Verdict, string | undefined> = { passed: 'green', failed: 'red', pending: undefined };

/** 评审结果: ranking with each expert's total, method text, exports and the leniency chart. */
export function ResultsPage() {
  const intake = useBatchChoice();
  const batchId = intake.batchId;
  const review = useBatchReview(batchId);
  const results = useRemote(() => (batchId ? desk.call('scoring.results', { batchId }) : Promise.resolve(undefined)), [batchId]);
  const leniency = useRemote(() => (batchId ? desk.call('scoring.leniency', { batchId }) : Promise.resolve([])), [batchId]);
  const exporter = useExportFile();
  const rows = results.data?.rows ?? [];
  const expertIds = [...new Set([...(review.overview.data?.panel ?? []), ...rows.flatMap((r) => r.totals.map((t) => t.expertId))])];
  // Every figure rounded and worded as the 评审汇总表 PDF and xlsx print it (domain/result-figures).
  const texts = (r: ReviewResult) => resultTexts(resultFigures(r, expertIds));
  const exp = (kind: string, produce: () => Promise<Parameters<typeof ExportResult>[0]['file']>) => ({
    loading: exporter.busy === kind,
    disabled: !batchId,
    onClick: () => void exporter.run(kind, produce),
  });

  return (
    <>
      <PageHeader
        title="评审结果"
        description="按评分表汇总各专家评分并排名；标记提示需要复核的情况。"
        extra={
          <>
            <Button
              type="primary"
              icon={<FilePdfOutlined />}
              {...exp('评审汇总表', () => desk.call('scoring.summaryPdf', { batchId: batchId! }))}
            >
              评审汇总表PDF
            </Button>
            <Button
              icon={<FileExcelOutlined />}
              {...exp('评审汇总表（Excel）', () => desk.call('scoring.summaryXlsx', { batchId: batchId! }))}
            >
              Excel
            </Button>
            <Button
              icon={<FilePdfOutlined />}
              {...exp('空白评分表', () => desk.call('scoring.sheetsPdf', { batchId: batchId!, mode: 'blank' }))}
            >
              空白评分表
            </Button>
            <Button
              icon={<FilePdfOutlined />}
              {...exp('已录评分表', () => desk.call('scoring.sheetsPdf', { batchId: batchId!, mode: 'filled' }))}
            >
              已录评分表
            </Button>
          </>
        }
      />
      <BatchBar intake={intake} />
      <ErrorAlert
        error={results.error || leniency.error}
        title="无法读取评审结果"
        onRetry={() => {
          results.reload();
          leniency.reload();
        }}
      />
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
        {results.data ? (
          <Alert
            type="info"
            banner
            data-testid="method-text"
            title={`汇总方法：${results.data.methodText}`}
            description={`评分表第${results.data.templateVersion}版；及格线${results.data.passLine}分；最少有效专家${results.data.quorum}人。`}
          />
        ) : null}
        <Table<ReviewResult>
          size="middle"
          rowKey="applicationId"
          loading={results.loading && !results.data}
          dataSource={rows}
          pagination={false}
          // at 1366×768 the table fits the page: rank and unit stay on the left, the result and its flags on the
          // right, and only the experts' totals and the figures between them scroll
          scroll={{ x: 880 + expertIds.length * 72 }}
          locale={{ emptyText: '本批次还没有评审结果。' }}
          columns={[
            { title: '排名', dataIndex: 'rank', width: 64, fixed: 'left', render: (_: unknown, r: ReviewResult) => texts(r).rank },
            { title: '申报单位', dataIndex: 'name', width: 200, fixed: 'left', ellipsis: { showTitle: true } },
            ...expertIds.map((id, i) => ({
              title: review.expertName(id),
              key: id,
              width: 72,
              ellipsis: true,
              align: 'right' as const,
              render: (_: unknown, r: ReviewResult) => {
                const t = r.totals.find((x) => x.expertId === id);
                const outlier = r.flags.some((f) => f.kind === 'outlier' && f.expertId === id);
                return t ? (
                  <Typography.Text type={outlier ? 'danger' : undefined}>{texts(r).totals[i]}</Typography.Text>
                ) : (
                  <Typography.Text type="secondary">—</Typography.Text>
                );
              },
            })),
            { title: '有效专家数', dataIndex: 'count', width: 90, align: 'right' },
            { title: '平均分', key: 'mean', width: 86, align: 'right', render: (_: unknown, r) => texts(r).mean },
            {
              title: '去掉最高、最低分后平均分',
              key: 'trimmedMean',
              width: 116,
              align: 'right',
              render: (_: unknown, r) => texts(r).trimmedMean,
            },
            {
              title: '最终得分',
              key: 'final',
              width: 86,
              fixed: 'right',
              align: 'right',
              render: (_: unknown, r) => <Typography.Text strong>{texts(r).final}</Typography.Text>,
            },
            {
              title: '是否通过',
              key: 'verdict',
              width: 86,
              fixed: 'right',
              render: (_: unknown, r) => {
                const verdict = verdictOf(r);
                const tag = <Tag color={VERDICT_TAG_COLORS[verdict]}>{texts(r).verdict}</Tag>;
                return verdict === 'pending' ? <Tooltip title="有效专家人数不足，暂不判定">{tag}</Tooltip> : tag;
              },
            },
            {
              title: '标记',
              key: 'flags',
              width: 150,
              fixed: 'right',
              render: (_: unknown, r) => (
                <Space size={2} wrap>
                  {r.flags.map((f, i) => (
                    <Tooltip key={i} title={f.message}>
                      <Tag icon={<WarningOutlined />} color="gold" data-testid="result-flag">
                        {FLAG_LABELS[f.kind] ?? f.kind}
                      </Tag>
                    </Tooltip>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {batchId ? <LeniencyChart rows={leniency.data ?? []} fileName={`专家打分松紧度-${batchId}.png`} /> : null}
    </>
  );
}
