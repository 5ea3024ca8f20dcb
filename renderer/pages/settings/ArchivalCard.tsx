import { useEffect } from 'react';
import { App, Button, Card, Flex, Form, Input, Select, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { desk } from '../../rpc';
import { loadValues, markClean, useLeaveGuard } from '../../components/dirtyGuard';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSettings } from '../../components/SettingsContext';
import { useSubmit } from '../../components/useSubmit';
import {
  RECORD_KINDS,
  RECORD_KIND_LABELS,
  RETENTION_LABELS,
  RETENTION_PERIODS,
  type RecordKind,
  type RetentionPeriod,
} from '../../../electron/core/contract/archive-labels.js';
import { archivalCode, fondsNumberProblem, retentionTable } from '../../../electron/core/domain/archival-code.js';
import { thisYear } from '../../format';

interface Values {
  fondsNumber: string;
  retention: Record<RecordKind, RetentionPeriod>;
}

/** 年度档案 › 全宗号 and 保管期限 per record class: what the archive catalogue's 档号 are made of. */
export function ArchivalCard() {
  const { message } = App.useApp();
  const { settings, setSettings } = useSettings();
  const { saving, error, run } = useSubmit();
  const [form] = Form.useForm<Values>();
  useLeaveGuard(form, '档案著录');
  const fonds = (Form.useWatch('fondsNumber', form) as string | undefined) ?? '';

  useEffect(() => {
    // a refresh of the settings never overwrites what the clerk is typing
    if (settings && !form.isFieldsTouched())
      loadValues(form, { fondsNumber: settings.fondsNumber ?? '', retention: retentionTable(settings.retentionPeriods) });
  }, [settings, form]);

  const save = (v: Values) =>
    run(async () => {
      const next = await desk.call('settings.update', {
        ...(v.fondsNumber.trim() ? { fondsNumber: v.fondsNumber.trim() } : {}),
        retentionPeriods: v.retention,
      });
      setSettings(next);
      markClean(form);
      message.success('全宗号与保管期限已保存，下次封存时生效。');
    });

  return (
    <Card title="档案著录（全宗号与保管期限）" size="small" data-testid="archival-card">
      <ErrorAlert error={error} title="未能保存" />
      <Form<Values>
        form={form}
        layout="horizontal"
        labelCol={{ flex: '150px' }}
        onFinish={(values) => void save(values)}
        scrollToFirstError={{ focus: true }}
        disabled={!settings}
        aria-label="档案著录"
      >
        <Form.Item
          name="fondsNumber"
          label="全宗号"
          extra={
            !fonds
              ? '由档案馆给定，4位数字或大写字母与数字（如 J001）。未填写时档案目录不编档号。'
              : fondsNumberProblem(fonds)
                ? '未填写时档案目录不编档号。' // the error above already says what a 全宗号 looks like
                : `档号示例：${archivalCode({ fonds, year: thisYear(), retention: 'permanent', itemNo: 1 })}（全宗号-年度-保管期限代码-件号）`
          }
          rules={[
            {
              validator: (_, v: string) =>
                !v || !fondsNumberProblem(v.trim()) ? Promise.resolve() : Promise.reject(new Error(fondsNumberProblem(v.trim())!)),
            },
          ]}
        >
          <Input maxLength={4} style={{ width: 120 }} />
        </Form.Item>
        {RECORD_KINDS.map((k) => (
          <Form.Item key={k} name={['retention', k]} label={RECORD_KIND_LABELS[k]} style={{ marginBottom: 6 }}>
            <Select<RetentionPeriod>
              aria-label={`${RECORD_KIND_LABELS[k]}保管期限`}
              style={{ width: 110 }}
              options={RETENTION_PERIODS.map((p) => ({ value: p, label: RETENTION_LABELS[p] }))}
            />
          </Form.Item>
        ))}
        <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            保管期限按《机关文件材料归档范围和文书档案保管期限规定》划分，已封存的档案不受影响。
          </Typography.Text>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving}>
            保存
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
