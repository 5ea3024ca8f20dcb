import type { ReactNode } from 'react';
import { Form, Input, Modal, Typography } from 'antd';
import { ErrorAlert } from './ErrorAlert';
import { useSubmit } from './useSubmit';
import { refocusAutoFocus } from './refocusAutoFocus';
import { useDirtyGuard } from './dirtyGuard';

interface Props {
  open: boolean;
  title: string;
  /** What is being done, one or two sentences. */
  intro?: ReactNode;
  label?: string;
  okText: string;
  danger?: boolean;
  /** Optional reason (experts.retire): empty is allowed. */
  optional?: boolean;
  /** Several lines (Enter then adds a line; Ctrl+Enter is not bound: the OK button saves). */
  multiline?: boolean;
  maxLength?: number;
  placeholder?: string;
  /** Title of the error shown when the action fails (default 未能保存). */
  errorTitle?: string;
  /** Ask before closing (Esc, ×, 取消) once a reason is typed; names the form in the question (e.g. 撤回公示). */
  guard?: string;
  onClose: () => void;
  /** Does the work; a thrown API error is shown in the dialog. */
  onSubmit: (reason: string) => Promise<void>;
}

/** Asks for a reason (one line: Enter saves, Esc cancels; or several lines) and runs the action with it. */
export function ReasonModal({
  open,
  title,
  intro,
  label = '理由',
  okText,
  danger,
  optional,
  multiline,
  maxLength = 200,
  placeholder,
  errorTitle = '未能保存',
  guard,
  onClose,
  onSubmit,
}: Props) {
  const { saving, error, run } = useSubmit();
  const [form] = Form.useForm<{ reason?: string }>();
  const guarded = useDirtyGuard(() => !!guard && !!form.getFieldValue('reason')?.trim(), onClose, guard);
  const save = ({ reason }: { reason?: string }) => run(() => onSubmit((reason ?? '').trim()));
  return (
    <Modal
      open={open}
      afterOpenChange={refocusAutoFocus}
      title={title}
      okText={okText}
      okButtonProps={{ danger, htmlType: 'submit' }}
      cancelText="取消"
      onCancel={guarded}
      confirmLoading={saving}
      destroyOnHidden
      maskClosable={false}
      modalRender={(dom) => (
        <Form form={form} layout="vertical" onFinish={(values) => void save(values)} aria-label={title} clearOnDestroy>
          {dom}
        </Form>
      )}
    >
      <ErrorAlert error={error} title={errorTitle} />
      {typeof intro === 'string' ? <Typography.Paragraph>{intro}</Typography.Paragraph> : (intro ?? null)}
      <Form.Item
        label={label}
        name="reason"
        rules={
          optional
            ? []
            : [
                { required: true, whitespace: true, message: `请填写${label}` },
                { min: 2, message: `${label}至少2个字` },
              ]
        }
      >
        {multiline ? (
          <Input.TextArea autoFocus data-autofocus rows={3} maxLength={maxLength} showCount aria-label={label} placeholder={placeholder} />
        ) : (
          <Input autoFocus data-autofocus maxLength={maxLength} showCount aria-label={label} placeholder={placeholder} />
        )}
      </Form.Item>
    </Modal>
  );
}
