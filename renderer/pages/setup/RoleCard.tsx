import { App, Button, Card, Typography } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import { ROLE_LABELS, ROLE_SENTENCES } from '../../../electron/core/contract/setup-labels.js';
import { desk } from '../../rpc';
import { useRemote } from '../../components/useRemote';
import { ErrorAlert } from '../../components/ErrorAlert';
import { changeRole } from './roleChange';

/** 设置 › 本机用途: what this computer is for, and the change (with the warning the core gives). */
export function RoleCard() {
  const { modal } = App.useApp();
  const state = useRemote(() => desk.call('setup.role', {}), []);
  const s = state.data;
  const other = s?.role === 'expert' ? 'secretariat' : 'expert';
  return (
    <Card title="本机用途" size="small" loading={state.loading && !s} data-testid="role-card">
      <ErrorAlert error={state.error} title="无法读取本机用途" onRetry={state.reload} />
      {s?.role ? (
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            这台电脑用作<Typography.Text strong>“{ROLE_LABELS[s.role]}”</Typography.Text>：{ROLE_SENTENCES[s.role]}
          </Typography.Paragraph>
          {s.changeable ? (
            <Button icon={<SwapOutlined />} onClick={() => void changeRole(modal, other)}>
              改为“{ROLE_LABELS[other]}”…
            </Button>
          ) : (
            <Typography.Text type="secondary">本机用途由启动方式决定（开始菜单入口或启动参数），不能在此更改。</Typography.Text>
          )}
        </>
      ) : null}
    </Card>
  );
}
