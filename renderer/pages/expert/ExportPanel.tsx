import { useState } from 'react';
import { Alert, App, Button, Flex, List, Modal, Typography } from 'antd';
import { DeleteOutlined, ExportOutlined } from '@ant-design/icons';
import type { ExpertState, ExportedFile, WipeReport } from '../../../electron/core/contract/index.js';
import { desk, DeskApiError } from '../../rpc';
import { ExportResult } from '../../components/ExportResult';
import { ErrorAlert } from '../../components/ErrorAlert';
import { refocusAutoFocus } from '../../components/refocusAutoFocus';

interface Props {
  open: boolean;
  state: ExpertState;
  onClose: () => void;
  /** After 导出 (exportedVersions changed) and after 清除 (the package is gone: its report). */
  onChanged: (wiped?: WipeReport) => void;
}

/** What is still missing, application by application, from the server's draft checks. */
export function missingList(state: ExpertState): { unitName: string; problems: string[] }[] {
  const pkg = state.package;
  if (!pkg) return [];
  return pkg.applications
    .map((a) => {
      const d = state.drafts[a.id];
      return { unitName: a.unitName, problems: d ? (d.complete ? [] : d.problems) : ['尚未评分'] };
    })
    .filter((m) => m.problems.length);
}

/** The folder an exported file was written to (its path without the file name). */
function exportsFolder(file: ExportedFile): string {
  return file.path.endsWith(file.relPath) ? file.path.slice(0, file.path.length - file.relPath.length).replace(/[\\/]$/, '') : file.path;
}

/** 导出评分结果 and then 清除本机评审数据 (only after the result file was saved). */
export function ExportPanel({ open, state, onClose, onChanged }: Props) {
  const { modal } = App.useApp();
  const pkg = state.package;
  const [busy, setBusy] = useState<'export' | 'wipe' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [file, setFile] = useState<ExportedFile | null>(null);
  // Web: the expert must click the download link; desktop: the file is already written to disk.
  const [saved, setSaved] = useState(false);
  const missing = missingList(state);
  const refusal =
    error instanceof DeskApiError && Array.isArray((error.details as { problems?: unknown } | undefined)?.problems)
      ? (error.details as { problems: string[] }).problems
      : null;

  async function exportResult(): Promise<void> {
    setBusy('export');
    setError(null);
    try {
      const f = await desk.call('expert.exportResult', {});
      setFile(f);
      setSaved(desk.exportUrl(f) === null);
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }

  function confirmWipe(): void {
    if (!pkg) return;
    const draftCount = Object.keys(state.drafts).length;
    const fileCount = new Set(pkg.applications.flatMap((a) => a.materials.flatMap((m) => m.files.map((f) => f.sha256)))).size;
    modal.confirm({
      title: '清除本机评审数据？',
      okText: '确认清除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      width: 520,
      content: (
        <div data-testid="wipe-confirm">
          <p style={{ marginBottom: 8 }}>将从本机永久删除（删除前先覆盖文件内容）：</p>
          <ul style={{ paddingLeft: 20, marginBottom: 8 }}>
            <li>
              评审包：{pkg.batchTitle}（{pkg.expertName}，{pkg.applications.length}份申报）
            </li>
            <li>评分草稿 {draftCount} 份，连同草稿的备份副本和临时文件</li>
            <li>申报材料文件 {fileCount} 个，连同打开过的材料副本</li>
          </ul>
          <p style={{ marginBottom: 0 }} data-testid="wipe-keeps">
            已导出的评分结果文件{file ? `“${file.fileName}”` : ''}已加密，不会删除，仍保留在
            {file ? `导出文件夹 ${exportsFolder(file)} 中` : '导出文件夹中'}
            ，请交回秘书处后自行删除。清除后无法恢复；如需修改评分，须请秘书处重新发放评审包。
          </p>
        </div>
      ),
      onOk: async () => {
        setBusy('wipe');
        try {
          onChanged(await desk.call('expert.wipe', {}));
        } catch (err) {
          setError(err);
        } finally {
          setBusy(null);
        }
      },
    });
  }

  return (
    <Modal
      afterOpenChange={refocusAutoFocus}
      open={open}
      title="导出评分结果"
      onCancel={onClose}
      footer={null}
      width={640}
      destroyOnHidden
      data-testid="export-panel"
    >
      {missing.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`还有 ${missing.length} 份申报的评分未完成，完成后才能导出`}
          description={
            <List
              size="small"
              split={false}
              dataSource={missing}
              renderItem={(m) => (
                <List.Item style={{ padding: '2px 0', display: 'block' }} data-testid="missing-item">
                  <Typography.Text strong>{m.unitName}</Typography.Text>：{m.problems.join('；')}
                </List.Item>
              )}
            />
          }
        />
      ) : (
        <Typography.Paragraph>
          全部 {pkg?.applications.length ?? 0} 份申报已评分完成。导出的评分结果文件已加密并签名，请保存到U盘交回秘书处。
          {state.exportedVersions && !file
            ? `（本机已导出过 ${state.exportedVersions} 次，再次导出将生成第 ${state.exportedVersions + 1} 版，秘书处以最新版为准。）`
            : ''}
        </Typography.Paragraph>
      )}
      {refusal ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          title="评分结果未导出"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {refusal.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      ) : (
        <ErrorAlert error={error} title="操作未完成" />
      )}
      <Flex gap={8} style={{ marginBottom: file ? 12 : 0 }}>
        <Button
          type={file ? 'default' : 'primary'}
          icon={<ExportOutlined />}
          disabled={missing.length > 0}
          loading={busy === 'export'}
          onClick={() => void exportResult()}
          autoFocus={!missing.length}
          data-autofocus={!missing.length || undefined}
        >
          {file ? '重新导出' : '导出评分结果文件'}
        </Button>
        <Button onClick={onClose}>返回评分</Button>
      </Flex>
      {file ? (
        <>
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 12 }}
            title="评分结果文件已生成"
            description={
              <div
                onClickCapture={(e) => {
                  if ((e.target as HTMLElement).closest('a')) setSaved(true);
                }}
              >
                <ExportResult file={file} kind="评分结果文件" />
                {desk.exportUrl(file) ? <div style={{ marginTop: 4 }}>请点击下载并保存到U盘，交回秘书处。</div> : null}
              </div>
            }
          />
          <Flex align="center" gap={12} style={{ borderTop: '1px solid #f0f0f0', paddingTop: 12 }}>
            <Button danger icon={<DeleteOutlined />} disabled={!saved} loading={busy === 'wipe'} onClick={confirmWipe}>
              清除本机评审数据
            </Button>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {saved
                ? '评分结果文件已保存。评审结束后建议清除本机的评审包、草稿和材料。'
                : '请先下载保存评分结果文件，再清除本机评审数据。'}
            </Typography.Text>
          </Flex>
        </>
      ) : null}
    </Modal>
  );
}
