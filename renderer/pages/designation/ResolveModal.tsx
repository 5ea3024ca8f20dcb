import { Form, Input, Modal, Radio, Typography } from 'antd';
import type { Objection, ObjectionOutcome } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { formatDate } from '../../format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/useSubmit';
import { useDirtyGuard } from '../../components/dirtyGuard';

interface Values {
  outcome: ObjectionOutcome;
  reason: string;
}

/** 处理异议: upheld (the application leaves the list) or dismissed, with the reason. */
export function ResolveModal({
  objection,
  applicantName,
  onClose,
  onSaved,
}: {
  objection: Objection | null;
  applicantName: string;
  onClose: () => void;
  onSaved: (o: Objection) => void;
}) {
  const { saving, error, run } = useSubmit();
  const [form] = Form.useForm<Values>();
  const close = useDirtyGuard(form, onClose, '异议处理');
  const save = (v: Values) =>
    run(async () => {
      onSaved(await desk.call('objections.resolve', { objectionId: objection!.id, outcome: v.outcome, reason: v.reason.trim() }));
    });
  return (
    <Modal
      open={!!objection}
      title="处理异议"
      okText="保存处理结论"
      cancelText="取消"
      width={560}
      onCancel={close}
      confirmLoading={saving}
      okButtonProps={{ htmlType: 'submit' }}
      destroyOnHidden
      maskClosable={false}
      modalRender={(dom) => (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(values) => void save(values)}
          scrollToFirstError={{ focus: true }}
          aria-label="处理异议"
          clearOnDestroy
        >
          {dom}
        </Form>
      )}
    >
      <ErrorAlert error={error} title="未能保存处理结论" />
      {objection ? (
        <Typography.Paragraph>
          {formatDate(objection.receivedOn)}收到{objection.from}对“{applicantName}”的异议：
          <Typography.Text type="secondary">{objection.content}</Typography.Text>
        </Typography.Paragraph>
      ) : null}
      <Form.Item label="处理结论" name="outcome" rules={[{ required: true, message: '请选择处理结论' }]} style={{ marginBottom: 12 }}>
        <Radio.Group
          options={[
            { value: 'dismissed', label: '异议不成立' },
            { value: 'upheld', label: '异议成立（撤出公示名单）' },
          ]}
        />
      </Form.Item>
      <Form.Item
        label="理由"
        name="reason"
        rules={[
          { required: true, whitespace: true, message: '请填写理由' },
          { min: 2, message: '理由至少2个字' },
        ]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount aria-label="理由" />
      </Form.Item>
    </Modal>
  );
}
