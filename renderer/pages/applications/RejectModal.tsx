import { Form, Input, Modal, Typography } from 'antd';
import type { Application } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/useSubmit';

interface Props {
  open: boolean;
  application: Application;
  onClose: () => void;
  onDone: (app: Application) => void;
}

/** 不予受理 with a reason (printed on the notice). */
export function RejectModal({ open, application, onClose, onDone }: Props) {
  const { saving, error, run } = useSubmit();

  const save = ({ reason }: { reason: string }) =>
    run(async () => onDone(await desk.call('review.reject', { applicationId: application.id, reason: reason.trim() })));

  return (
    <Modal
      open={open}
      title="不予受理"
      okText="确认不予受理"
      okButtonProps={{ danger: true, htmlType: 'submit' }}
      cancelText="取消"
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      maskClosable={false}
      modalRender={(dom) => (
        <Form layout="vertical" onFinish={save} aria-label="不予受理" clearOnDestroy>
          {dom}
        </Form>
      )}
    >
      <ErrorAlert error={error} title="未能保存" />
      <Typography.Paragraph>不予受理“{application.applicant.name}”的申报。理由将写入不予受理通知书。</Typography.Paragraph>
      <Form.Item label="理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写不予受理的理由' }, { min: 2, message: '理由至少2个字' }]}>
        <Input.TextArea autoFocus rows={3} maxLength={200} showCount />
      </Form.Item>
    </Modal>
  );
}
