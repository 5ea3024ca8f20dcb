import type { ReactNode } from 'react';
import { Form, Input, Modal, Typography } from 'antd';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/useSubmit';

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
  onClose: () => void;
  /** Does the work; a thrown API error is shown in the dialog. */
  onSubmit: (reason: string) => Promise<void>;
}

/** Asks for a reason (one line: Enter saves, Esc cancels) and runs the action with it. */
export function ReasonModal({ open, title, intro, label = '理由', okText, danger, optional, onClose, onSubmit }: Props) {
  const { saving, error, run } = useSubmit();
  const save = ({ reason }: { reason?: string }) => run(() => onSubmit((reason ?? '').trim()));
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ danger, htmlType: 'submit' }}
      cancelText="取消"
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      maskClosable={false}
      modalRender={(dom) => (
        <Form layout="vertical" onFinish={save} aria-label={title} clearOnDestroy>
          {dom}
        </Form>
      )}
    >
      <ErrorAlert error={error} title="未能保存" />
      {intro ? <Typography.Paragraph>{intro}</Typography.Paragraph> : null}
      <Form.Item
        label={label}
        name="reason"
        rules={optional ? [] : [{ required: true, whitespace: true, message: `请填写${label}` }, { min: 2, message: `${label}至少2个字` }]}
      >
        <Input autoFocus maxLength={200} showCount aria-label={label} />
      </Form.Item>
    </Modal>
  );
}
