import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { ErrorAlert } from './ErrorAlert';

/** A reason asked for in the confirmation (e.g. a publicity that starts before today). */
export interface ConfirmReason {
  /** The field's label; the message names it. */
  label: string;
  /** Empty is refused (the confirm button says what is missing). */
  required: boolean;
  placeholder?: string;
  max?: number;
}

export interface ConfirmActOptions {
  title: string;
  /** The act's name on the confirm button, e.g. 发起公示, 取号并生成. */
  actName: string;
  /** What the act concerns: the list, the dates, the number that will be taken. */
  summary?: ReactNode;
  /** What follows, in plain Chinese, one sentence a line (shown under “确认后：”). */
  consequences?: readonly string[];
  /** A warning above everything else, e.g. that the number changed since the dialog was first shown. */
  notice?: ReactNode;
  reason?: ConfirmReason;
  /** Red confirm button (revoke, restore). */
  danger?: boolean;
  /** Shown below the consequences (e.g. a checkbox to acknowledge open items, a progress bar). */
  children?: ReactNode;
  width?: number;
  testId?: string;
}

interface Props extends ConfirmActOptions {
  open: boolean;
  /** The act is running: the confirm button shows it, Esc / 取消 still call onCancel. */
  busy?: boolean;
  /** The confirm button is disabled (besides a missing required reason). */
  confirmDisabled?: boolean;
  cancelText?: string;
  error?: unknown;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/**
 * The one confirmation before an irreversible step (公示, 认定, 取号, 撤销, 封存, 恢复): what will happen, then
 * 取消 (focused, the default) or the act. Enter never confirms: Enter on 取消 cancels, Enter in the reason field
 * adds a line, and a key press on the act's button counts only when the clerk moved there with Tab (a click
 * always counts). Esc cancels.
 */
export function ConfirmActModal({
  open,
  title,
  actName,
  summary,
  consequences,
  notice,
  reason,
  danger,
  children,
  width = 600,
  testId = 'confirm-act',
  busy,
  confirmDisabled,
  cancelText = '取消',
  error,
  onConfirm,
  onCancel,
}: Props) {
  const [text, setText] = useState('');
  // set when the act's button got the focus by Tab (its keyup lands there); any other focus clears it
  const armed = useRef(false);
  useEffect(() => {
    if (open) armed.current = false; // each opening starts disarmed, before the clerk can reach the button
  }, [open]);
  const reasonMissing = !!reason?.required && text.trim().length < 2;

  const confirm = (e: MouseEvent<HTMLElement>) => {
    // detail 0: a click synthesised from Enter/Space; only counts after the clerk tabbed to the button
    if (e.detail === 0 && !armed.current) return;
    if (reasonMissing || confirmDisabled || busy) return;
    onConfirm(text.trim());
  };
  const onKeyUp = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Tab') armed.current = true;
  };

  return (
    <Modal
      open={open}
      title={title}
      width={width}
      onCancel={onCancel}
      maskClosable={false}
      keyboard
      destroyOnHidden
      afterOpenChange={(opened) => {
        if (!opened) return;
        // The opening animation has ended: put the focus where the dialog starts (the reason, else 取消) unless
        // the clerk already tabbed to the act's button. (This once also disarmed the act's button, so on a busy machine a
        // clerk who had tabbed to 封存 before the animation ended found Enter doing nothing.)
        if (armed.current) return; // the clerk is on the act's button
        const dialog = document.querySelector<HTMLElement>(`[data-testid="${testId}"]`)?.closest<HTMLElement>('.ant-modal');
        dialog?.querySelector<HTMLElement>(reason ? 'textarea' : '[data-confirm-cancel]')?.focus();
      }}
      footer={[
        <Button key="cancel" onClick={onCancel} autoFocus={!reason} data-confirm-cancel>
          {cancelText}
        </Button>,
        <Button
          key="ok"
          type="primary"
          danger={danger}
          loading={busy}
          disabled={reasonMissing || confirmDisabled}
          onClick={confirm}
          onKeyUp={onKeyUp}
          onBlur={() => (armed.current = false)}
          data-testid={`${testId}-ok`}
        >
          {actName}
        </Button>,
      ]}
    >
      <div data-testid={testId}>
        {notice ? <Alert type="warning" showIcon title={notice} style={{ marginBottom: 12 }} data-testid={`${testId}-notice`} /> : null}
        <ErrorAlert error={error} title={`未能${actName}`} />
        {summary ? <div style={{ marginBottom: 12 }}>{summary}</div> : null}
        {consequences?.length ? (
          <div data-testid={`${testId}-consequences`}>
            <Typography.Text strong>确认后：</Typography.Text>
            <ul style={{ margin: '4px 0 12px', paddingLeft: 20 }}>
              {consequences.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {reason ? (
          <Form.Item
            label={reason.label}
            required={reason.required}
            layout="vertical"
            validateStatus={reasonMissing && text ? 'error' : undefined}
            help={reason.required ? `必须填写${reason.label}（至少2个字），记入记录和操作日志。` : undefined}
          >
            <Input.TextArea
              value={text}
              onChange={(e) => setText(e.target.value)}
              rows={2}
              maxLength={reason.max ?? 200}
              showCount
              aria-label={reason.label}
              placeholder={reason.placeholder}
            />
          </Form.Item>
        ) : null}
        {children}
      </div>
    </Modal>
  );
}

/** The confirmation asked for imperatively: `await ask(options)` resolves to the reason given, or null when cancelled. */
export function useConfirmAct(): { ask: (options: ConfirmActOptions) => Promise<{ reason: string } | null>; element: ReactNode } {
  const [pending, setPending] = useState<{ options: ConfirmActOptions; resolve: (r: { reason: string } | null) => void } | null>(null);
  const ask = useCallback(
    (options: ConfirmActOptions) => new Promise<{ reason: string } | null>((resolve) => setPending({ options, resolve })),
    [],
  );
  const element = pending ? (
    <ConfirmActModal
      {...pending.options}
      open
      onConfirm={(reason) => {
        setPending(null);
        pending.resolve({ reason });
      }}
      onCancel={() => {
        setPending(null);
        pending.resolve(null);
      }}
    />
  ) : null;
  return { ask, element };
}
