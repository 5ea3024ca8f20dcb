import { useRef, useState } from 'react';
import { Alert, App, Button, Flex, Popconfirm, Typography } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { AnnualSummary } from '../../../electron/core/contract/index.js';
import { desk, errorMessage, uploadFile } from '../../rpc';
import { formatSize } from '../../format';
import { StoredFileLink } from '../../components/StoredFileLink';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx';

/** Uploads and attaches files to a saved summary; returns the refusals (Chinese sentences). */
export async function attachFiles(year: number, centerId: string, files: File[], onSaved: (s: AnnualSummary) => void): Promise<string[]> {
  const refused: string[] = [];
  for (const file of files) {
    try {
      const { uploadId } = await uploadFile(file);
      onSaved(await desk.call('summaries.attachFile', { year, centerId, uploadId, fileName: file.name }));
    } catch (err) {
      refused.push(errorMessage(err));
    }
  }
  return refused;
}

interface Props {
  year: number;
  centerId: string;
  /** The saved summary (files attach at once) or null (files wait in `pending` until the first save). */
  summary: AnnualSummary | null;
  pending: File[];
  setPending: (files: File[]) => void;
  readOnly: boolean;
  onChanged: (s: AnnualSummary) => void;
}

/** 附件: the summary's files (open, remove) and an upload button. */
export function SummaryFiles({ year, centerId, summary, pending, setPending, readOnly, onChanged }: Props) {
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function pick(list: FileList | null): Promise<void> {
    const files = Array.from(list ?? []);
    if (input.current) input.current.value = '';
    if (!files.length) return;
    setProblem(null);
    if (!summary) {
      setPending([...pending, ...files]);
      return;
    }
    setBusy(true);
    const refused = await attachFiles(year, centerId, files, onChanged);
    setBusy(false);
    if (refused.length) setProblem(refused.join(' '));
    if (refused.length < files.length) message.success('附件已上传。');
  }

  async function remove(sha256: string): Promise<void> {
    try {
      onChanged(await desk.call('summaries.removeFile', { year, centerId, sha256 }));
    } catch (err) {
      setProblem(errorMessage(err));
    }
  }

  return (
    <div data-testid="summary-files">
      <Flex align="center" gap={8} style={{ marginBottom: 4 }}>
        <Typography.Text>附件</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          PDF、JPG、PNG、DOCX、XLSX，单个不超过50 MB{summary ? '' : '；保存总结时一并上传'}
        </Typography.Text>
        {readOnly ? null : (
          <>
            <input
              ref={input}
              type="file"
              multiple
              accept={ACCEPT}
              style={{ display: 'none' }}
              aria-label="上传总结附件"
              onChange={(e) => void pick(e.target.files)}
            />
            <Button
              size="small"
              icon={<UploadOutlined />}
              loading={busy}
              onClick={() => input.current?.click()}
              style={{ marginLeft: 'auto' }}
            >
              上传附件
            </Button>
          </>
        )}
      </Flex>
      {summary?.files.map((f) => (
        <Flex key={f.sha256} align="center" gap={8} data-testid="summary-file">
          <PaperClipOutlined style={{ color: '#8c8c8c' }} />
          <StoredFileLink sha256={f.sha256} name={f.name} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatSize(f.size)}
          </Typography.Text>
          {readOnly ? null : (
            <Popconfirm title={`删除附件“${f.name}”？`} okText="删除" cancelText="取消" onConfirm={() => void remove(f.sha256)}>
              <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`删除${f.name}`} />
            </Popconfirm>
          )}
        </Flex>
      ))}
      {pending.map((f, i) => (
        <Flex key={`${f.name}-${i}`} align="center" gap={8} data-testid="summary-file-pending">
          <PaperClipOutlined style={{ color: '#8c8c8c' }} />
          <Typography.Text>{f.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatSize(f.size)} · 待上传
          </Typography.Text>
          <Button
            type="text"
            size="small"
            danger
            icon={<DeleteOutlined />}
            aria-label={`删除${f.name}`}
            onClick={() => setPending(pending.filter((_, j) => j !== i))}
          />
        </Flex>
      ))}
      {!summary?.files.length && !pending.length ? <Typography.Text type="secondary">未上传附件。</Typography.Text> : null}
      {problem ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={problem}
          closable={{ onClose: () => setProblem(null) }}
          style={{ marginTop: 8 }}
          data-testid="upload-error"
        />
      ) : null}
    </div>
  );
}
