import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Modal, Table, Tag, Typography } from 'antd';
import { useDirtyGuard } from '../../components/dirtyGuard';
import { focusFirstError } from '../../components/fieldErrors';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { CalendarYear } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRemote } from '../../components/useRemote';
import { useSubmit } from '../../components/useSubmit';
import { refocusAutoFocus } from '../../components/refocusAutoFocus';
import { datesToText, textToDates } from '../../../electron/core/domain/holiday-text.js';

interface Values {
  year: number;
  source: string;
  offDays: string;
  makeUpWorkDays: string;
}

/** 节假日安排: the working-day calendar per year (shipped tables and the bureau's overrides) and the conventions. */
export function HolidayCard() {
  const { message } = App.useApp();
  const cal = useRemote(() => desk.call('calendar.get', {}), []);
  const [editing, setEditing] = useState<Partial<Values> | null>(null);
  const [form] = Form.useForm<Values>();
  const closeEditor = useDirtyGuard(form, () => setEditing(null), '节假日安排');
  const { saving, error, setError, run } = useSubmit();
  const years = [...(cal.data?.years ?? [])].sort((a, b) => b.year - a.year);
  const isNew = editing !== null && editing.year === undefined;

  const open = (y?: CalendarYear) => {
    setError(null);
    setEditing(y ? { year: y.year, source: y.source, offDays: datesToText(y.offDays), makeUpWorkDays: datesToText(y.makeUpWorkDays) } : {});
  };

  const save = (v: Values) =>
    run(async () => {
      const off = textToDates(v.offDays ?? '', v.year, '放假日期');
      if ('error' in off) {
        form.setFields([{ name: 'offDays', errors: [off.error] }]);
        return focusFirstError(form);
      }
      const work = textToDates(v.makeUpWorkDays ?? '', v.year, '调休上班日期');
      if ('error' in work) {
        form.setFields([{ name: 'makeUpWorkDays', errors: [work.error] }]);
        return focusFirstError(form);
      }
      await desk.call('calendar.saveYear', { year: v.year, source: v.source.trim(), offDays: off.dates, makeUpWorkDays: work.dates });
      message.success(`${v.year}年节假日安排已保存（放假${off.dates.length}天，调休上班${work.dates.length}天）。`);
      setEditing(null);
      cal.reload();
    });

  return (
    <Card
      title="节假日安排"
      size="small"
      data-testid="holiday-card"
      extra={
        <Button size="small" icon={<PlusOutlined />} onClick={() => open()}>
          新增年份
        </Button>
      }
    >
      <ErrorAlert error={cal.error} title="无法读取节假日安排" onRetry={cal.reload} />
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        公示期等按工作日计算的期限使用此表。国务院办公厅每年公布次年放假安排后，请核对或录入该年。
      </Typography.Paragraph>
      <Table<CalendarYear>
        size="small"
        rowKey="year"
        loading={cal.loading && !cal.data}
        dataSource={years}
        pagination={false}
        style={{ marginBottom: 12 }}
        columns={[
          { title: '年份', dataIndex: 'year', width: 64 },
          {
            title: '来源',
            dataIndex: 'origin',
            width: 96,
            render: (o: CalendarYear['origin']) => (o === 'override' ? <Tag color="blue">本局修改</Tag> : <Tag>随程序提供</Tag>),
          },
          { title: '依据', dataIndex: 'source', ellipsis: true },
          { title: '放假', key: 'off', width: 56, align: 'right', render: (_: unknown, y) => `${y.offDays.length}天` },
          { title: '调休上班', key: 'work', width: 76, align: 'right', render: (_: unknown, y) => `${y.makeUpWorkDays.length}天` },
          { title: '工作日', dataIndex: 'workingDays', width: 68, align: 'right', render: (n: number) => `${n}天` },
          {
            title: '',
            key: 'edit',
            width: 64,
            render: (_: unknown, y) => (
              <Button size="small" type="link" icon={<EditOutlined />} aria-label={`修改${y.year}年`} onClick={() => open(y)}>
                修改
              </Button>
            ),
          },
        ]}
      />
      {cal.data?.conventions.length ? (
        <>
          <Typography.Text strong style={{ fontSize: 13 }}>
            计算规则
          </Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingLeft: 20, fontSize: 13, color: 'rgba(0,0,0,0.65)' }} data-testid="calendar-conventions">
            {cal.data.conventions.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </>
      ) : null}
      <Modal
        afterOpenChange={refocusAutoFocus}
        open={editing !== null}
        title={isNew ? '新增年份的节假日安排' : `修改${editing?.year ?? ''}年节假日安排`}
        okText="保存"
        cancelText="取消"
        width={640}
        onCancel={closeEditor}
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
            aria-label="节假日安排"
            clearOnDestroy
            initialValues={editing ?? {}}
          >
            {dom}
          </Form>
        )}
      >
        <ErrorAlert error={error} title="未能保存节假日安排" />
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item label="年份" name="year" rules={[{ required: true, message: '请填写年份' }]} style={{ width: 110 }}>
            <InputNumber
              min={2000}
              max={2100}
              precision={0}
              disabled={!isNew}
              autoFocus={isNew}
              data-autofocus={isNew || undefined}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item
            label="依据"
            name="source"
            rules={[
              { required: true, whitespace: true, message: '请填写依据' },
              { min: 2, message: '请填写依据（如国务院办公厅通知的名称和日期）' },
            ]}
            style={{ flex: 1 }}
          >
            <Input
              maxLength={200}
              autoFocus={!isNew}
              data-autofocus={!isNew || undefined}
              placeholder="如：国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕×号）"
            />
          </Form.Item>
        </div>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item
            label="放假日期"
            name="offDays"
            extra="每行一个日期或一段日期，如 2026-10-01~2026-10-08；含落在周末的放假日。"
            style={{ flex: 1 }}
          >
            <Input.TextArea autoSize={{ minRows: 6, maxRows: 12 }} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
          <Form.Item label="调休上班日期" name="makeUpWorkDays" extra="调休上班的周六、周日，每行一个。" style={{ flex: 1 }}>
            <Input.TextArea autoSize={{ minRows: 6, maxRows: 12 }} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </div>
      </Modal>
    </Card>
  );
}
