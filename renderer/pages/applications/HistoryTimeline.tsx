import { Timeline, Typography } from 'antd';
import type { Application } from '../../../electron/core/contract/index.js';
import { formatDateTime } from '../../format';

/** 状态记录: who did what and when, newest first. */
export function HistoryTimeline({ application }: { application: Application }) {
  const items = [...application.history].reverse().map((h, i) => ({
    key: i,
    color: /不予受理/.test(h.action) ? 'red' : /补正/.test(h.action) ? 'orange' : /受理|提交/.test(h.action) ? 'green' : 'gray',
    title: <Typography.Text type="secondary">{formatDateTime(h.at)}</Typography.Text>,
    content: (
      <div data-testid="history-entry">
        <Typography.Text strong>{h.action}</Typography.Text>
        <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
          {h.by}
        </Typography.Text>
        {h.note ? <div style={{ color: '#595959' }}>{h.note}</div> : null}
      </div>
    ),
  }));
  return <Timeline mode="start" titleSpan={6} items={items} style={{ marginTop: 8 }} />;
}
