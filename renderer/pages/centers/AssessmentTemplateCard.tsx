import { useState } from 'react';
import { App, Button, Card, Descriptions, Space, Table, Tag, Tooltip } from 'antd';
import { EditOutlined, LockOutlined } from '@ant-design/icons';
import type { AssessmentTemplateView, Criterion } from '../../../electron/core/contract/index.js';
import { templateVersionText } from '../../components/templateVersion';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { Remote } from '../../components/useRemote';
import { AssessmentTemplateModal } from './AssessmentTemplateModal';
import { maxTotal } from '../../../electron/core/domain/scoring-template.js';

/** 考核表 of a year: criteria, grade lines, version; 修改 opens the editor. */
export function AssessmentTemplateCard({ template, sealed }: { template: Remote<AssessmentTemplateView>; sealed: boolean }) {
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const view = template.data;
  const t = view?.current;
  const full = t ? maxTotal(t.criteria) : 0;
  return (
    <Card
      size="small"
      data-testid="assessment-template"
      title={
        <Space>
          考核表
          {t ? <Tag color="blue">第{t.version}版</Tag> : null}
          {view?.frozen ? (
            <Tag icon={<LockOutlined />} color="orange">
              已冻结
            </Tag>
          ) : null}
          {view?.isDefault ? <Tag>默认考核表</Tag> : null}
        </Space>
      }
      extra={
        <Button size="small" icon={<EditOutlined />} disabled={!t || sealed} onClick={() => setEditing(true)}>
          修改
        </Button>
      }
    >
      <ErrorAlert error={template.error} title="无法读取考核表" onRetry={template.reload} />
      {t ? (
        <>
          <Descriptions size="small" column={4} style={{ marginBottom: 8 }}>
            <Descriptions.Item label="满分">{full}分</Descriptions.Item>
            <Descriptions.Item label="优秀">≥{t.bands.excellent}分</Descriptions.Item>
            <Descriptions.Item label="良好">≥{t.bands.good}分</Descriptions.Item>
            <Descriptions.Item label="合格">≥{t.bands.pass}分</Descriptions.Item>
          </Descriptions>
          <Table<Criterion>
            size="small"
            rowKey="key"
            dataSource={t.criteria}
            pagination={false}
            columns={[
              { title: '序号', key: 'no', width: 56, render: (_: unknown, _c, i) => i + 1 },
              { title: '考核项', dataIndex: 'title', width: 200 },
              { title: '满分', dataIndex: 'max', width: 70 },
              { title: '考核说明', dataIndex: 'description', ellipsis: true },
            ]}
          />
          <div style={{ marginTop: 8, fontSize: 12, color: '#8c8c8c' }}>
            <Tooltip title={t.reason ? `修改理由：${t.reason}` : undefined}>
              第{t.version}版：{templateVersionText(t, view?.isDefault)}
              {t.reason ? `（理由：${t.reason}）` : ''}
            </Tooltip>
          </div>
        </>
      ) : null}
      {view ? (
        <AssessmentTemplateModal
          open={editing}
          view={view}
          onClose={() => setEditing(false)}
          onSaved={(v) => {
            setEditing(false);
            message.success(`考核表已保存（第${v.current.version}版）。`);
            template.reload();
          }}
        />
      ) : null}
    </Card>
  );
}
