import { useState } from 'react';
import { Alert, Button, Card, Flex, Input, Progress, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import type { BackupFileInfo } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { formatDateTime, formatSize } from '../../format';
import { BrowseButton } from '../../components/BrowseButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/useSubmit';
import { newTaskId } from '../../components/useTaskProgress';
import { percentOf, useTaskProgress } from '../../components/useTaskProgress';

/** 备份到文件: the whole data folder as one *.ipcdesk-backup file in a chosen folder (or a USB stick). */
export function BackupFileCard() {
  const [targetDir, setTargetDir] = useState('');
  const [taskId, setTaskId] = useState<string | null>(null);
  const [result, setResult] = useState<BackupFileInfo | null>(null);
  const progress = useTaskProgress(taskId);
  const { saving, error, setError, run } = useSubmit();

  const backup = () => {
    if (saving) return;
    const id = newTaskId('backup-file');
    setTaskId(id);
    setResult(null);
    const dir = targetDir.trim();
    void run(async () => setResult(await desk.call('backupFile.create', { taskId: id, ...(dir ? { targetDir: dir } : {}) })));
  };

  return (
    <Card size="small" title="备份到文件" data-testid="backup-file-card" style={{ marginBottom: 16 }}>
      <Flex gap={8}>
        <Input
          value={targetDir}
          onChange={(e) => setTargetDir(e.target.value)}
          onPressEnter={backup}
          placeholder="保存到的文件夹；留空则保存到工作台的 exports/备份 文件夹"
          aria-label="备份保存文件夹"
          allowClear
          disabled={saving}
        />
        <BrowseButton pick="folder" value={targetDir} onPick={setTargetDir} disabled={saving} />
        <Button type="primary" icon={<SaveOutlined />} onClick={backup} loading={saving}>
          备份到文件
        </Button>
      </Flex>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6 }}>
        把全部数据（记录、附件、操作日志）连同校验清单写成一个备份文件。可填写U盘路径，如 E:\ 或
        /media/usb，也可点“浏览…”选择；请妥善保管U盘。
      </Typography.Text>
      {saving ? (
        <div style={{ marginTop: 8 }} data-testid="backup-file-progress">
          <Typography.Text>{progress?.label ?? '正在备份…'}</Typography.Text>
          <Progress percent={percentOf(progress)} status="active" size="small" />
        </div>
      ) : null}
      <div style={error ? { marginTop: 12, marginBottom: -16 } : undefined}>
        <ErrorAlert error={error} title="未能备份" onClose={() => setError(null)} />
      </div>
      {result ? (
        <Alert
          type="success"
          showIcon
          data-testid="backup-file-result"
          title={`已备份到文件：${result.fileName}（${formatSize(result.size)}，${result.files} 个文件）`}
          description={
            <>
              <div>
                保存位置：
                <Typography.Text copyable={{ text: result.path, tooltips: ['复制保存位置', '已复制'] }} style={{ wordBreak: 'break-all' }}>
                  {result.path}
                </Typography.Text>
              </div>
              <div>备份时间：{formatDateTime(result.createdAt)}</div>
              <div>包含：{result.contents.join('；') || '（无数据）'}</div>
            </>
          }
          closable={{ onClose: () => setResult(null) }}
          style={{ marginTop: 12 }}
        />
      ) : null}
    </Card>
  );
}
