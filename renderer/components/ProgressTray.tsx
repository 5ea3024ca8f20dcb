import { useEffect, useState } from 'react';
import { Button, Card, Flex, Progress, Typography } from 'antd';
import type { ProgressEvent } from '../../electron/core/contract/index.js';
import { desk } from '../rpc';

/** How long a finished task stays visible. */
const LINGER_MS = 1500;

/**
 * Long work (review packages, batch PDFs, archives) reports `progress` events; this tray shows one bar per
 * running task in the corner of the window, whichever page started it.
 */
export function ProgressTray() {
  const [tasks, setTasks] = useState<Record<string, ProgressEvent>>({});
  useEffect(() => {
    const timers = new Map<string, ReturnType<typeof setTimeout>>();
    const off = desk.onEvent('progress', (payload) => {
      const p = payload as ProgressEvent;
      if (!p || typeof p.taskId !== 'string') return;
      // The last event of a task keeps the label it had (it says how the task ended).
      setTasks((t) => ({
        ...t,
        [p.taskId]:
          p.ended && t[p.taskId] ? { ...t[p.taskId]!, ended: p.ended, done: t[p.taskId]!.total || 1, total: t[p.taskId]!.total || 1 } : p,
      }));
      clearTimeout(timers.get(p.taskId));
      if (p.ended || (p.total > 0 && p.done >= p.total)) {
        timers.set(
          p.taskId,
          setTimeout(() => setTasks(({ [p.taskId]: _done, ...rest }) => rest), LINGER_MS),
        );
      }
    });
    return () => {
      off();
      timers.forEach(clearTimeout);
    };
  }, []);
  const list = Object.values(tasks);
  if (!list.length) return null;
  return (
    <Card
      size="small"
      role="status"
      aria-label="后台任务进度"
      style={{ position: 'fixed', right: 16, bottom: 16, width: 340, zIndex: 1100, boxShadow: '0 6px 16px rgba(0,0,0,0.12)' }}
    >
      <Flex vertical gap={8}>
        {list.map((p) => (
          <div key={p.taskId} data-testid="progress-task">
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text style={{ fontSize: 13 }}>{p.label}</Typography.Text>
              {p.ended === 'failed' || p.ended === 'cancelled' ? (
                <Typography.Text type={p.ended === 'failed' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                  {p.ended === 'failed' ? '未完成' : '已取消'}
                </Typography.Text>
              ) : p.total > 0 && p.done >= p.total ? null : (
                <Button
                  size="small"
                  type="link"
                  onClick={() => void desk.call('tasks.cancel', { taskId: p.taskId }).catch(() => undefined)}
                >
                  取消
                </Button>
              )}
            </Flex>
            <Progress
              percent={p.total > 0 ? Math.min(100, Math.round((p.done / p.total) * 100)) : 0}
              size="small"
              status={
                p.ended === 'failed' || p.ended === 'cancelled' ? 'exception' : p.total > 0 && p.done >= p.total ? 'success' : 'active'
              }
            />
          </div>
        ))}
      </Flex>
    </Card>
  );
}
