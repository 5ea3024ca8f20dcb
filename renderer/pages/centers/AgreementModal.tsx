import { DatePicker, Form, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Center } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { formatDate, toIsoDate } from '../../format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/useSubmit';
import { useSettings } from '../../components/SettingsContext';
import { DATE_FORMATS } from '../../components/designationLabels';

interface Values {
  parties: string[];
  signedOn: Dayjs;
}

/** 登记共建协议: the parties (type a name and press Enter) and the signing date. */
export function AgreementModal({ center, onClose, onSaved }: { center: Center | null; onClose: () => void; onSaved: (c: Center) => void }) {
  const { settings } = useSettings();
  const { saving, error, run } = useSubmit();
  const initial: Partial<Values> = center?.agreement
    ? { parties: center.agreement.parties, signedOn: dayjs(center.agreement.signedOn) }
    : { parties: [settings?.bureauName, center?.hostUnit].filter((s): s is string => !!s) };
  const save = (v: Values) =>
    run(async () => {
      onSaved(
        await desk.call('agreements.record', {
          centerId: center!.id,
          parties: v.parties.map((p) => p.trim()).filter(Boolean),
          signedOn: toIsoDate(v.signedOn),
        }),
      );
    });
  return (
    <Modal
      open={!!center}
      title="登记共建协议"
      okText="保存"
      cancelText="取消"
      width={600}
      onCancel={onClose}
      confirmLoading={saving}
      okButtonProps={{ htmlType: 'submit' }}
      destroyOnHidden
      maskClosable={false}
      modalRender={(dom) => (
        <Form<Values>
          layout="vertical"
          onFinish={(values) => void save(values)}
          aria-label="登记共建协议"
          clearOnDestroy
          initialValues={initial}
        >
          {dom}
        </Form>
      )}
    >
      <ErrorAlert error={error} title="未能登记共建协议" />
      {center ? (
        <Typography.Paragraph>
          {center.name}
          <Typography.Text type="secondary">
            （{formatDate(center.designatedOn)}认定，证书编号 {center.certificateNumber}）
          </Typography.Text>
        </Typography.Paragraph>
      ) : null}
      <Form.Item
        label="协议各方"
        name="parties"
        extra="输入单位名称后按回车添加；可删除或增加。"
        rules={[{ required: true, type: 'array', min: 1, message: '请至少填写一个协议方' }]}
      >
        <Select mode="tags" open={false} suffixIcon={null} aria-label="协议各方" tokenSeparators={['、', '，', ',']} />
      </Form.Item>
      <Form.Item label="签订日期" name="signedOn" rules={[{ required: true, message: '请选择签订日期' }]}>
        <DatePicker format={DATE_FORMATS} aria-label="签订日期" />
      </Form.Item>
    </Modal>
  );
}
