import { useState } from 'react';
import { Button, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import type { ExportedFile } from '../../electron/core/contract/index.js';
import { desk } from '../rpc';
import { formatSize } from '../format';
import { PdfPreviewModal } from './PdfPreviewModal';
import { exportedPdf, type PdfSource } from './pdfjs';

/** Message body after an export: the file name, a download link (web) or the saved path (Electron), and 预览 for a PDF. */
export function ExportResult({ file, kind }: { file: ExportedFile; kind: string }) {
  const url = desk.exportUrl(file);
  const pdf = exportedPdf(file);
  const [preview, setPreview] = useState<PdfSource | null>(null);
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
      {pdf ? (
        <>
          <Button
            type="link"
            size="small"
            icon={<EyeOutlined />}
            onClick={() => setPreview(pdf)}
            data-testid="export-preview"
            style={{ paddingInline: 4, height: 'auto' }}
          >
            预览
          </Button>
          <PdfPreviewModal title={`预览：${file.fileName}`} source={preview} onClose={() => setPreview(null)} />
        </>
      ) : null}
    </span>
  );
}
