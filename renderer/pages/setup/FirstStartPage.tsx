import { useState } from 'react';
import { Button, Card, Flex, Form, Layout, Radio, Typography } from 'antd';
import { AuditOutlined, BankOutlined } from '@ant-design/icons';
import type { DeskRole, RoleState } from '../../../electron/core/contract/index.js';
import { DESK_ROLES, ROLE_LABELS, ROLE_SENTENCES } from '../../../electron/core/contract/setup-labels.js';
import { desk } from '../../rpc';
import { ErrorAlert } from '../../components/ErrorAlert';

const ICONS: Record<DeskRole, React.ReactNode> = { secretariat: <BankOutlined />, expert: <AuditOutlined /> };

/**
 * First start on a machine: what is this computer for? One sentence per role; the choice is kept on this computer
 * (not in either data folder) and can be changed later under 关于. Arrow keys choose, Enter starts.
 */
export function FirstStartPage({ onChosen }: { onChosen: (state: RoleState) => void }) {
  const [role, setRole] = useState<DeskRole | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(): Promise<void> {
    if (!role) {
      setError(new Error('请先选择这台电脑的用途。'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onChosen(await desk.call('setup.chooseRole', { role }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Layout style={{ minHeight: '100vh', background: '#f2f4f7' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 10 }}>
        <BankOutlined style={{ color: '#fff', fontSize: 20 }} />
        <Typography.Text strong style={{ color: '#fff', fontSize: 17 }}>
          产业知识产权中心认定工作台
        </Typography.Text>
      </Layout.Header>
      <Flex justify="center" style={{ padding: '40px 16px' }}>
        <Card style={{ width: 640, maxWidth: '100%' }} data-testid="first-start">
          <Typography.Title level={2} style={{ fontSize: 22, marginTop: 0 }}>
            这台电脑用来做什么？
          </Typography.Title>
          <Typography.Paragraph type="secondary">
            第一次使用时请选择一次。两种用途各用各的数据文件夹，互不混合；以后可在“关于”中更改。
          </Typography.Paragraph>
          <ErrorAlert error={error} title="未能保存本机用途" onClose={() => setError(null)} />
          <Form onFinish={() => void submit()} requiredMark={false}>
            <Radio.Group
              value={role}
              onChange={(e) => setRole(e.target.value as DeskRole)}
              aria-label="本机用途"
              style={{ display: 'flex', flexDirection: 'column', gap: 12, width: '100%', marginBottom: 20 }}
            >
              {DESK_ROLES.map((r, i) => (
                <label
                  key={r}
                  style={{
                    display: 'block',
                    border: `1px solid ${role === r ? '#a8071a' : '#d9d9d9'}`,
                    background: role === r ? '#fff1f0' : '#fff',
                    borderRadius: 6,
                    padding: '14px 16px',
                    cursor: 'pointer',
                  }}
                  data-testid={`role-${r}`}
                >
                  <Radio value={r} autoFocus={i === 0}>
                    <Typography.Text strong style={{ fontSize: 16 }}>
                      {ICONS[r]} {ROLE_LABELS[r]}
                    </Typography.Text>
                  </Radio>
                  <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0 24px' }}>
                    {ROLE_SENTENCES[r]}
                  </Typography.Paragraph>
                </label>
              ))}
            </Radio.Group>
            <Button type="primary" htmlType="submit" size="large" loading={busy} disabled={!role}>
              {role ? `用作“${ROLE_LABELS[role]}”，开始使用` : '请先选择用途'}
            </Button>
          </Form>
        </Card>
      </Flex>
    </Layout>
  );
}
