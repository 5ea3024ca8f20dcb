import type { ReactNode } from 'react';
import { Alert, Flex, Typography } from 'antd';
import { CheckCircleOutlined, CloseCircleFilled, ExclamationCircleFilled, InfoCircleFilled, RightOutlined } from '@ant-design/icons';
import type { Dashboard } from '../../../electron/core/contract/index.js';
import { navigate } from '../../router';

type Reminder = Dashboard['reminders'][number];

const ICONS: Record<Reminder['level'], ReactNode> = {
  error: <CloseCircleFilled style={{ color: '#ff4d4f' }} />,
  warning: <ExclamationCircleFilled style={{ color: '#faad14' }} />,
  info: <InfoCircleFilled style={{ color: '#1677ff' }} />,
};
const BACKGROUND: Record<Reminder['level'], string> = { error: '#fff2f0', warning: '#fffbe6', info: '#f0f5ff' };
const BORDER: Record<Reminder['level'], string> = { error: '#ffccc7', warning: '#ffe58f', info: '#d6e4ff' };

/** 提醒: one line per reminder, most urgent first; a click opens the page that handles it. */
export function ReminderBar({ reminders }: { reminders: Reminder[] }) {
  if (!reminders.length) {
    return (
      <Alert
        type="success"
        showIcon
        icon={<CheckCircleOutlined />}
        title="暂无需要提醒的事项。"
        style={{ marginBottom: 12 }}
        data-testid="reminder-bar"
      />
    );
  }
  return (
    <Flex vertical gap={6} style={{ marginBottom: 12 }} data-testid="reminder-bar" role="list" aria-label="提醒">
      {reminders.map((r, i) => (
        <Flex
          key={i}
          role="listitem"
          align="center"
          gap={8}
          tabIndex={0}
          data-testid="reminder"
          data-level={r.level}
          onClick={() => navigate(r.route)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') navigate(r.route);
          }}
          style={{
            padding: '6px 12px',
            background: BACKGROUND[r.level],
            border: `1px solid ${BORDER[r.level]}`,
            borderRadius: 6,
            cursor: 'pointer',
          }}
        >
          {ICONS[r.level]}
          <Typography.Text style={{ flex: 1, minWidth: 0 }}>{r.text}</Typography.Text>
          <Typography.Link style={{ flex: 'none', fontSize: 13 }}>
            去处理 <RightOutlined style={{ fontSize: 10 }} />
          </Typography.Link>
        </Flex>
      ))}
    </Flex>
  );
}
