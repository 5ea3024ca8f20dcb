import { DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Center } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { formatDate, toIsoDate, todayPicker } from '../../format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/useSubmit';
import { useDirtyGuard } from '../../components/dirtyGuard';
import { DATE_FORMATS } from '../../components/designationLabels';
import { showFieldErrors } from '../../components/fieldErrors';
import { plaqueReturnOf } from '../../../electron/core/domain/review-cycle.js';

interface Values {
  returnedOn: Dayjs;
  note?: string;
}

/** 牌匾收回登记: the day the revoked center's plaque (and certificate) came back, and a note. */
export function PlaqueReturnModal({
  center,
  onClose,
  onSaved,
}: {
  center: Center | null;
  onClose: () => void;
  onSaved: (c: Center) => void;
}) {
  const [form] = Form.useForm<Values>();
  const close = useDirtyGuard(form, onClose, '牌匾收回登记');
  const { saving, error, run } = useSubmit();
  const plaque = center ? plaqueReturnOf(center) : undefined;
  const save = (v: Values) =>
    run(
      async () => {
        const note = v.note?.trim();
        onSaved(
          await desk.call('centers.recordPlaqueReturn', {
            centerId: center!.id,
            returnedOn: toIsoDate(v.returnedOn),
            ...(note ? { note } : {}),
          }),
        );
      },
      (err) => showFieldErrors(form, err),
    );
  return (
    <Modal
      open={!!center}
      title="牌匾收回登记"
      okText="登记收回"
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
          aria-label="牌匾收回登记"
          clearOnDestroy
          initialValues={{ returnedOn: todayPicker() }}
        >
          {dom}
        </Form>
      )}
    >
      <ErrorAlert error={error} title="未能登记牌匾收回" />
      {center ? (
        <Typography.Paragraph>
          {center.name}
          <Typography.Text type="secondary">
            （证书编号 {center.certificateNumber}；{formatDate(center.certificateEndedOn)}撤销
            {plaque ? `，交回期限${formatDate(plaque.dueOn)}` : ''}）
          </Typography.Text>
        </Typography.Paragraph>
      ) : null}
      <Form.Item label="收回日期" name="returnedOn" rules={[{ required: true, message: '请选择收回日期' }]}>
        <DatePicker format={DATE_FORMATS} aria-label="收回日期" allowClear={false} />
      </Form.Item>
      <Form.Item label="备注" name="note">
        <Input maxLength={200} aria-label="备注" placeholder="如：证书原件一并交回" />
      </Form.Item>
    </Modal>
  );
}
