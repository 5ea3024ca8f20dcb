import { useRef, useState } from 'react';
import { App } from 'antd';
import { uploadFile } from '../rpc';

/** What an import method answers, in a dry run and for real. */
interface ImportAnswer {
  errors: readonly unknown[];
  validRows: number;
  message: string;
}

interface Options {
  onImported: () => void;
  onClose: () => void;
  /** Clears the dialog's own state (e.g. a reason field) with the hook's. */
  onReset?: () => void;
  /** Sees an error of the real import before it is shown (e.g. NEEDS_REASON asks for a reason). */
  onApplyError?: (err: unknown) => void;
}

/**
 * The Excel import flow shared by the import dialogs: choose a file → upload → check every row (dry run)
 * → 全部导入 only when nothing is wrong, with the same upload. `run` calls the API method.
 */
export function useExcelImport<R extends ImportAnswer>(run: (uploadId: string, dryRun: boolean) => Promise<R>, opts: Options) {
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [staged, setStaged] = useState<{ uploadId: string; name: string } | null>(null);
  const [report, setReport] = useState<R | null>(null);

  function reset(): void {
    setError(null);
    setStaged(null);
    setReport(null);
    opts.onReset?.();
  }
  function close(): void {
    reset();
    opts.onClose();
  }

  async function check(file: File | undefined): Promise<void> {
    if (!file) return;
    reset();
    setBusy(true);
    try {
      const { uploadId } = await uploadFile(file);
      setStaged({ uploadId, name: file.name });
      setReport(await run(uploadId, true));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  async function apply(): Promise<void> {
    if (!staged) return;
    setBusy(true);
    setError(null);
    try {
      const done = await run(staged.uploadId, false);
      message.success(done.message);
      opts.onImported();
      close();
    } catch (err) {
      opts.onApplyError?.(err);
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const clean = !!report && !report.errors.length && report.validRows > 0;
  return { input, busy, error, staged, report, clean, check, apply, close };
}
