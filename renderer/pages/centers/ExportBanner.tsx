import { Alert } from 'antd';
import type { LastFile } from '../../components/useExportFile';
import { ExportResult } from '../../components/ExportResult';

/** The last exported file of a page, with its download link. */
export function ExportBanner({ last, onClose }: { last: LastFile | null; onClose: () => void }) {
  if (!last) return null;
  return (
    <Alert
      type="success"
      showIcon
      closable={{ onClose }}
      title={<ExportResult file={last.file} kind={last.kind} ofd={last.ofd} />}
      style={{ marginBottom: 12 }}
    />
  );
}
