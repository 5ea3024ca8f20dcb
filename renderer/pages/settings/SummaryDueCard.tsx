import { useEffect } from 'react';
import { App, Button, Card, Flex, Form, InputNumber, Select, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { desk } from '../../rpc';
import { formatDate, thisYear as bureauThisYear } from '../../format';
import { loadValues, markClean, useLeaveGuard } from '../../components/dirtyGuard';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSettings } from '../../components/SettingsContext';
import { useSubmit } from '../../components/useSubmit';
import { DEFAULT_SUMMARY_DUE, summaryDueDate, type SummaryDueRule } from '../../../electron/core/domain/summary-due.js';

/** 年度工作总结截止日期: 当年/次年 + month + day (settings.annualSummaryDue), with the resulting dates shown. */
export function SummaryDueCard() {
  const { message } = App.useApp();
  const { settings, setSettings } = useSettings();
  const { saving, error, run } = useSubmit();
  const [form] = Form.useForm<SummaryDueRule>();
  useLeaveGuard(form, '年度工作总结截止日期');
  const typed = Form.useWatch([], form) as Partial<SummaryDueRule> | undefined;
  const current = settings?.annualSummaryDue ?? DEFAULT_SUMMARY_DUE;
  const preview: SummaryDueRule | null =
    typed &&
    (typed.yearOffset === 0 || typed.yearOffset === 1) &&
    typeof typed.month === 'number' &&
    typeof typed.day === 'number' &&
    typed.month >= 1 &&
    typed.month <= 12 &&
    typed.day >= 1 &&
    typed.day <= 31
      ? { yearOffset: typed.yearOffset, month: typed.month, day: typed.day }
      : null;
  const thisYear = bureauThisYear();

  useEffect(() => {
    if (settings) loadValues(form, settings.annualSummaryDue ?? DEFAULT_SUMMARY_DUE);
  }, [settings, form]);

  const save = (v: SummaryDueRule) =>
    run(async () => {
      const next = await desk.call('settings.update', { annualSummaryDue: { yearOffset: v.yearOffset, month: v.month, day: v.day } });
      setSettings(next);
      markClean(form);
      message.success('年度工作总结截止日期已保存。');
    });

  return (
    <Card title="年度工作总结截止日期" size="small" data-testid="summary-due-card">
      <ErrorAlert error={error} title="未能保存" />
      <Form<SummaryDueRule>
        form={form}
        layout="inline"
        onFinish={(values) => void save(values)}
        scrollToFirstError={{ focus: true }}
        disabled={!settings}
        aria-label="年度工作总结截止日期"
        initialValues={current}
      >
        <Typography.Text style={{ lineHeight: '32px', marginRight: 8 }}>某年度的总结截止于</Typography.Text>
        <Form.Item name="yearOffset" rules={[{ required: true, message: '请选择' }]}>
          <Select<0 | 1>
            aria-label="截止年份"
            style={{ width: 90 }}
            options={[
              { value: 0, label: '当年' },
              { value: 1, label: '次年' },
            ]}
          />
        </Form.Item>
        <Form.Item name="month" rules={[{ required: true, message: '请填写月份' }]}>
          <InputNumber aria-label="截止月份" min={1} max={12} precision={0} suffix="月" style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="day" rules={[{ required: true, message: '请填写日期' }]}>
          <InputNumber aria-label="截止日" min={1} max={31} precision={0} suffix="日" style={{ width: 90 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving}>
            保存
          </Button>
        </Form.Item>
      </Form>
      <Flex vertical gap={2} style={{ marginTop: 12 }} data-testid="summary-due-preview">
        {preview ? (
          <>
            <Typography.Text>
              {thisYear - 1}年度总结截止：{formatDate(summaryDueDate(thisYear - 1, preview))}
            </Typography.Text>
            <Typography.Text>
              {thisYear}年度总结截止：{formatDate(summaryDueDate(thisYear, preview))}
            </Typography.Text>
          </>
        ) : (
          <Typography.Text type="secondary">请填写完整的截止日期。</Typography.Text>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          日期超过当月天数时按月末计算（如2月30日即2月28日或29日）。未设置时为次年1月31日。
        </Typography.Text>
      </Flex>
    </Card>
  );
}
