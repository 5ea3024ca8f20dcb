import { useState } from 'react';
import { App } from 'antd';
import type { ExportedFile } from '../../../electron/core/contract/index.js';
import { desk, errorMessage } from '../../rpc';

export type ExportKind = 'xlsx' | 'pdf';
const KIND_LABEL: Record<ExportKind, string> = { xlsx: 'Excel', pdf: 'PDF' };

export interface LastExport {
  file: ExportedFile;
  kind: string;
}

/** Runs batches.exportXlsx / exportPdf; the page shows `last` (file name + link); failures come as an error message. */
export function useBatchExport(year: number | undefined) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<ExportKind | null>(null);
  const [last, setLast] = useState<LastExport | null>(null);

  async function run(kind: ExportKind): Promise<void> {
    setBusy(kind);
    try {
      const input = year === undefined ? {} : { year };
      const file = kind === 'xlsx' ? await desk.call('batches.exportXlsx', input) : await desk.call('batches.exportPdf', input);
      // shown as an alert at the top of the page (with the download link), not a toast that vanishes
      setLast({ file, kind: KIND_LABEL[kind] });
    } catch (err) {
      message.error({ content: `导出${KIND_LABEL[kind]}失败：${errorMessage(err)}`, duration: 8 });
    } finally {
      setBusy(null);
    }
  }

  return { busy, last, clearLast: () => setLast(null), run };
}
