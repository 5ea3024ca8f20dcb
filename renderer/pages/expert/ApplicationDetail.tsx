import type { ReactNode } from 'react';
import { Descriptions, Empty, Flex, Table, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import type { PackageApplication, PackageMaterialFile } from '../../../electron/core/contract/index.js';
import { formatSize } from '../../format';
import { StoredFileLink } from '../../components/StoredFileLink';
import { IP_FIGURE_LABELS } from '../../../electron/core/contract/applications-labels.js';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section style={{ marginBottom: 16 }}>
      <Typography.Title level={5} style={{ margin: '0 0 8px', fontSize: 15 }}>
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

function MaterialLink({ file }: { file: PackageMaterialFile }) {
  return (
    <Flex align="center" gap={8} style={{ padding: '2px 0' }} data-testid="package-material">
      <PaperClipOutlined style={{ color: '#8c8c8c' }} />
      <StoredFileLink sha256={file.sha256} name={file.name} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatSize(file.size)} · {file.kind.toUpperCase()}
      </Typography.Text>
    </Flex>
  );
}

/** What the expert reads: the applicant, the center, IP figures, team, office, narrative and materials. */
export function ApplicationDetail({ application: a }: { application: PackageApplication }) {
  const dash = (s: string) => s || '—';
  return (
    <div data-testid="application-detail">
      <Section title="申报单位">
        <Descriptions size="small" bordered column={2} styles={{ label: { width: 112, whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label="单位名称" span={2}>
            {a.unitName}
          </Descriptions.Item>
          <Descriptions.Item label="拟建中心名称" span={2}>
            {a.centerName}
          </Descriptions.Item>
          <Descriptions.Item label="统一社会信用代码">{dash(a.applicant.uscc)}</Descriptions.Item>
          <Descriptions.Item label="所属县（市）区">{dash(a.applicant.district)}</Descriptions.Item>
          <Descriptions.Item label="所属产业">{dash(a.applicant.industry)}</Descriptions.Item>
          <Descriptions.Item label="地址">{dash(a.applicant.address)}</Descriptions.Item>
        </Descriptions>
      </Section>
      <Section title="知识产权数据">
        <Descriptions size="small" bordered column={4} layout="vertical" data-testid="ip-figures">
          {IP_FIGURE_LABELS.map(([k, label]) => (
            <Descriptions.Item key={k} label={label}>
              {a.ipFigures[k]}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Section>
      <Section title={`工作团队（${a.team.length}人）`}>
        {a.team.length ? (
          <Table
            size="small"
            pagination={false}
            rowKey={(_m, i) => String(i)}
            dataSource={a.team}
            columns={[
              { title: '姓名', dataIndex: 'name', width: 90 },
              { title: '职务/分工', dataIndex: 'role', render: dash },
              { title: '职称', dataIndex: 'title', render: dash },
              { title: '资格', dataIndex: 'qualification', render: dash },
            ]}
          />
        ) : (
          <Typography.Text type="secondary">未填写</Typography.Text>
        )}
      </Section>
      <Section title="办公场所">
        <Typography.Text>
          {dash(a.office.address)}
          {a.office.areaM2 !== null ? `，面积 ${a.office.areaM2} 平方米` : '，面积未填写'}
        </Typography.Text>
      </Section>
      <Section title="知识产权工作情况">
        {a.narrative ? (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{a.narrative}</Typography.Paragraph>
        ) : (
          <Typography.Text type="secondary">未填写</Typography.Text>
        )}
      </Section>
      <Section title="申报材料">
        {a.materials.some((m) => m.files.length) ? (
          a.materials
            .filter((m) => m.files.length)
            .map((m) => (
              <div key={m.no} style={{ marginBottom: 6 }}>
                <Typography.Text strong>
                  {m.no}. {m.title}
                </Typography.Text>
                <div style={{ paddingLeft: 16 }}>
                  {m.files.map((f) => (
                    <MaterialLink key={f.sha256} file={f} />
                  ))}
                </div>
              </div>
            ))
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="评审包中没有材料文件" />
        )}
      </Section>
    </div>
  );
}
