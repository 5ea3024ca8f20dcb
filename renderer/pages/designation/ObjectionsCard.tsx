import { useState } from 'react';
import { App, Button, Card, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { DesignationView, Objection } from '../../../electron/core/contract/index.js';
import { formatDate } from '../../format';
import {
  OBJECTION_KIND_LABELS,
  OBJECTION_OUTCOME_LABELS,
  OBJECTION_STATUS_COLORS,
  OBJECTION_STATUS_LABELS,
} from '../../components/designationLabels';
import { ObjectionModal } from './ObjectionModal';
import { ResolveModal } from './ResolveModal';

/** 二、公示异议: the objections received, 登记异议, and 处理 for each accepted one. */
export function ObjectionsCard({ view, onChanged }: { view: DesignationView; onChanged: () => void }) {
  const { message } = App.useApp();
  const [recording, setRecording] = useState(false);
  const [resolving, setResolving] = useState<Objection | null>(null);
  const names = new Map(view.entries.map((e) => [e.applicationId, e.applicantName]));
  const decided = !!view.decision;
  const open = view.objections.filter((o) => o.status === 'open').length;

  return (
    <Card
      size="small"
      title={<>二、公示异议 {open ? <Tag color="orange">{open}件待处理</Tag> : null}</>}
      data-testid="objections-card"
      extra={
        <Tooltip title={decided ? '已作出认定决定，不再登记异议' : undefined}>
          <Button icon={<PlusOutlined />} onClick={() => setRecording(true)} disabled={decided}>
            登记异议
          </Button>
        </Tooltip>
      }
      style={{ marginBottom: 16 }}
    >
      <Table<Objection>
        size="small"
        rowKey="id"
        dataSource={view.objections}
        pagination={false}
        scroll={{ x: 1100 }}
        data-testid="objections"
        locale={{ emptyText: '公示期间未收到异议。收到书面异议后点击“登记异议”。' }}
        columns={[
          { title: '编号', dataIndex: 'id', width: 56, render: (id: string) => id.replace(/^.*-(O\d+)$/, '$1') },
          {
            title: '收到日期',
            dataIndex: 'receivedOn',
            width: 132,
            render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(d)}</span>,
          },
          {
            title: '异议人',
            key: 'from',
            width: 160,
            ellipsis: true,
            render: (_: unknown, o) => (
              <>
                {o.from || <Typography.Text type="secondary">（匿名）</Typography.Text>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {' '}
                  {OBJECTION_KIND_LABELS[o.kind]}
                </Typography.Text>
              </>
            ),
          },
          {
            title: '身份证明',
            dataIndex: 'identityProof',
            width: 84,
            render: (p: boolean, o) =>
              p ? o.kind === 'unit' ? '已盖公章' : '已签名' : <Typography.Text type="warning">未提供</Typography.Text>,
          },
          { title: '针对申报', dataIndex: 'applicationId', width: 160, ellipsis: true, render: (id: string) => names.get(id) ?? id },
          {
            title: '异议内容',
            dataIndex: 'content',
            minWidth: 200,
            ellipsis: { showTitle: false },
            render: (c: string) => <Tooltip title={c}>{c}</Tooltip>,
          },
          {
            title: '受理',
            key: 'accepted',
            width: 120,
            render: (_: unknown, o) =>
              o.accepted ? (
                <Tag color="blue">受理</Tag>
              ) : (
                <Tooltip title={o.notAcceptedReason}>
                  <Tag>不予受理</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {o.notAcceptedReason?.includes('匿名') ? '匿名' : o.notAcceptedReason?.includes('逾期') ? '逾期' : ''}
                  </Typography.Text>
                </Tooltip>
              ),
          },
          {
            title: '处理结论',
            key: 'resolution',
            width: 180,
            render: (_: unknown, o) =>
              o.resolution ? (
                <Tooltip title={`${OBJECTION_OUTCOME_LABELS[o.resolution.outcome]}：${o.resolution.reason}`}>
                  <Tag color={OBJECTION_STATUS_COLORS[o.status]}>{OBJECTION_STATUS_LABELS[o.status]}</Tag>
                  <Typography.Text style={{ fontSize: 12 }}>{o.resolution.reason}</Typography.Text>
                </Tooltip>
              ) : o.status === 'open' ? (
                <Button size="small" type="primary" ghost disabled={decided} onClick={() => setResolving(o)}>
                  处理
                </Button>
              ) : (
                <Typography.Text type="secondary">无需处理</Typography.Text>
              ),
          },
        ]}
      />
      <ObjectionModal
        open={recording}
        view={view}
        onClose={() => setRecording(false)}
        onSaved={(o) => {
          setRecording(false);
          if (o.accepted) message.success(`已登记异议${o.id}并受理，请调查核实后作出处理结论。`);
          else message.warning({ content: `已登记异议${o.id}：${o.notAcceptedReason ?? '不予受理。'}`, duration: 6 });
          onChanged();
        }}
      />
      <ResolveModal
        objection={resolving}
        applicantName={resolving ? (names.get(resolving.applicationId) ?? resolving.applicationId) : ''}
        onClose={() => setResolving(null)}
        onSaved={(o) => {
          setResolving(null);
          message.success(`异议${o.id}已处理：${OBJECTION_OUTCOME_LABELS[o.resolution!.outcome]}。`);
          onChanged();
        }}
      />
    </Card>
  );
}
