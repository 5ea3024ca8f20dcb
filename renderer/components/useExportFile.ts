import { useState } from 'react';
import { App } from 'antd';
import type { ExportedFile } from '../../electron/core/contract/index.js';
import { DeskApiError, errorMessage } from '../rpc';
import type { OfdSource } from './useOfdExport';

export interface LastFile {
  file: ExportedFile;
  kind: string;
  /** How to get the same official document as OFD (offered as 另存为 OFD beside the PDF). */
  ofd?: OfdSource;
}

/**
 * Runs one export at a time; the page shows `last` as a banner with the download link. For an official
 * document, `ofd` says how to get its OFD (the same method with `fileType: 'ofd'`).
 */
export function useExportFile() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [last, setLast] = useState<LastFile | null>(null);

  async function run(kind: string, produce: () => Promise<ExportedFile>, ofd?: OfdSource): Promise<void> {
    setBusy(kind);
    try {
      setLast({ file: await produce(), kind, ...(ofd ? { ofd } : {}) });
    } catch (err) {
      if (err instanceof DeskApiError && err.code === 'CANCELLED') return; // the clerk declined a confirmation
      message.error({ content: `生成${kind}失败：${errorMessage(err)}`, duration: 8 });
    } finally {
      setBusy(null);
    }
  }
  return { busy, last, clearLast: () => setLast(null), run };
}
