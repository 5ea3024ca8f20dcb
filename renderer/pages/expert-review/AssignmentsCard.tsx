import { useState } from 'react';
import { App, Button, Card, Flex, InputNumber, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { ApartmentOutlined } from '@ant-design/icons';
import type { ApplicationRow, Assignment } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { batchesChanged } from '../../components/useBatchChoice';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/useSubmit';
import { ReasonModal } from '../../components/ReasonModal';
import { conflictTag } from '../../../electron/core/domain/conflicts.js';
import type { BatchReview } from './useBatchReview';

type Acting = { kind: 'override' | 'recuse'; assignment: Assignment } | null;

function AssignmentLine({ a, name, onAct }: { a: Assignment; name: string; onAct: (kind: 'override' | 'recuse') => void }) {
  return (
    <Flex align="center" gap={6} wrap data-testid="assignment" data-status={a.status} style={{ padding: '2px 0' }}>
      <Typography.Text delete={a.status === 'recused'} style={{ minWidth: 56 }}>
        {name}
      </Typography.Text>
      {a.status === 'active' ? <Tag color={a.override ? 'orange' : 'green'}>{a.override ? '例外分配' : '评审中'}</Tag> : null}
      {a.status === 'recused' ? (
        <Tooltip title={a.recusal ? `理由：${a.recusal.reason}（${a.recusal.by}）` : undefined}>
          <Tag>已回避</Tag>
        </Tooltip>
      ) : null}
      {a.conflictReasons.map((r, i) => {
        const code = a.conflictCodes[i];
        return (
          <Tooltip key={r} title={r}>
            <Tag color={a.status === 'conflict' ? 'red' : 'default'} data-reason={code}>
              {conflictTag(code, r)}
            </Tag>
          </Tooltip>
        );
      })}
      {a.override ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          例外理由：{a.override.reason}
        </Typography.Text>
      ) : null}
      {a.status === 'conflict' ? (
        <Button size="small" type="link" onClick={() => onAct('override')}>
          例外分配
        </Button>
      ) : null}
      {a.status === 'active' ? (
        <Button size="small" type="link" danger onClick={() => onAct('recuse')}>
          回避
        </Button>
      ) : null}
    </Flex>
  );
}

/** 评审分配: assign all or N per application; per application the experts with conflicts, override and recusal. */
export function AssignmentsCard({ batchId, review }: { batchId: string; review: BatchReview }) {
  const { message } = App.useApp();
  const [per, setPer] = useState<number | null>(5);
  const [acting, setActing] = useState<Acting>(null);
  const { saving, error, run } = useSubmit();
  const assignments = review.overview.data?.assignments ?? [];
  const apps = review.apps.data?.rows ?? [];
  const panel = review.overview.data?.panel ?? [];
  const byApp = new Map<string, Assignment[]>();
  for (const a of assignments) byApp.set(a.applicationId, [...(byApp.get(a.applicationId) ?? []), a]);
  const conflicts = assignments.filter((a) => a.status === 'conflict').length;

  const assign = (mode: 'all' | 'balanced') =>
    run(async () => {
      const r = await desk.call('scoring.assign', { batchId, mode, ...(mode === 'balanced' ? { perApplication: per ?? 1 } : {}) });
      message.success({ content: r.message, duration: 6 });
      review.overview.reload();
      batchesChanged(); // the first assignment starts the review (评审中)
    });

  return (
    <Card
      size="small"
      title={
        <>
          <ApartmentOutlined /> 评审分配
        </>
      }
      extra={
        <Typography.Text type="secondary">
          已受理申报 {apps.length} 件 · 分配 {assignments.filter((a) => a.status === 'active').length} 项 · 利益冲突 {conflicts} 处
        </Typography.Text>
      }
      style={{ marginBottom: 16 }}
      data-testid="assignments-card"
    >
      <ErrorAlert error={error} title="未能分配" />
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
        <Button type="primary" loading={saving} disabled={!panel.length || !apps.length} onClick={() => void assign('all')}>
          全部分配
        </Button>
        <Typography.Text type="secondary">或</Typography.Text>
        <Space.Compact>
          <InputNumber
            aria-label="每个申报的专家人数"
            min={1}
            max={50}
            precision={0}
            value={per}
            onChange={setPer}
            prefix="每件"
            suffix="人"
            style={{ width: 120 }}
          />
          <Button loading={saving} disabled={!panel.length || !apps.length || !per} onClick={() => void assign('balanced')}>
            均衡分配
          </Button>
        </Space.Compact>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {panel.length ? `专家组 ${panel.length} 人；重复分配只补充缺少的任务。` : '请先设定评审专家组。'}
        </Typography.Text>
      </Flex>
      <Table<ApplicationRow>
        size="small"
        rowKey="id"
        dataSource={apps}
        loading={review.apps.loading && !review.apps.data}
        pagination={apps.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        locale={{ emptyText: '本批次还没有已受理的申报。' }}
        columns={[
          { title: '编号', dataIndex: 'id', width: 100 },
          { title: '申报单位', dataIndex: 'name', width: 260 },
          {
            title: '评审专家',
            key: 'experts',
            render: (_: unknown, app) => {
              const list = byApp.get(app.id) ?? [];
              return list.length ? (
                list.map((a) => (
                  <AssignmentLine
                    key={a.id}
                    a={a}
                    name={review.expertName(a.expertId)}
                    onAct={(kind) => setActing({ kind, assignment: a })}
                  />
                ))
              ) : (
                <Typography.Text type="secondary">未分配</Typography.Text>
              );
            },
          },
        ]}
      />
      <ReasonModal
        open={acting !== null}
        title={acting?.kind === 'override' ? '利益冲突例外分配' : '专家回避'}
        intro={
          acting
            ? acting.kind === 'override'
              ? `“${review.expertName(acting.assignment.expertId)}”与“${review.appName(acting.assignment.applicationId)}”存在利益冲突：${acting.assignment.conflictReasons.join('；')}。确需评审时请填写理由，理由记入操作日志。`
              : `“${review.expertName(acting.assignment.expertId)}”回避“${review.appName(acting.assignment.applicationId)}”的评审后，其评分不再计入汇总（记录保留）。`
            : null
        }
        okText={acting?.kind === 'override' ? '确认例外分配' : '确认回避'}
        danger={acting?.kind === 'recuse'}
        onClose={() => setActing(null)}
        onSubmit={async (reason) => {
          const a = acting!;
          await desk.call(a.kind === 'override' ? 'scoring.overrideConflict' : 'scoring.recuse', { assignmentId: a.assignment.id, reason });
          message.success(a.kind === 'override' ? '已例外分配。' : '已办理回避。');
          setActing(null);
          review.overview.reload();
        }}
      />
    </Card>
  );
}
