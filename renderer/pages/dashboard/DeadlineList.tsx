import { Card, Empty, Flex, Tag, Typography } from 'antd';
import type { Deadline, DeadlineKind } from '../../../electron/core/contract/index.js';
import { formatDate } from '../../format';
import { navigate } from '../../router';

import { DEADLINE_KIND_LABELS } from '../../../electron/core/contract/dashboard-labels.js';

const KIND_COLORS: Record<DeadlineKind, string> = {
  supplement: 'orange',
  publicityEnd: 'cyan',
  summaryDue: 'blue',
  reviewDue: 'purple',
  rectifyDue: 'gold',
  batchCloses: 'geekblue',
};

/** The tag already names the kind: “某某公司 补正期限” → “某某公司”. */
function shortTitle(d: Deadline): string {
  return d.title.replace(/\s+(补正期限|三年复核到期|整改期满)$/, '');
}

function left(d: Deadline) {
  if (d.overdue)
    return (
      <Typography.Text type="danger" strong>
        逾期{-d.daysLeft}天
      </Typography.Text>
    );
  if (d.daysLeft === 0)
    return (
      <Typography.Text type="warning" strong>
        今天到期
      </Typography.Text>
    );
  return <Typography.Text type={d.daysLeft <= 7 ? 'warning' : 'secondary'}>剩余{d.daysLeft}天</Typography.Text>;
}

/** 近期期限: soonest first; overdue in red; a click opens the page that handles it. */
export function DeadlineList({ deadlines, horizonDays, height }: { deadlines: Deadline[]; horizonDays: number; height: number }) {
  return (
    <Card
      size="small"
      title="近期期限"
      extra={<Typography.Text type="secondary">前30天至后{horizonDays}天</Typography.Text>}
      styles={{ body: { padding: '4px 0' } }}
      style={{ height: '100%' }}
      data-testid="deadline-list"
    >
      <div style={{ height: height + 8, overflowY: 'auto' }}>
        {deadlines.length === 0 ? (
          <Flex align="center" justify="center" style={{ height: '100%' }}>
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="近期没有到期事项" />
          </Flex>
        ) : (
          deadlines.map((d, i) => (
            <Flex
              key={`${d.kind}-${d.dueOn}-${i}`}
              align="center"
              gap={8}
              role="link"
              tabIndex={0}
              data-testid="deadline-row"
              className="home-deadline-row"
              onClick={() => navigate(d.route)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') navigate(d.route);
              }}
              style={{
                padding: '6px 12px',
                cursor: 'pointer',
                borderBottom: '1px solid #f0f0f0',
                background: d.overdue ? '#fff1f0' : undefined,
              }}
            >
              <Tag
                color={d.overdue ? 'red' : KIND_COLORS[d.kind]}
                style={{ marginInlineEnd: 0, flex: 'none', width: 108, textAlign: 'center' }}
              >
                {DEADLINE_KIND_LABELS[d.kind]}
              </Tag>
              <Typography.Text ellipsis={{ tooltip: d.title }} style={{ flex: 1, minWidth: 0 }}>
                {shortTitle(d)}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ flex: 'none', fontSize: 12 }}>
                {formatDate(d.dueOn)}
              </Typography.Text>
              <span style={{ flex: 'none', width: 64, textAlign: 'right', fontSize: 12 }}>{left(d)}</span>
            </Flex>
          ))
        )}
      </div>
    </Card>
  );
}
