import { Flex, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';

/** The source of a PDF preview: bytes in memory (a live preview) or a file the core wrote. */
export type PdfSource = { kind: 'bytes'; data: Uint8Array } | { kind: 'file'; path: string };

export interface PdfPreviewProps {
  source: PdfSource;
}

/**
 * Stand-in for renderer/components/PdfPreview.tsx (the pdf.js preview being built alongside, same props):
 * says that the PDF is ready and how large it is. Swap the import for the real component when it lands.
 */
export function PdfPreview({ source }: PdfPreviewProps) {
  const what = source.kind === 'bytes' ? `${Math.max(1, Math.round(source.data.byteLength / 1024))} KB` : source.path;
  return (
    <Flex
      align="center"
      gap={8}
      data-testid="pdf-preview"
      data-bytes={source.kind === 'bytes' ? source.data.byteLength : undefined}
      style={{ padding: '8px 12px', border: '1px dashed #d9d9d9', borderRadius: 6, background: '#fafafa' }}
    >
      <FilePdfOutlined style={{ color: '#cf1322', fontSize: 18 }} />
      <Typography.Text type="secondary">PDF 已按当前文本生成（{what}），页面预览将在 PDF 预览组件接入后显示于此。</Typography.Text>
    </Flex>
  );
}
