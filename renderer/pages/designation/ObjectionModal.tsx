import { Alert, Checkbox, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { DesignationView, Objection, ObjectionKind } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { formatDate, toIsoDate, todayIso, todayPicker } from '../../format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showFieldErrors } from '../../components/fieldErrors';
import { useSubmit } from '../../components/useSubmit';
import { DATE_FORMATS } from '../../components/designationLabels';
import { refocusAutoFocus } from '../../components/refocusAutoFocus';
import { useDirtyGuard } from '../../components/dirtyGuard';

interface Values {
  applicationId: string;
  receivedOn: Dayjs;
  from?: string;
  kind: ObjectionKind;
  identityProof: boolean;
  content: string;
}

/** 登记异议: the written objection as received; anonymous or late ones are recorded as 不予受理. */
export function ObjectionModal({
  open,
  view,
  onClose,
  onSaved,
}: {
  open: boolean;
  view: DesignationView;
  onClose: () => void;
  onSaved: (o: Objection) => void;
}) {
  const [form] = Form.useForm<Values>();
  const close = useDirtyGuard(form, onClose, '异议登记');
  const { saving, error, run } = useSubmit();
  const p = view.publicity;
  const from = Form.useWatch('from', form) ?? '';
  const proof = Form.useWatch('identityProof', form) ?? false;
  const kind = Form.useWatch('kind', form) ?? 'unit';
  const receivedOn = Form.useWatch('receivedOn', form);
  const late = p && receivedOn ? toIsoDate(receivedOn) > p.endsOn : false;
  const anonymous = !from.trim() || !proof;
  const endsOn = p?.endsOn ?? '';
  const defaultReceived = endsOn && todayIso() > endsOn ? dayjs(endsOn) : todayPicker();

  const save = (v: Values) =>
    run(
      async () => {
        const o = await desk.call('objections.record', {
          batchId: view.batchId,
          applicationId: v.applicationId,
          receivedOn: toIsoDate(v.receivedOn),
          from: (v.from ?? '').trim(),
          kind: v.kind,
          identityProof: v.identityProof,
          content: v.content.trim(),
        });
        onSaved(o);
      },
      (err) => showFieldErrors(form, err),
    );

  return (
    <Modal
      afterOpenChange={refocusAutoFocus}
      open={open}
      title="登记异议"
      okText="登记"
      cancelText="取消"
      width={620}
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
          aria-label="登记异议"
          clearOnDestroy
          initialValues={{ kind: 'unit', identityProof: false, receivedOn: defaultReceived }}
        >
          {dom}
        </Form>
      )}
    >
      <ErrorAlert error={error} title="未能登记异议" />
      <Form.Item
        label="针对的申报单位"
        name="applicationId"
        rules={[{ required: true, message: '请选择异议针对的申报单位' }]}
        style={{ marginBottom: 12 }}
      >
        <Select
          autoFocus
          data-autofocus
          showSearch={{ optionFilterProp: 'label' }}
          aria-label="针对的申报单位"
          placeholder="选择公示名单中的单位"
          options={view.entries.filter((e) => !e.withdrawn).map((e) => ({ value: e.applicationId, label: e.applicantName }))}
        />
      </Form.Item>
      <div style={{ display: 'flex', gap: 12 }}>
        <Form.Item
          label="收到日期"
          name="receivedOn"
          rules={[{ required: true, message: '请选择收到日期' }]}
          extra={endsOn ? `公示期最后一日：${formatDate(endsOn)}` : undefined}
          style={{ marginBottom: 12 }}
        >
          <DatePicker format={DATE_FORMATS} aria-label="收到日期" allowClear={false} />
        </Form.Item>
        <Form.Item label="异议人类型" name="kind" style={{ marginBottom: 12 }}>
          <Radio.Group
            options={[
              { value: 'unit', label: '单位' },
              { value: 'person', label: '个人' },
            ]}
            optionType="button"
          />
        </Form.Item>
      </div>
      <Form.Item
        label={kind === 'unit' ? '异议单位名称' : '异议人姓名'}
        name="from"
        extra="未署真实姓名或名称的，按匿名异议处理（可留空）。"
        style={{ marginBottom: 12 }}
      >
        <Input maxLength={60} aria-label="异议人" />
      </Form.Item>
      <Form.Item name="identityProof" valuePropName="checked" style={{ marginBottom: 12 }}>
        <Checkbox>{kind === 'unit' ? '异议材料加盖了单位公章' : '异议材料有本人签名'}</Checkbox>
      </Form.Item>
      <Form.Item
        label="异议内容"
        name="content"
        rules={[
          { required: true, whitespace: true, message: '请填写异议内容' },
          { min: 2, message: '异议内容至少2个字' },
        ]}
        style={{ marginBottom: 12 }}
      >
        <Input.TextArea rows={3} maxLength={5000} aria-label="异议内容" />
      </Form.Item>
      {anonymous || late ? (
        <Alert
          type="warning"
          showIcon
          data-testid="objection-not-accepted-hint"
          title={`此异议将登记为“不予受理”：${[anonymous ? '匿名（未署名或未盖章/签名）' : '', late ? '逾期提出' : ''].filter(Boolean).join('、')}。`}
        />
      ) : (
        <Alert type="info" showIcon title="此异议将予以受理，登记后须调查核实并作出处理结论，处理完毕前不能认定。" />
      )}
    </Modal>
  );
}
