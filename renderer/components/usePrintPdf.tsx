import { useRef, useState, type ReactNode } from 'react';
import { App, Button, Modal, Progress, Typography } from 'antd';
import { errorMessage } from '../rpc';
import { isInvalidPdf, type PdfSource } from './pdfjs';
import { PageRangeError, printPdf, type PrintOutcome, type PrintProgress } from './printPdf';

/**
 * 打印 for any PDF the desk produced: draws the pages for printing (a dialog shows 第 n / N 页 with 取消, so a
 * 300-certificate batch never looks frozen), then opens the system print dialog. Render `node` once.
 * `print` resolves to the outcome, or null when it failed (the error is shown) or was cancelled here.
 */
export function usePrintPdf(): {
  print: (source: PdfSource, title: string, range?: string) => Promise<PrintOutcome | null>;
  busy: boolean;
  node: ReactNode;
} {
  const { message } = App.useApp();
  const [job, setJob] = useState<{ title: string; progress: PrintProgress } | null>(null);
  const abort = useRef<AbortController | null>(null);

  async function print(source: PdfSource, title: string, range?: string): Promise<PrintOutcome | null> {
    if (abort.current) return null; // one print at a time
    const ctrl = new AbortController();
    abort.current = ctrl;
    setJob({ title, progress: { done: 0, total: 0 } });
    try {
      const outcome = await printPdf(source, {
        signal: ctrl.signal,
        onProgress: (progress) => setJob({ title, progress }),
        ...(range ? { range } : {}),
      });
      if (outcome.printed === false && !outcome.cancelled)
        message.error({ content: `打印未完成：${outcome.reason || '打印机没有接受任务'}`, duration: 8 });
      return outcome.cancelled ? null : outcome;
    } catch (err) {
      if (err instanceof PageRangeError) {
        message.error({ content: err.message, duration: 8 });
        return null;
      }
      const why = isInvalidPdf(err) ? '文件不是有效的 PDF，或已损坏。请重新生成后再打印。' : errorMessage(err);
      message.error({ content: `无法打印“${title}”：${why}`, duration: 8 });
      return null;
    } finally {
      abort.current = null;
      setJob(null);
    }
  }

  const p = job?.progress;
  const node = (
    <Modal
      open={job !== null}
      title="正在准备打印"
      closable={false}
      maskClosable={false}
      onCancel={() => abort.current?.abort()}
      width={440}
      destroyOnHidden
      footer={
        <Button autoFocus onClick={() => abort.current?.abort()}>
          取消
        </Button>
      }
    >
      <div data-testid="print-progress">
        <Typography.Paragraph ellipsis style={{ marginBottom: 8 }}>
          {job?.title}
        </Typography.Paragraph>
        <Progress percent={p && p.total ? Math.floor((p.done / p.total) * 100) : 0} status="active" />
        <Typography.Text type="secondary">
          {p && p.total ? `正在绘制第 ${Math.min(p.done + 1, p.total)} / ${p.total} 页，完成后将打开打印对话框。` : '正在读取文件…'}
        </Typography.Text>
      </div>
    </Modal>
  );
  return { print, busy: job !== null, node };
}
