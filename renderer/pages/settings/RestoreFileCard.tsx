import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Input, Progress, Typography } from 'antd';
import { FileSearchOutlined, HistoryOutlined } from '@ant-design/icons';
import type { BackupInspection, RestoreReport } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { formatDateTime } from '../../format';
import { BrowseButton } from '../../components/BrowseButton';
import { useConfirmAct } from '../../components/ConfirmActModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/useSubmit';
import { newTaskId } from '../../components/useTaskProgress';
import { percentOf, useTaskProgress } from '../../components/useTaskProgress';
import { useStagedFile } from '../setup/openFile';

/** The report survives the reload that follows a restore (the whole app's data changed). */
const REPORT_KEY = 'desk-restore-file-report';

/** What the picker offers: backup files only. */
const BACKUP_EXTENSIONS = ['.ipcdesk-backup'];

/** Report lines up to this length go on one line; longer ones (sentences) get their own bullet. */
const SHORT = 16;

/** Read once per page load: the report saved just before the reload. */
let saved: RestoreReport | null | undefined;
function takeSavedReport(): RestoreReport | null {
  if (saved === undefined) {
    try {
      const raw = sessionStorage.getItem(REPORT_KEY);
      sessionStorage.removeItem(REPORT_KEY);
      saved = raw ? (JSON.parse(raw) as RestoreReport) : null;
    } catch {
      saved = null;
    }
  }
  return saved;
}

/** 从备份文件恢复: inspect a backup file (what it holds, any problem), then restore it after a confirmation. */
export function RestoreFileCard() {
  const [path, setPath] = useState('');
  const [inspection, setInspection] = useState<BackupInspection | null>(null);
  const [report, setReport] = useState<RestoreReport | null>(takeSavedReport);
  const [taskId, setTaskId] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [phase, setPhase] = useState<'inspect' | 'restore'>('inspect');
  const progress = useTaskProgress(taskId);
  const { saving, error, setError, run } = useSubmit();

  useEffect(() => {
    saved = null; // shown once; coming back to the page later does not show it again
  }, []);

  // A backup file double-clicked: the host checked its kind; it lands here at the inspect step.
  useStagedFile('backupFile', (f) => {
    if (!f.path || restoring) return;
    setPath(f.path);
    inspectPath(f.path);
  });

  const inspect = () => inspectPath(path);
  function inspectPath(raw: string): void {
    const p = raw.trim();
    if (!p || saving) return;
    setInspection(null);
    setReport(null);
    setPhase('inspect');
    void run(async () => setInspection(await desk.call('backupFile.inspect', { path: p })));
  }

  const confirm = useConfirmAct();
  const restore = async (insp: BackupInspection) => {
    const answer = await confirm.ask({
      title: '从备份文件恢复全部数据',
      actName: '恢复',
      danger: true,
      testId: 'confirm-restore-file',
      summary: (
        <Descriptions size="small" column={1} bordered styles={{ label: { width: 110 } }}>
          <Descriptions.Item label="备份文件">
            <span style={{ wordBreak: 'break-all' }}>{insp.path}</span>
          </Descriptions.Item>
          <Descriptions.Item label="备份时间">{insp.createdAt ? formatDateTime(insp.createdAt) : '备份时间不详'}</Descriptions.Item>
        </Descriptions>
      ),
      consequences: [
        '当前的全部数据、附件和操作日志由备份文件的内容替换，备份之后所做的修改将不再显示。',
        '恢复前先完整校验备份文件；当前数据先另存为一个快照（恢复前备份），如恢复有误，可从该快照恢复回来。',
        '恢复完成后程序重新载入。',
      ],
    });
    if (!answer) return;
    const id = newTaskId('backup-restore');
    setTaskId(id);
    setRestoring(true);
    setPhase('restore');
    void run(async () => {
      try {
        const out = await desk.call('backupFile.restore', { path: insp.path, taskId: id });
        sessionStorage.setItem(REPORT_KEY, JSON.stringify(out));
        // every page's data changed: start the app afresh (the report is shown again after the reload)
        window.location.reload();
      } finally {
        setRestoring(false);
      }
    });
  };

  return (
    <Card size="small" title="从备份文件恢复" data-testid="restore-file-card" style={{ marginBottom: 16 }}>
      <Flex gap={8}>
        <Input
          value={path}
          onChange={(e) => {
            setPath(e.target.value);
            setInspection(null);
          }}
          onPressEnter={inspect}
          placeholder="备份文件的完整路径，如 E:\工作台备份-20261125.ipcdesk-backup"
          aria-label="备份文件路径"
          allowClear
          disabled={restoring}
        />
        <BrowseButton
          pick="file"
          extensions={BACKUP_EXTENSIONS}
          value={path}
          onPick={(picked) => {
            setPath(picked);
            setInspection(null);
          }}
          disabled={restoring}
        />
        <Button icon={<FileSearchOutlined />} onClick={inspect} loading={saving && !restoring} disabled={!path.trim() || restoring}>
          检查备份文件
        </Button>
      </Flex>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6 }}>
        先检查备份文件的内容和完整性，确认无误后再恢复。工作台在本机运行，请填写本机（含已插入的U盘）上的文件路径，或点“浏览…”选择。
      </Typography.Text>
      <div style={error ? { marginTop: 12, marginBottom: -16 } : undefined}>
        <ErrorAlert
          error={error}
          title={phase === 'restore' ? '恢复失败，当前数据未改动' : '未能检查备份文件'}
          onClose={() => setError(null)}
        />
      </div>
      {inspection ? (
        <Alert
          type={inspection.ok ? 'info' : 'error'}
          showIcon
          data-testid="backup-inspection"
          title={inspection.ok ? '备份文件完好，可以恢复' : `备份文件有 ${inspection.problems.length} 处问题，不能恢复`}
          description={
            <>
              <Descriptions
                size="small"
                column={3}
                items={[
                  { key: 'at', label: '备份时间', children: inspection.createdAt ? formatDateTime(inspection.createdAt) : '不详' },
                  { key: 'ver', label: '程序版本', children: inspection.appVersion ?? '不详' },
                  { key: 'files', label: '文件数', children: `${inspection.files} 个` },
                ]}
              />
              {inspection.contents.length ? <div>包含：{inspection.contents.join('；')}</div> : null}
              {inspection.problems.length ? (
                <ul style={{ margin: '4px 0', paddingLeft: 20, maxHeight: 160, overflowY: 'auto' }}>
                  {inspection.problems.map((p, i) => (
                    <li key={i} style={{ wordBreak: 'break-all' }}>
                      {p}
                    </li>
                  ))}
                </ul>
              ) : null}
              {inspection.ok ? (
                <Button
                  danger
                  icon={<HistoryOutlined />}
                  onClick={() => void restore(inspection)}
                  loading={restoring}
                  style={{ marginTop: 8 }}
                >
                  恢复
                </Button>
              ) : null}
            </>
          }
          style={{ marginTop: 12 }}
        />
      ) : null}
      {restoring ? (
        <div style={{ marginTop: 8 }} data-testid="restore-file-progress">
          <Typography.Text>{progress?.label ?? '正在恢复…'}</Typography.Text>
          <Progress percent={percentOf(progress)} status="active" size="small" />
        </div>
      ) : null}
      {report ? (
        <Alert
          type="success"
          showIcon
          data-testid="restore-file-report"
          title={`已从备份文件恢复全部数据：${report.parts} 个数据部分、${report.attachmentsAdded} 个附件、${report.auditFiles} 个操作日志文件。`}
          description={
            <>
              <div style={{ wordBreak: 'break-all' }}>备份文件：{report.restoredFrom}</div>
              <div>恢复的内容：{report.contents.filter((c) => c.length <= SHORT).join('；') || '（无）'}</div>
              {report.contents.some((c) => c.length > SHORT && !c.includes(report.safetyBackup)) ? (
                <ul style={{ margin: '2px 0', paddingLeft: 20 }}>
                  {report.contents
                    .filter((c) => c.length > SHORT && !c.includes(report.safetyBackup))
                    .map((c, i) => (
                      <li key={i}>{c}</li>
                    ))}
                </ul>
              ) : null}
              <div>恢复前的数据已另存为“{report.safetyBackup}”，如需撤销，可在下方“自动备份”列表中从该备份恢复。</div>
            </>
          }
          closable={{ onClose: () => setReport(null) }}
          style={{ marginTop: 12 }}
        />
      ) : null}
      {confirm.element}
    </Card>
  );
}
