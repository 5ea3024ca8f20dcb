import { useRef, useState } from 'react';
import { Button, Card, Flex, Form, Input, Typography } from 'antd';
import { FileProtectOutlined, ImportOutlined, InfoCircleOutlined, UploadOutlined } from '@ant-design/icons';
import type { ImportPackageReport } from '../../../electron/core/contract/index.js';
import { desk, DeskApiError, uploadFile } from '../../rpc';
import { formatSize } from '../../format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useStagedFile, type StagedOpenFile } from '../setup/openFile';

interface Props {
  /** Called after a successful import (the shell reloads the state). */
  onImported: (report: ImportPackageReport) => void;
  /** Shown when a package is already here (导入更新的评审包). */
  onCancel?: () => void;
}

/** 导入评审包: pick the .ipcdpkg file from the USB stick, type the one-time code, import. */
export function ImportPackage({ onImported, onCancel }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The staged upload of the picked file, reused when the code was wrong (no second upload).
  const staged = useRef<{ file: File; uploadId: string } | null>(null);
  // A package double-clicked on the USB stick: checked and staged by the host; only the code is left to type.
  const [opened, setOpened] = useState<StagedOpenFile | null>(null);
  useStagedFile('expertPackage', (f) => {
    setOpened(f);
    setFile(null);
    staged.current = null;
    setError(null);
    setTimeout(() => codeRef.current?.focus(), 0);
  });

  function pick(list: FileList | null): void {
    const f = list?.[0];
    if (input.current) input.current.value = '';
    if (!f) return;
    setFile(f);
    setOpened(null);
    setError(null);
    staged.current = null;
    setTimeout(() => codeRef.current?.focus(), 0);
  }

  async function stage(f: File): Promise<string> {
    if (staged.current?.file === f) return staged.current.uploadId;
    const { uploadId } = await uploadFile(f);
    staged.current = { file: f, uploadId };
    return uploadId;
  }

  async function submit(): Promise<void> {
    if (!file && !opened) {
      setError(new DeskApiError({ code: 'INVALID_INPUT', message: '请先选择评审包文件（扩展名 .ipcdpkg，通常在秘书处交给您的U盘里）。' }));
      return;
    }
    if (!code.trim()) {
      setError(new DeskApiError({ code: 'INVALID_INPUT', message: '请输入评审任务通知单上的一次性口令。' }));
      codeRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      let report: ImportPackageReport;
      try {
        report = await desk.call('expert.importPackage', { uploadId: opened?.uploadId ?? (await stage(file!)), code });
      } catch (err) {
        // The staged upload may have expired: stage again once.
        if (!(err instanceof DeskApiError) || err.code !== 'NOT_FOUND' || !staged.current || !file) throw err;
        staged.current = null;
        report = await desk.call('expert.importPackage', { uploadId: await stage(file), code });
      }
      staged.current = null;
      setOpened(null);
      onImported(report);
    } catch (err) {
      setError(err);
      codeRef.current?.focus();
      codeRef.current?.select();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Flex justify="center" style={{ paddingTop: 24 }}>
      <Card
        style={{ width: 620 }}
        title={
          <Flex align="center" gap={8}>
            <FileProtectOutlined /> 导入评审包
          </Flex>
        }
        extra={onCancel ? <Button onClick={onCancel}>返回评审工作台</Button> : null}
        data-testid="import-package"
      >
        <Typography.Paragraph type="secondary">
          评审包由秘书处用U盘交给您，已加密；一次性口令印在“评审任务通知单”上。导入后即可离线评分，评审包中的材料只保存在本机。
        </Typography.Paragraph>
        <ErrorAlert error={error} title="未能导入评审包" onClose={() => setError(null)} />
        <Form layout="vertical" onFinish={() => void submit()} requiredMark={false}>
          <Form.Item label="1. 评审包文件" required>
            <input
              ref={input}
              type="file"
              accept=".ipcdpkg"
              hidden
              style={{ display: 'none' }}
              aria-label="选择评审包文件"
              onChange={(e) => pick(e.target.files)}
            />
            <Flex align="center" gap={12} wrap>
              <Button icon={<UploadOutlined />} onClick={() => input.current?.click()} autoFocus={!opened}>
                {file || opened ? '重新选择…' : '选择评审包文件…'}
              </Button>
              {file ? (
                <Typography.Text data-testid="picked-file">
                  {file.name}（{formatSize(file.size)}）
                </Typography.Text>
              ) : opened ? (
                <Typography.Text data-testid="picked-file">
                  {opened.fileName}（{formatSize(opened.size)}，已双击打开）
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary">扩展名为 .ipcdpkg</Typography.Text>
              )}
            </Flex>
          </Form.Item>
          <Form.Item label="2. 一次性口令" required extra="不区分大小写，短横线和空格可输可不输，如 K7QM-3XTR-9PWD。">
            <Input
              ref={(el) => {
                codeRef.current = el?.input ?? null;
              }}
              aria-label="一次性口令"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              placeholder="请输入评审任务通知单上的口令"
              autoComplete="off"
              spellCheck={false}
              maxLength={64}
              style={{ fontFamily: 'Consolas, "Courier New", monospace', fontSize: 16, letterSpacing: 1 }}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<ImportOutlined />} loading={busy}>
            {busy ? '正在解密并导入…' : '导入评审包'}
          </Button>
        </Form>
        <Typography.Paragraph
          type="secondary"
          style={{ marginTop: 20, marginBottom: 0, paddingTop: 12, borderTop: '1px solid #f0f0f0', fontSize: 13 }}
        >
          <InfoCircleOutlined /> 评审结束后，在“导出评分结果”中导出评分结果文件交回秘书处，然后可一键清除本机的评审包、草稿和材料。
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
