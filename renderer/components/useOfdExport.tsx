import { useState, type ReactNode } from 'react';
import { App, Button, Typography } from 'antd';
import { FileProtectOutlined } from '@ant-design/icons';
import type { ExportedFile } from '../../electron/core/contract/index.js';
import { desk, DeskApiError, errorMessage } from '../rpc';
import { formatSize } from '../format';

/** Why an official document is offered as OFD too (the button's tooltip). */
export const OFD_HINT = '在政务系统中归档、流转用 OFD 版式文件（GB/T 33190），与 PDF 版面、文号相同';

/**
 * How to get the OFD of the document just exported: the method that printed the PDF, called again with
 * `fileType: 'ofd'`. For a numbered document this is a reprint (the same 发文字号, nothing taken), so pass
 * the record (round, review…) explicitly, never a confirmation's `expectedDocNumber`.
 */
export type OfdSource = () => Promise<ExportedFile>;

/**
 * 「另存为 OFD」 beside a PDF of an official document (export message and preview pane): `button` asks the
 * core for the OFD, `result` then says where it went, in the export message's words. Nothing when `source`
 * is not given (rosters, xlsx, files that are not official documents).
 */
export function useOfdExport(
  source: OfdSource | undefined,
  opts: { kind?: string; link?: boolean } = {},
): { button: ReactNode; result: ReactNode } {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<ExportedFile | null>(null);
  if (!source) return { button: null, result: null };
  const kind = `${opts.kind ?? ''}（OFD）`;
  async function save(): Promise<void> {
    setBusy(true);
    try {
      setFile(await source!());
    } catch (err) {
      if (!(err instanceof DeskApiError && err.code === 'CANCELLED'))
        message.error({ content: `生成${kind}失败：${errorMessage(err)}`, duration: 8 });
    } finally {
      setBusy(false);
    }
  }
  const url = file ? desk.exportUrl(file) : null;
  return {
    button: (
      <Button
        size="small"
        type={opts.link ? 'link' : 'default'}
        icon={<FileProtectOutlined />}
        loading={busy}
        title={OFD_HINT}
        onClick={() => void save()}
        data-testid="save-ofd"
        style={opts.link ? { paddingInline: 4, height: 'auto' } : undefined}
      >
        另存为 OFD
      </Button>
    ),
    result: file ? (
      <span data-testid="ofd-result">
        已导出{kind}：{file.fileName}（{formatSize(file.size)}）。
        {url ? (
          <a href={url} download={file.fileName} data-testid="ofd-download">
            点击下载
          </a>
        ) : (
          <Typography.Text copyable={{ text: file.path }}>保存位置：{file.path}</Typography.Text>
        )}
      </span>
    ) : null,
  };
}
