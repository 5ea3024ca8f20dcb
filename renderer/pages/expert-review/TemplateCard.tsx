import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Space, Table, Tag, Tooltip } from 'antd';
import { EditOutlined, LockOutlined } from '@ant-design/icons';
import type { Criterion } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { templateVersionText } from '../../components/templateVersion';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRemote } from '../../components/useRemote';
import { TemplateEditModal } from './TemplateEditModal';
import { maxTotal } from '../../../electron/core/domain/scoring-template.js';

const pts = (n: number) => `${n}分`;

/** 评分表 of a batch: criteria, pass line, quorum, version and frozen state; edit → save (or new version). */
export function TemplateCard({ batchId, onChanged }: { batchId: string; onChanged?: () => void }) {
  const { message } = App.useApp();
  const view = useRemote(() => desk.call('scoring.getTemplate', { batchId }), [batchId]);
  const [editing, setEditing] = useState(false);
  const t = view.data?.current;
  const total = t ? maxTotal(t.criteria) : 0;

  return (
    <Card
      size="small"
      title={
        <Space>
          评分表
          {t ? (
            <Tag color="blue" data-testid="template-version">
              第{t.version}版
            </Tag>
          ) : null}
          {view.data?.frozen ? (
            <Tag icon={<LockOutlined />} color="orange">
              已冻结
            </Tag>
          ) : null}
          {view.data?.isDefault ? <Tag>默认评分表</Tag> : null}
        </Space>
      }
      extra={
        <Button size="small" icon={<EditOutlined />} disabled={!t} onClick={() => setEditing(true)}>
          修改评分表
        </Button>
      }
      style={{ marginBottom: 16 }}
      data-testid="template-card"
    >
      <ErrorAlert error={view.error} title="无法读取评分表" onRetry={view.reload} />
      {view.data?.warnings.length ? (
        <Alert type="warning" showIcon title={view.data.warnings.join('；')} style={{ marginBottom: 12 }} />
      ) : null}
      {t ? (
        <>
          <Descriptions size="small" column={4} style={{ marginBottom: 8 }}>
            <Descriptions.Item label="满分">{pts(total)}</Descriptions.Item>
            <Descriptions.Item label="及格线">{pts(t.passLine)}</Descriptions.Item>
            <Descriptions.Item label="最少有效专家">{t.quorum}人</Descriptions.Item>
            <Descriptions.Item label="版本">
              <Tooltip title={t.reason ? `修改理由：${t.reason}` : undefined}>
                <span data-testid="template-made">{templateVersionText(t, view.data?.isDefault)}</span>
              </Tooltip>
            </Descriptions.Item>
          </Descriptions>
          <Table<Criterion>
            size="small"
            rowKey="key"
            dataSource={t.criteria}
            pagination={false}
            columns={[
              { title: '序号', key: 'no', width: 56, render: (_: unknown, _c, i) => i + 1 },
              { title: '评分项', dataIndex: 'title', width: 260 },
              { title: '满分', dataIndex: 'max', width: 70, render: pts },
              { title: '步长', dataIndex: 'step', width: 70, render: pts },
              { title: '评分说明', dataIndex: 'description', ellipsis: true },
            ]}
          />
        </>
      ) : null}
      {t ? (
        <TemplateEditModal
          open={editing}
          batchId={batchId}
          template={t}
          frozen={!!view.data?.frozen}
          onClose={() => setEditing(false)}
          onSaved={(text) => {
            message.success(text);
            setEditing(false);
            view.reload();
            onChanged?.();
          }}
        />
      ) : null}
    </Card>
  );
}
