import { Descriptions, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { NumberPreview } from '../../electron/core/contract/index.js';
import { DeskApiError } from '../rpc';
import { formatDate } from '../format';
import type { ConfirmActOptions } from './ConfirmActModal';

type Ask = (options: ConfirmActOptions) => Promise<{ reason: string } | null>;

/** The clerk declined the confirmation: nothing was done (useExportFile stays silent on it). */
export const declined = (what: string): DeskApiError => new DeskApiError({ code: 'CANCELLED', message: `已取消，未${what}。` });

/** True for the core's refusal because another document took the number the confirmation showed. */
export function isNumberChanged(err: unknown): err is DeskApiError {
  return (
    err instanceof DeskApiError && err.code === 'CONFLICT' && (err.details as { field?: string } | undefined)?.field === 'expectedDocNumber'
  );
}

/** The summary lines of a numbered document: the number that will be taken, its 成文日期 and addressee. */
export function NumberSummary({ preview, extra }: { preview: NumberPreview; extra?: ReactNode }) {
  return (
    <Descriptions size="small" column={1} bordered styles={{ label: { width: 120 } }}>
      <Descriptions.Item label="文书">{preview.title}</Descriptions.Item>
      <Descriptions.Item label="主送/对象">{preview.addressee}</Descriptions.Item>
      <Descriptions.Item label="将取用发文字号">
        <Typography.Text strong data-testid="confirm-doc-number">
          {preview.docNumber}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label="成文日期">{formatDate(preview.issuedOn)}</Descriptions.Item>
      {extra}
    </Descriptions>
  );
}

/**
 * A numbered act after its look: preview (takes nothing) → confirmation showing the number → the act with that
 * number (`expectedDocNumber`). When another document took it meanwhile, the core refuses taking none; the
 * confirmation is shown again with the new number and says that it changed. Resolves to null when declined.
 */
export async function confirmNumbered<P extends { docNumber: string; reprint?: boolean }, R>(
  ask: Ask,
  preview: () => Promise<P>,
  options: (p: P) => ConfirmActOptions,
  act: (p: P, reason: string) => Promise<R>,
): Promise<R | null> {
  let changedFrom: string | null = null;
  for (;;) {
    const p = await preview();
    if (p.reprint) return act(p, ''); // numbered already: a reprint takes nothing
    const o = options(p);
    const answer = await ask(
      changedFrom
        ? { ...o, notice: `发文字号已变化：刚才显示的${changedFrom}已被其他文书取用，现在将取用${p.docNumber}。请核对后再确认。` }
        : o,
    );
    if (!answer) return null;
    try {
      return await act(p, answer.reason);
    } catch (err) {
      if (!isNumberChanged(err)) throw err;
      changedFrom = p.docNumber;
    }
  }
}
