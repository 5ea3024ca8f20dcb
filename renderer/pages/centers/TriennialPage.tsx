import { useState } from 'react';
import { Alert, Button, Card, Flex, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { AuditOutlined, FilePdfOutlined } from '@ant-design/icons';
import type { Center, ReviewDue, TriennialReview } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { formatDate } from '../../format';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRemote } from '../../components/useRemote';
import { useExportFile } from '../../components/useExportFile';
import { CENTER_STATUS_COLORS, CENTER_STATUS_LABELS } from '../../components/designationLabels';
import { OUTCOME_COLORS, OUTCOME_LABELS, REVIEW_KIND_COLORS, REVIEW_KIND_LABELS, REVIEW_RULES_TEXT } from './labels';
import { DUE_HORIZONS, dueWithinLabel } from '../../../electron/core/domain/due-window.js';
import { ExportBanner } from './ExportBanner';
import { TriennialDecisionModal } from './TriennialDecisionModal';
import { useConfirmAct } from '../../components/ConfirmActModal';
import { confirmNumbered, declined, NumberSummary } from '../../components/confirmNumbered';

const nameCell = (text: string) => <Tooltip title={text}>{text}</Tooltip>;

/** 三年复核: the due list, early reviews of any center, the decisions and their PDFs. */
export function TriennialPage() {
  const [horizon, setHorizon] = useState(90);
  const due = useRemote(() => desk.call('triennial.due', { horizonDays: horizon }), [horizon]);
  const centers = useRemote(() => desk.call('centers.list', {}), []);
  const history = useRemote(() => desk.call('triennial.list', {}), []);
  const exporter = useExportFile();
  const [reviewing, setReviewing] = useState<{ center: Center; dueOn?: string } | null>(null);
  const [decided, setDecided] = useState<{ review: TriennialReview; center: Center } | null>(null);
  const names = new Map((centers.data ?? []).map((c) => [c.id, c.name]));
  const open = (centers.data ?? []).filter((c) => c.status !== 'revoked');
  const confirm = useConfirmAct();
  // the first print takes the 发文字号: shown and confirmed first (reprints keep it)
  const decisionPdf = (r: TriennialReview) =>
    exporter.run(
      `复核决定（${names.get(r.centerId) ?? r.centerId}）`,
      async () => {
        if (r.notice) return desk.call('triennial.decisionPdf', { reviewId: r.id });
        const file = await confirmNumbered(
          confirm.ask,
          () => desk.call('triennial.previewDecision', { reviewId: r.id }),
          (p) => ({
            title: '生成复核决定并取号',
            actName: '取号并生成',
            testId: 'confirm-number',
            summary: <NumberSummary preview={p} />,
            consequences: [
              `《${p.title}》取用发文字号${p.docNumber}，该编号此后不再发给其他文书（不能退回重用）。`,
              '决定生成为 PDF，以后重印保持同一编号和成文日期。',
            ],
          }),
          (p) => desk.call('triennial.decisionPdf', { reviewId: r.id, expectedDocNumber: p.docNumber }),
        );
        if (!file) throw declined('生成复核决定');
        return file;
      },
      () => desk.call('triennial.decisionPdf', { reviewId: r.id, fileType: 'ofd' }),
    );
  const busyFor = (r: TriennialReview) => exporter.busy === `复核决定（${names.get(r.centerId) ?? r.centerId}）`;

  function reloadAll(): void {
    due.reload();
    centers.reload();
    history.reload();
  }

  return (
    <>
      <PageHeader
        title="三年复核"
        description="中心自认定之日起每三年复核一次；限期整改的中心在整改期满时复核。结论：保留、限期整改或撤销。"
      />
      <Alert
        type="info"
        data-testid="review-rules"
        style={{ marginBottom: 12, padding: '6px 12px' }}
        title={
          <ul style={{ margin: 0, paddingLeft: 18, fontSize: 12 }}>
            {REVIEW_RULES_TEXT.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        }
      />
      <ErrorAlert error={due.error ?? centers.error ?? history.error} title="无法读取复核信息" onRetry={reloadAll} />
      <ExportBanner last={exporter.last} onClose={exporter.clearLast} />
      {decided ? (
        <Alert
          type="success"
          showIcon
          data-testid="review-decided"
          closable={{ onClose: () => setDecided(null) }}
          style={{ marginBottom: 12 }}
          title={`已作出复核结论：${decided.center.name} ${OUTCOME_LABELS[decided.review.outcome]}（中心状态：${CENTER_STATUS_LABELS[decided.center.status]}）。`}
          action={
            <Button
              size="small"
              type="primary"
              icon={<FilePdfOutlined />}
              loading={busyFor(decided.review)}
              onClick={() => void decisionPdf(decided.review).then(history.reload)}
            >
              生成复核决定
            </Button>
          }
        />
      ) : null}
      <Card
        size="small"
        title="待复核"
        style={{ marginBottom: 12 }}
        styles={{ body: { padding: 0 } }}
        extra={
          <Flex align="center" gap={8}>
            <Typography.Text>期限</Typography.Text>
            <Select<number>
              aria-label="到期范围"
              value={horizon}
              onChange={setHorizon}
              style={{ width: 200 }}
              options={DUE_HORIZONS.map((d) => ({ value: d, label: dueWithinLabel(d) }))}
            />
          </Flex>
        }
      >
        <Table<ReviewDue>
          size="small"
          rowKey={(d) => d.center.id}
          data-testid="reviews-due"
          loading={due.loading && !due.data}
          dataSource={due.data ?? []}
          pagination={false}
          scroll={{ x: 900, y: 240 }}
          locale={{ emptyText: `${horizon}天内没有到期的复核，也没有逾期未复核的中心。` }}
          columns={[
            { title: '中心', key: 'name', width: 240, ellipsis: { showTitle: false }, render: (_: unknown, d) => nameCell(d.center.name) },
            {
              title: '依托单位',
              key: 'host',
              width: 180,
              ellipsis: { showTitle: false },
              render: (_: unknown, d) => nameCell(d.center.hostUnit),
            },
            { title: '认定日期', key: 'designated', width: 120, render: (_: unknown, d) => formatDate(d.center.designatedOn) },
            { title: '到期日', dataIndex: 'dueOn', width: 120, render: (d: string) => formatDate(d) },
            {
              title: '剩余天数',
              key: 'left',
              width: 90,
              render: (_: unknown, d) =>
                d.overdue ? <Typography.Text type="danger">已逾期{-d.daysLeft}天</Typography.Text> : `${d.daysLeft}天`,
            },
            {
              title: '类型',
              dataIndex: 'kind',
              width: 90,
              render: (k: ReviewDue['kind']) => <Tag color={REVIEW_KIND_COLORS[k]}>{REVIEW_KIND_LABELS[k]}</Tag>,
            },
            {
              title: '操作',
              key: 'actions',
              width: 80,
              fixed: 'right',
              render: (_: unknown, d) => (
                <Button
                  size="small"
                  type="primary"
                  icon={<AuditOutlined />}
                  onClick={() => setReviewing({ center: d.center, dueOn: d.dueOn })}
                  aria-label={`复核${d.center.name}`}
                >
                  复核
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title="全部中心（可提前复核）" style={{ marginBottom: 12 }} styles={{ body: { padding: 0 } }}>
        <Table<Center>
          size="small"
          rowKey="id"
          data-testid="reviews-centers"
          loading={centers.loading && !centers.data}
          dataSource={open}
          pagination={open.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          scroll={{ x: 900 }}
          locale={{ emptyText: '没有有效或整改中的中心。' }}
          columns={[
            { title: '中心', dataIndex: 'name', width: 260, ellipsis: { showTitle: false }, render: nameCell },
            { title: '依托单位', dataIndex: 'hostUnit', width: 200, ellipsis: { showTitle: false }, render: nameCell },
            {
              title: '状态',
              dataIndex: 'status',
              width: 90,
              render: (s: Center['status']) => <Tag color={CENTER_STATUS_COLORS[s]}>{CENTER_STATUS_LABELS[s]}</Tag>,
            },
            { title: '认定日期', dataIndex: 'designatedOn', width: 120, render: (d: string) => formatDate(d) },
            {
              title: '下次复核',
              key: 'next',
              width: 120,
              render: (_: unknown, c) => formatDate(c.status === 'rectifying' ? c.rectifyDeadline : c.nextReviewDue),
            },
            {
              title: '操作',
              key: 'actions',
              width: 80,
              fixed: 'right',
              render: (_: unknown, c) => (
                <Button size="small" icon={<AuditOutlined />} onClick={() => setReviewing({ center: c })} aria-label={`复核${c.name}`}>
                  复核
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title="复核记录" styles={{ body: { padding: 0 } }}>
        <Table<TriennialReview>
          size="small"
          rowKey="id"
          data-testid="reviews-history"
          loading={history.loading && !history.data}
          dataSource={[...(history.data ?? [])].reverse()}
          pagination={(history.data?.length ?? 0) > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          scroll={{ x: 900 }}
          locale={{ emptyText: '尚无复核记录。' }}
          columns={[
            {
              title: '中心',
              key: 'name',
              width: 220,
              ellipsis: { showTitle: false },
              render: (_: unknown, r) => nameCell(names.get(r.centerId) ?? r.centerId),
            },
            { title: '决定日期', dataIndex: 'decidedOn', width: 135, render: (d: string) => formatDate(d) },
            {
              title: '类型',
              dataIndex: 'kind',
              width: 90,
              render: (k: TriennialReview['kind']) => <Tag color={REVIEW_KIND_COLORS[k]}>{REVIEW_KIND_LABELS[k]}</Tag>,
            },
            {
              title: '结论',
              key: 'outcome',
              width: 150,
              render: (_: unknown, r) => (
                <>
                  <Tag color={OUTCOME_COLORS[r.outcome]}>{OUTCOME_LABELS[r.outcome]}</Tag>
                  {r.rectifyDeadline ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      至{formatDate(r.rectifyDeadline)}
                    </Typography.Text>
                  ) : null}
                </>
              ),
            },
            { title: '意见', dataIndex: 'opinion', ellipsis: { showTitle: false }, render: nameCell },
            {
              title: '文号',
              key: 'doc',
              width: 180,
              render: (_: unknown, r) =>
                r.notice ? (
                  <>
                    {r.notice.docNumber}
                    {r.notice.voided ? <Tag color="red">已作废</Tag> : null}
                  </>
                ) : (
                  <Typography.Text type="secondary">未发文</Typography.Text>
                ),
            },
            {
              title: '操作',
              key: 'actions',
              width: 124,
              fixed: 'right',
              render: (_: unknown, r) => (
                <Button
                  size="small"
                  icon={<FilePdfOutlined />}
                  loading={busyFor(r)}
                  onClick={() => void decisionPdf(r).then(history.reload)}
                >
                  复核决定
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <TriennialDecisionModal
        center={reviewing?.center ?? null}
        {...(reviewing?.dueOn ? { dueOn: reviewing.dueOn } : {})}
        onClose={() => setReviewing(null)}
        onDecided={(r) => {
          setReviewing(null);
          setDecided(r);
          reloadAll();
        }}
      />
      {confirm.element}
    </>
  );
}
