import { useEffect } from 'react';
import { App, Button, Card, Col, Form, Input, InputNumber, Row } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import type { Settings } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSettings } from '../../components/SettingsContext';
import { useSubmit } from '../../components/useSubmit';

type Fields = Required<
  Pick<
    Settings,
    'contactPerson' | 'contactPhone' | 'contactAddress' | 'reconsiderationBody' | 'litigationCourt' | 'reviewReturnWorkingDays'
  >
>;
const KEYS: (keyof Fields)[] = [
  'contactPerson',
  'contactPhone',
  'contactAddress',
  'reconsiderationBody',
  'litigationCourt',
  'reviewReturnWorkingDays',
];

/** 文书信息: the facts every notice prints from the settings (contact, address, remedy bodies, return deadline). */
export function NoticeFactsCard({ onSaved }: { onSaved: () => void }) {
  const { message } = App.useApp();
  const { settings, setSettings } = useSettings();
  const { saving, error, run } = useSubmit();
  const [form] = Form.useForm<Fields>();

  useEffect(() => {
    if (settings)
      form.setFieldsValue({
        contactPerson: settings.contactPerson ?? '',
        contactPhone: settings.contactPhone ?? '',
        contactAddress: settings.contactAddress ?? '',
        reconsiderationBody: settings.reconsiderationBody ?? '福州市人民政府',
        litigationCourt: settings.litigationCourt ?? '',
        reviewReturnWorkingDays: settings.reviewReturnWorkingDays ?? 10,
      });
  }, [settings, form]);

  const save = (values: Fields) =>
    run(async () => {
      const changes: Partial<Fields> = {};
      for (const k of KEYS) {
        const before = settings?.[k];
        if (values[k] !== before && !(values[k] === '' && before === undefined)) (changes as Record<string, unknown>)[k] = values[k];
      }
      if (Object.keys(changes).length === 0) {
        message.info('文书信息没有改动。');
        return;
      }
      const next = await desk.call('settings.update', changes);
      setSettings(next);
      message.success('文书信息已保存，之后生成的文书按新的信息印制。');
      onSaved();
    });

  return (
    <Card title="文书信息" size="small" data-testid="notice-facts-card">
      <ErrorAlert error={error} title="未能保存" />
      <Form<Fields>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => void save(v)}
        disabled={!settings}
        aria-label="文书信息"
      >
        <Row gutter={12}>
          <Col span={4}>
            <Form.Item label="联系人" name="contactPerson" rules={[{ max: 20, message: '联系人不超过20个字' }]}>
              <Input maxLength={20} placeholder="经办人姓名" />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item label="联系电话" name="contactPhone" rules={[{ max: 40, message: '联系电话不超过40个字' }]}>
              <Input maxLength={40} placeholder="如 0591-87654321" />
            </Form.Item>
          </Col>
          <Col span={9}>
            <Form.Item label="通讯地址（书面意见、材料寄送）" name="contactAddress" rules={[{ max: 80, message: '通讯地址不超过80个字' }]}>
              <Input maxLength={80} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              label="行政复议机关"
              name="reconsiderationBody"
              rules={[
                { required: true, whitespace: true, message: '请填写行政复议机关' },
                { max: 40, message: '不超过40个字' },
              ]}
            >
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="行政诉讼法院" name="litigationCourt" rules={[{ max: 40, message: '法院名称不超过40个字' }]}>
              <Input maxLength={40} placeholder="如：福州市鼓楼区人民法院" />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item label="评分结果交回期限" name="reviewReturnWorkingDays" rules={[{ required: true, message: '请填写交回期限' }]}>
              <InputNumber min={1} max={60} precision={0} suffix="个工作日" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={11}>
            <Form.Item label=" " colon={false}>
              <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving}>
                保存文书信息
              </Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
