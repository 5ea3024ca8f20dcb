import { useState } from 'react';
import { App } from 'antd';
import type { ExportedFile } from '../../electron/core/contract/index.js';
import { DeskApiError, errorMessage } from '../rpc';

export interface LastFile {
  file: ExportedFile;
  kind: string;
}

/** Runs one export at a time; the page shows `last` as a banner with the download link. */
export function useExportFile() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [last, setLast] = useState<LastFile | null>(null);

  async function run(kind: string, produce: () => Promise<ExportedFile>): Promise<void> {
    setBusy(kind);
    try {
      setLast({ file: await produce(), kind });
    } catch (err) {
      if (err instanceof DeskApiError && err.code === 'CANCELLED') return; // the clerk declined a confirmation
      message.error({ content: `生成${kind}失败：${errorMessage(err)}`, duration: 8 });
    } finally {
      setBusy(null);
    }
  }
  return { busy, last, clearLast: () => setLast(null), run };
}
