import type { ReactNode } from 'react';
import { Card, Col, Flex, Row, Typography } from 'antd';
import { FileTextOutlined, SafetyCertificateOutlined, ToolOutlined, InboxOutlined } from '@ant-design/icons';
import type { Dashboard } from '../../../electron/core/contract/index.js';
import { formatDate } from '../../format';
import { navigate } from '../../router';

interface Kpi {
  label: string;
  value: number;
  suffix?: string;
  note: string;
  icon: ReactNode;
  color: string;
  route: string;
  alert?: boolean;
}

function count(d: Dashboard, status: string): number {
  return d.centersByStatus.find((s) => s.status === status)?.count ?? 0;
}

/** 申报总数, 在册中心, 限期整改, 本年待交总结. */
export function KpiCards({ data }: { data: Dashboard }) {
  const total = data.applicationsByYear.reduce((s, r) => s + r.count, 0);
  const thisYear = data.applicationsByYear.find((r) => r.year === Number(data.today.slice(0, 4)))?.count ?? 0;
  const active = count(data, 'active');
  const rectifying = count(data, 'rectifying');
  const revoked = count(data, 'revoked');
  const s = data.summaryYear;
  const kpis: Kpi[] = [
    {
      label: '申报总数',
      value: total,
      suffix: '件',
      note: `本年度${thisYear}件，共${data.years.length}个年度`,
      icon: <InboxOutlined />,
      color: '#1677ff',
      route: '/applications',
    },
    {
      label: '在册中心',
      value: active + rectifying,
      suffix: '个',
      note: `有效${active}个${revoked ? `，已撤销${revoked}个` : ''}`,
      icon: <SafetyCertificateOutlined />,
      color: '#52c41a',
      route: '/centers',
    },
    {
      label: '限期整改',
      value: rectifying,
      suffix: '个',
      note: rectifying ? '整改期满后须复核' : '没有整改中的中心',
      icon: <ToolOutlined />,
      color: '#fa8c16',
      route: '/centers/reviews',
      alert: rectifying > 0,
    },
    {
      label: '本年待交总结',
      value: s.missing,
      suffix: `/ ${s.required}`,
      note: `${s.year}年度，${formatDate(s.dueOn)}截止`,
      icon: <FileTextOutlined />,
      color: '#722ed1',
      route: '/centers/summaries',
      alert: s.missing > 0 && s.dueOn < data.today,
    },
  ];
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
      {kpis.map((k) => (
        <Col span={6} key={k.label}>
          <Card size="small" hoverable onClick={() => navigate(k.route)} data-testid="kpi" styles={{ body: { padding: '12px 16px' } }}>
            <Flex align="center" gap={12}>
              <Flex
                align="center"
                justify="center"
                style={{ width: 44, height: 44, borderRadius: 10, background: `${k.color}1a`, color: k.color, fontSize: 22, flex: 'none' }}
              >
                {k.icon}
              </Flex>
              <div style={{ minWidth: 0 }}>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {k.label}
                </Typography.Text>
                <div style={{ lineHeight: 1.2 }}>
                  <span style={{ fontSize: 26, fontWeight: 600, color: k.alert ? '#cf1322' : undefined }} data-testid={`kpi-${k.label}`}>
                    {k.value}
                  </span>
                  {k.suffix ? <span style={{ marginLeft: 4, color: '#8c8c8c' }}>{k.suffix}</span> : null}
                </div>
                <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, display: 'block' }}>
                  {k.note}
                </Typography.Text>
              </div>
            </Flex>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
