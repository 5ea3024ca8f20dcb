import { Drawer, Empty, Table, Tag, Timeline, Typography } from 'antd';
import type { Center } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { formatDate } from '../../format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRemote } from '../../components/useRemote';
import { GRADE_COLORS, GRADE_LABELS, OUTCOME_COLORS, OUTCOME_LABELS, REVIEW_KIND_LABELS } from './labels';
import { CENTER_STATUS_LABELS } from '../../../electron/core/contract/designation-labels.js';

/** 历史记录 of one center: status changes, re-reviews, summaries and assessments (centers.history). */
export function CenterHistoryDrawer({ center, onClose }: { center: Center | null; onClose: () => void }) {
  const history = useRemote(
    () => (center ? desk.call('centers.history', { centerId: center.id }) : Promise.resolve(undefined)),
    [center?.id],
  );
  const h = history.data?.center.id === center?.id ? history.data : undefined;
  const grades = new Map((h?.assessments ?? []).map((a) => [a.year, a]));
  return (
    <Drawer
      open={!!center}
      onClose={onClose}
      size={640}
      destroyOnHidden
      title={`历史记录：${center?.name ?? ''}`}
      data-testid="center-history"
    >
      <ErrorAlert error={history.error} title="无法读取历史记录" onRetry={history.reload} />
      <Typography.Title level={5}>状态变化</Typography.Title>
      {h?.center.statusHistory.length ? (
        <Timeline
          items={[
            { content: `${formatDate(h.center.designatedOn)} 认定（证书编号 ${h.center.certificateNumber}）` },
            ...h.center.statusHistory.map((s) => ({
              color: s.to === 'revoked' ? 'red' : s.to === 'rectifying' ? 'orange' : 'green',
              content: `${formatDate(s.on)} ${CENTER_STATUS_LABELS[s.from]} → ${CENTER_STATUS_LABELS[s.to]}：${s.reason}（${s.by}）`,
            })),
          ]}
        />
      ) : (
        <Typography.Paragraph type="secondary">{h ? `${formatDate(h.center.designatedOn)}认定以来状态未变。` : ''}</Typography.Paragraph>
      )}
      <Typography.Title level={5}>复核</Typography.Title>
      {h?.reviews.length ? (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={h.reviews}
          columns={[
            { title: '决定日期', dataIndex: 'decidedOn', width: 135, render: (d: string) => formatDate(d) },
            { title: '类型', dataIndex: 'kind', width: 80, render: (k: 'triennial' | 'followUp' | 'early') => REVIEW_KIND_LABELS[k] },
            {
              title: '结论',
              dataIndex: 'outcome',
              width: 90,
              render: (o: keyof typeof OUTCOME_LABELS) => <Tag color={OUTCOME_COLORS[o]}>{OUTCOME_LABELS[o]}</Tag>,
            },
            { title: '意见', dataIndex: 'opinion', ellipsis: true },
          ]}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无复核记录" />
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        年度工作总结与中期考核
      </Typography.Title>
      {h?.summaries.length ? (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={h.summaries}
          columns={[
            { title: '年度', dataIndex: 'year', width: 80 },
            { title: '提交日期', dataIndex: 'submittedOn', width: 130, render: (d: string) => formatDate(d) },
            { title: '附件', key: 'files', width: 70, render: (_: unknown, s) => `${s.files.length}个` },
            {
              title: '考核',
              key: 'grade',
              render: (_: unknown, s) => {
                const a = grades.get(s.year);
                return a ? (
                  <>
                    <Tag color={GRADE_COLORS[a.grade]}>{GRADE_LABELS[a.grade]}</Tag>
                    {a.total}分
                  </>
                ) : (
                  <Typography.Text type="secondary">未考核</Typography.Text>
                );
              },
            },
          ]}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无年度工作总结" />
      )}
    </Drawer>
  );
}
