import { Typography } from 'antd';
import type { ExportedFile } from '../../electron/core/contract/index.js';
import { desk } from '../rpc';
import { formatSize } from '../format';

/** Message body after an export: the file name and a download link (web) or the saved path (Electron). */
export function ExportResult({ file, kind }: { file: ExportedFile; kind: string }) {
  const url = desk.exportUrl(file);
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
    </span>
  );
}
