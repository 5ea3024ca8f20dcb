import { useEffect, useRef, useState, type ComponentRef, type KeyboardEvent } from 'react';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Tag, Typography } from 'antd';
import type { InputRef } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { BatchView } from '../../../electron/core/contract/index.js';
import { desk, DeskApiError } from '../../rpc';
import { formatDateRange, thisYear, toIsoDate } from '../../format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { focusFirstError } from '../../components/fieldErrors';
import { BATCH_STATUS_COLORS, BATCH_STATUS_LABELS } from '../../components/batchLabels';
import { useQuota } from './useQuota';
import { useDirtyGuard } from '../../components/dirtyGuard';

interface FormValues {
  year: number;
  title: string;
  window: [Dayjs, Dayjs] | null;
  extraBatchReason?: string;
  /** 更正理由: asked for by the core (NEEDS_REASON) once the batch is under review or later. */
  reason?: string;
}

interface Props {
  open: boolean;
  /** The batch being edited; undefined to create a new one. */
  batch: BatchView | undefined;
  onClose: () => void;
  onSaved: (batch: BatchView, created: boolean) => void;
}

const FIELD_NAMES = new Set(['year', 'title', 'extraBatchReason', 'reason']);

export function BatchFormModal({ open, batch, onClose, onSaved }: Props) {
  const [form] = Form.useForm<FormValues>();
  const close = useDirtyGuard(form, onClose, '申报批次');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [askReason, setAskReason] = useState(false);
  const yearRef = useRef<ComponentRef<typeof InputNumber>>(null);
  const reasonRef = useRef<InputRef>(null);
  const creating = !batch;
  const year = Form.useWatch('year', form);
  const range = Form.useWatch('window', form);
  const quota = useQuota(year, open && creating);
  const needsReason = creating && (askReason || quota?.needsReason === true);
  const needsCorrectionReason = !creating && askReason;

  useEffect(() => {
    if (!open) return;
    setError(null);
    setAskReason(false);
  }, [open]);

  // NEEDS_REASON from the core: the reason field has just appeared; take the user there.
  useEffect(() => {
    if (askReason) reasonRef.current?.focus();
  }, [askReason]);

  const initialValues: Partial<FormValues> = batch
    ? { year: batch.year, title: batch.title, window: [dayjs(batch.opensOn), dayjs(batch.closesOn)], reason: '' }
    : { year: thisYear(), title: '', window: null, extraBatchReason: '' };

  function focusFirst(visible: boolean): void {
    if (!visible) return;
    if (creating) {
      yearRef.current?.focus();
      yearRef.current?.select();
    } else form.getFieldInstance('title')?.focus?.();
  }

  /**
   * Enter in the date range: never let the browser submit before the picker has taken the typed date.
   * On the start date it only moves on (the picker does that); on the closing date it saves once the value is in.
   */
  function onRangeKeyDown(e: KeyboardEvent<HTMLElement>): void {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const target = e.target as HTMLInputElement;
    if (target.getAttribute('date-range') !== 'end') return;
    window.setTimeout(() => {
      target.blur();
      form.submit();
    }, 0);
  }

  async function save(values: FormValues): Promise<void> {
    setError(null);
    const [from, to] = values.window ?? [];
    if (!from || !to) return;
    setSaving(true);
    try {
      const saved = creating
        ? await desk.call('batches.create', {
            year: values.year,
            title: values.title.trim(),
            opensOn: toIsoDate(from),
            closesOn: toIsoDate(to),
            ...(needsReason && values.extraBatchReason?.trim() ? { extraBatchReason: values.extraBatchReason.trim() } : {}),
          })
        : await desk.call('batches.update', {
            id: batch.id,
            title: values.title.trim(),
            opensOn: toIsoDate(from),
            closesOn: toIsoDate(to),
            ...(needsCorrectionReason && values.reason?.trim() ? { reason: values.reason.trim() } : {}),
          });
      onSaved(saved, creating);
    } catch (err) {
      if (err instanceof DeskApiError && err.code === 'NEEDS_REASON') {
        setAskReason(true);
      }
      if (err instanceof DeskApiError && err.code === 'INVALID_INPUT' && Array.isArray(err.details)) {
        const fields = (err.details as { path?: string[]; message?: string }[])
          .filter((d) => d.path?.[0] && FIELD_NAMES.has(d.path[0]))
          .map((d) => ({ name: d.path![0] as keyof FormValues, errors: [d.message ?? '输入有误'] }));
        form.setFields(fields);
        focusFirstError(form);
      }
      setError(err);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title={creating ? '新建申报批次' : `修改申报批次（${batch.year}年）`}
      okText={creating ? '保存' : '保存修改'}
      cancelText="取消"
      onCancel={close}
      confirmLoading={saving}
      okButtonProps={{ htmlType: 'submit' }}
      destroyOnHidden
      afterOpenChange={focusFirst}
      width={600}
      maskClosable={false}
      modalRender={(dom) => (
        <Form<FormValues>
          form={form}
          initialValues={initialValues}
          layout="vertical"
          onFinish={(values) => void save(values)}
          scrollToFirstError={{ focus: true }}
          requiredMark
          aria-label="申报批次"
          clearOnDestroy
        >
          {dom}
        </Form>
      )}
    >
      <ErrorAlert
        error={error}
        title={
          askReason && (error as DeskApiError | null)?.code === 'NEEDS_REASON'
            ? creating
              ? '需要填写理由'
              : '需要填写更正理由'
            : '未能保存'
        }
      />
      {creating && quota && !askReason ? (
        <Alert
          type={quota.needsReason ? 'warning' : 'info'}
          showIcon
          title={quota.message}
          style={{ marginBottom: 16 }}
          data-testid="quota-message"
        />
      ) : null}
      <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
        <InputNumber
          ref={yearRef}
          min={2000}
          max={2100}
          precision={0}
          controls={false}
          disabled={!creating}
          suffix="年"
          style={{ width: 160 }}
        />
      </Form.Item>
      <Form.Item
        label="批次名称"
        name="title"
        rules={[
          { required: true, whitespace: true, message: '请填写批次名称' },
          { min: 2, message: '批次名称至少2个字' },
          { max: 60, message: '批次名称不超过60个字' },
        ]}
      >
        <Input placeholder="如：2026年第二批产业知识产权协同保护与运营中心申报" maxLength={60} showCount />
      </Form.Item>
      <Form.Item
        label="受理期限"
        name="window"
        rules={[
          { required: true, message: '请选择受理开始和截止日期' },
          {
            validator: (_, v: FormValues['window']) =>
              v?.[0] && v[1] && v[1].isBefore(v[0], 'day')
                ? Promise.reject(new Error('截止日期早于开始日期，请修改。'))
                : Promise.resolve(),
          },
        ]}
        extra={range?.[0] && range[1] ? formatDateRange(toIsoDate(range[0]), toIsoDate(range[1])) : '格式：2026-11-24，输入后按回车确认'}
      >
        <DatePicker.RangePicker
          placeholder={['开始日期', '截止日期']}
          format={['YYYY-MM-DD', 'YYYY/MM/DD', 'YYYYMMDD']}
          style={{ width: 320 }}
          order={false}
          onKeyDown={onRangeKeyDown}
        />
      </Form.Item>
      {!creating ? (
        <Form.Item label="状态" extra="状态随截止受理、恢复受理、分配评审任务、发起公示和认定发文改变，不在这里修改。">
          <Tag color={BATCH_STATUS_COLORS[batch.status]} data-testid="batch-status">
            {BATCH_STATUS_LABELS[batch.status]}
          </Tag>
        </Form.Item>
      ) : null}
      {needsCorrectionReason ? (
        <Form.Item
          label="更正理由"
          name="reason"
          rules={[
            { required: true, whitespace: true, message: '请填写更正理由' },
            { min: 2, message: '更正理由至少2个字' },
            { max: 200, message: '理由不超过200个字' },
          ]}
          extra="批次已进入评审，修改名称或受理期限属于更正；理由将记入操作日志。"
        >
          <Input ref={reasonRef} maxLength={200} showCount placeholder="说明更正的原因" />
        </Form.Item>
      ) : null}
      {needsReason ? (
        <Form.Item
          label="第三批理由"
          name="extraBatchReason"
          rules={[
            { required: true, whitespace: true, message: '请填写第三批理由' },
            { max: 200, message: '理由不超过200个字' },
          ]}
          extra="原则上每年不超过两次；本理由将记入操作日志，并在批次一览表中显示。"
        >
          <Input ref={reasonRef} maxLength={200} showCount placeholder="说明本年度增开批次的原因" />
        </Form.Item>
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        按回车键保存，按 Esc 键取消。
      </Typography.Text>
    </Modal>
  );
}
