import { useState } from 'react';
import { Button, Typography } from 'antd';
import { EyeOutlined, PrinterOutlined } from '@ant-design/icons';
import type { ExportedFile } from '../../electron/core/contract/index.js';
import { desk } from '../rpc';
import { formatSize } from '../format';
import { ExportPreview } from './ExportPreview';
import { canPreview, exportFormat } from './exportFormat';
import { usePrintPdf } from './usePrintPdf';
import { useOfdExport, type OfdSource } from './useOfdExport';

const linkStyle = { paddingInline: 4, height: 'auto' } as const;

/**
 * Message body after an export: the file name, a download link (web) or the saved path (Electron), and 预览
 * (PDF in the viewer, xlsx as a table) and 打印 (PDF) — printing straight from the message, without the preview.
 * An official document's PDF also offers 另存为 OFD when `ofd` says how to get it (the same method, `fileType: 'ofd'`).
 */
export function ExportResult({ file, kind, ofd }: { file: ExportedFile; kind: string; ofd?: OfdSource | undefined }) {
  const url = desk.exportUrl(file);
  const printer = usePrintPdf();
  const [preview, setPreview] = useState(false);
  const isPdf = exportFormat(file.fileName) === 'pdf';
  const ofdExport = useOfdExport(isPdf ? ofd : undefined, { kind, link: true });
  return (
    <span data-testid="export-result">
      已导出{kind}：{file.fileName}（{formatSize(file.size)}）。
      {url ? (
        <a href={url} download={file.fileName} data-testid="export-download">
          点击下载
        </a>
      ) : (
        <Typography.Text copyable={{ text: file.path }}>保存位置：{file.path}</Typography.Text>
      )}
      {canPreview(file.fileName) ? (
        <Button
          type="link"
          size="small"
          icon={<EyeOutlined />}
          onClick={() => setPreview(true)}
          data-testid="export-preview"
          style={linkStyle}
        >
          预览
        </Button>
      ) : null}
      {isPdf ? (
        <Button
          type="link"
          size="small"
          icon={<PrinterOutlined />}
          loading={printer.busy}
          onClick={() => void printer.print({ kind: 'file', path: file.path }, file.fileName)}
          data-testid="export-print"
          style={linkStyle}
        >
          打印
        </Button>
      ) : null}
      {ofdExport.button}
      {ofdExport.result ? <div style={{ marginTop: 4 }}>{ofdExport.result}</div> : null}
      <ExportPreview
        file={preview ? file : null}
        kind={kind}
        {...(isPdf && ofd ? { ofd } : {})}
        printer={printer}
        onClose={() => setPreview(false)}
      />
      {printer.node}
    </span>
  );
}
