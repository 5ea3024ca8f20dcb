import { useEffect, useState } from 'react';
import { Alert, App, Button, DatePicker, Drawer, Flex, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { AnnualSummary, Indicators, SummaryRow } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { formatDateTime, toIsoDate, todayPicker } from '../../format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/useSubmit';
import { DATE_FORMATS } from '../../components/designationLabels';
import { IndicatorFields } from './IndicatorFields';
import { SummaryFiles, attachFiles } from './SummaryFiles';
import { showFieldErrors } from '../../components/fieldErrors';
import { refocusAutoFocus } from '../../components/refocusAutoFocus';
import { loadValues, markClean, useDirtyGuard } from '../../components/dirtyGuard';

interface Values {
  submittedOn: Dayjs;
  indicators: Partial<Indicators>;
  narrative?: string;
}

interface Props {
  year: number;
  row: SummaryRow | null;
  sealed: boolean;
  onClose: () => void;
  onSaved: (s: AnnualSummary, problems: string[]) => void;
}

/** 登记/修改年度工作总结: submitted date, the nine indicators, narrative, files. Enter saves, Esc closes. */
export function SummaryDrawer({ year, row, sealed, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { saving, error, run } = useSubmit();
  const [summary, setSummary] = useState<AnnualSummary | null>(null);
  const [pending, setPending] = useState<File[]>([]);
  const close = useDirtyGuard(() => form.isFieldsTouched() || pending.length > 0, onClose, '年度工作总结');
  const [problem, setProblem] = useState<string | null>(null);
  const center = row?.center;

  useEffect(() => {
    if (!row) return;
    setSummary(row.summary);
    setPending([]);
    setProblem(null);
    form.resetFields();
    const s = row.summary;
    loadValues(
      form,
      s
        ? { submittedOn: dayjs(s.submittedOn), indicators: s.indicators, narrative: s.narrative }
        : { submittedOn: todayPicker(), indicators: {}, narrative: '' },
    );
  }, [row, form]);

  const save = (v: Values) =>
    run(
      async () => {
        const saved = await desk.call('summaries.save', {
          year,
          centerId: center!.id,
          submittedOn: toIsoDate(v.submittedOn),
          indicators: v.indicators as Indicators,
          narrative: (v.narrative ?? '').trim(),
        });
        setSummary(saved);
        markClean(form);
        let latest = saved;
        const refused = pending.length ? await attachFiles(year, center!.id, pending, (s) => (latest = s)) : [];
        setSummary(latest);
        setPending([]);
        if (refused.length) {
          setProblem(`总结已保存，但有附件未接收：${refused.join(' ')}`);
          onSaved(latest, refused);
          return;
        }
        message.success(`已保存${center!.name}的${year}年度工作总结。`);
        onSaved(latest, []);
      },
      (err) => showFieldErrors(form, err),
    );

  return (
    <Drawer
      autoFocus={sealed} // an editable summary's first figure takes the focus itself (see ApplicationDrawer)
      afterOpenChange={refocusAutoFocus}
      open={!!row}
      onClose={close}
      size={760}
      destroyOnHidden
      title={
        <Flex vertical>
          <Typography.Text strong ellipsis>
            {row?.summary ? '修改' : '登记'}
            {year}年度工作总结
          </Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, fontWeight: 'normal' }}>
            {center?.name}（{center?.hostUnit}）
          </Typography.Text>
        </Flex>
      }
      data-testid="summary-drawer"
      styles={{ body: { paddingTop: 12 } }}
    >
      <Form<Values>
        form={form}
        layout="horizontal"
        onFinish={(values) => void save(values)}
        scrollToFirstError={{ focus: true }}
        aria-label="年度工作总结"
        disabled={sealed}
      >
        {sealed ? (
          <Alert
            type="info"
            showIcon
            title={`${year}年度已封存，总结只读。如需更正，请先在“年度档案”中解除封存。`}
            style={{ marginBottom: 12 }}
          />
        ) : null}
        <ErrorAlert error={error} title="总结未保存" />
        {problem ? <Alert type="warning" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} /> : null}
        <Form.Item label="提交日期" name="submittedOn" rules={[{ required: true, message: '请选择提交日期' }]} style={{ marginBottom: 12 }}>
          <DatePicker format={DATE_FORMATS} aria-label="提交日期" allowClear={false} />
        </Form.Item>
        <IndicatorFields autoFocus={!sealed} />
        <Form.Item label="工作总结" name="narrative" layout="vertical" style={{ marginBottom: 12 }}>
          <Input.TextArea
            aria-label="工作总结"
            rows={3}
            maxLength={20000}
            showCount
            placeholder="年度工作开展情况、成效和下一年计划（可粘贴总结正文）"
          />
        </Form.Item>
        {center ? (
          <SummaryFiles
            year={year}
            centerId={center.id}
            summary={summary}
            pending={pending}
            setPending={setPending}
            readOnly={sealed}
            onChanged={(s) => setSummary(s)}
          />
        ) : null}
        <Flex
          align="center"
          gap={8}
          style={{
            position: 'sticky',
            bottom: -24,
            background: '#fff',
            padding: '12px 0 16px',
            marginTop: 8,
            zIndex: 2,
            borderTop: '1px solid #f0f0f0',
          }}
        >
          <Button type="primary" htmlType="submit" loading={saving}>
            保存总结
          </Button>
          <Button onClick={close} disabled={false}>
            {sealed ? '关闭' : '取消'}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            按回车保存，Esc 关闭{summary ? `；最后修改 ${formatDateTime(summary.updatedAt)}（${summary.updatedBy}）` : ''}
          </Typography.Text>
        </Flex>
      </Form>
    </Drawer>
  );
}
