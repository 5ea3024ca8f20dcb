import { useState } from 'react';
import { Button, Card, Flex, Input, Typography } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import type { VerifyReport } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { BrowseButton } from '../../components/BrowseButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/useSubmit';
import { newTaskId } from '../../components/useTaskProgress';
import { VerifyResult } from './VerifyResult';

/** What the picker offers: archive zips only. */
const ARCHIVE_EXTENSIONS = ['.zip'];

/** 校验档案文件: an archive zip anywhere on this computer (e.g. one handed back by the records office). */
export function VerifyPathCard() {
  const [path, setPath] = useState('');
  const [report, setReport] = useState<VerifyReport | null>(null);
  const { saving, error, setError, run } = useSubmit();
  const verify = () => {
    const p = path.trim();
    if (!p || saving) return;
    setReport(null);
    void run(async () => setReport(await desk.call('archive.verify', { path: p, taskId: newTaskId('archive-verify') })));
  };
  return (
    <Card size="small" title="校验档案文件" data-testid="verify-path-card">
      <Flex gap={8}>
        <Input
          value={path}
          onChange={(e) => setPath(e.target.value)}
          onPressEnter={verify}
          placeholder="档案文件的完整路径，如 E:\2026年度档案.zip 或 /media/usb/2026年度档案.zip"
          aria-label="档案文件路径"
          allowClear
        />
        <BrowseButton pick="file" extensions={ARCHIVE_EXTENSIONS} value={path} onPick={setPath} />
        <Button icon={<SafetyOutlined />} onClick={verify} loading={saving} disabled={!path.trim()}>
          校验文件
        </Button>
      </Flex>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6 }}>
        用于核对从档案室取回或拷在U盘上的档案文件。工作台在本机运行，请填写本机（含已插入的U盘）上的文件路径，或点“浏览…”选择；校验只读取文件，不会改动它。
      </Typography.Text>
      <div style={error ? { marginTop: 12, marginBottom: -16 } : undefined}>
        <ErrorAlert error={error} title="未能校验" onClose={() => setError(null)} />
      </div>
      {report ? <VerifyResult report={report} onClose={() => setReport(null)} /> : null}
    </Card>
  );
}
