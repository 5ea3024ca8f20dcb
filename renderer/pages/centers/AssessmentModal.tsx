import { useEffect, useState } from 'react';
import { Col, DatePicker, Flex, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { AssessmentTemplate, MidtermAssessment, SummaryRow } from '../../../electron/core/contract/index.js';
import { desk, DeskApiError } from '../../rpc';
import { formatDate, toIsoDate, todayPicker } from '../../format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/useSubmit';
import { DATE_FORMATS } from '../../components/designationLabels';
import { showFieldErrors } from '../../components/fieldErrors';
import { refocusAutoFocus } from '../../components/refocusAutoFocus';
import { sheetTotal, typedScores } from '../../../electron/core/domain/score-sheet.js';
import { maxTotal } from '../../../electron/core/domain/scoring-template.js';
import { loadValues, useDirtyGuard } from '../../components/dirtyGuard';

interface Values {
  scores: Record<string, number | null>;
  comments?: string;
  assessedOn: Dayjs;
  assessors?: string[];
  reason?: string;
}

interface Props {
  year: number;
  row: SummaryRow | null;
  template: AssessmentTemplate;
  onClose: () => void;
  onSaved: (a: MidtermAssessment) => void;
}

/** 中期考核表: one score per criterion; the total and the grade come from the server on save. */
export function AssessmentModal({ year, row, template, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const close = useDirtyGuard(form, onClose, '中期考核');
  const { saving, error, run } = useSubmit();
  /** Set when the server says the result notice is issued: a correction needs a reason. */
  const [needsReason, setNeedsReason] = useState(false);
  const typed = Form.useWatch('scores', form);
  // the same sum and maximum the core computes on save
  const sum = sheetTotal(template, typedScores(typed));
  const full = maxTotal(template.criteria);

  useEffect(() => {
    if (!row) return;
    setNeedsReason(false);
    const a = row.assessment;
    form.resetFields();
    loadValues(
      form,
      a
        ? { scores: a.scores, comments: a.comments, assessedOn: dayjs(a.assessedOn), assessors: a.assessors }
        : { scores: {}, comments: '', assessedOn: todayPicker(), assessors: [] },
    );
  }, [row, form]);

  function markProblems(err: unknown): void {
    showFieldErrors(form, err);
    if (!(err instanceof DeskApiError)) return;
    if (err.code === 'NEEDS_REASON') setNeedsReason(true);
    const problems = (err.details as { problems?: string[] } | undefined)?.problems;
    if (Array.isArray(problems))
      form.setFields(
        template.criteria.map((c) => ({ name: ['scores', c.key], errors: problems.filter((p) => p.includes(`“${c.title}”`)) })),
      );
  }

  const save = (v: Values) =>
    run(async () => {
      const scores: Record<string, number> = {};
      for (const c of template.criteria) {
        const n = v.scores?.[c.key];
        if (typeof n === 'number') scores[c.key] = n;
      }
      onSaved(
        await desk.call('assessments.save', {
          year,
          centerId: row!.center.id,
          scores,
          comments: (v.comments ?? '').trim(),
          assessedOn: toIsoDate(v.assessedOn),
          assessors: (v.assessors ?? []).map((s) => s.trim()).filter(Boolean),
          ...(needsReason ? { reason: (v.reason ?? '').trim() } : {}),
        }),
      );
    }, markProblems);

  return (
    <Modal
      afterOpenChange={refocusAutoFocus}
      open={!!row}
      title={`${year}年度中期考核：${row?.center.name ?? ''}`}
      okText="保存考核结果"
      okButtonProps={{ htmlType: 'submit' }}
      cancelText="取消"
      onCancel={close}
      confirmLoading={saving}
      destroyOnHidden
      maskClosable={false}
      width={820}
      styles={{ body: { maxHeight: 'calc(100vh - 230px)', overflowY: 'auto', overflowX: 'hidden' } }}
      modalRender={(dom) => (
        <Form
          form={form}
          layout="horizontal"
          labelCol={{ flex: '260px' }}
          labelWrap
          onFinish={(values) => void save(values)}
          scrollToFirstError={{ focus: true }}
          aria-label="中期考核表"
          data-testid="assessment-form"
        >
          {dom}
        </Form>
      )}
    >
      <ErrorAlert error={error} title="考核结果未保存" />
      {row?.summary ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          依托单位：{row.center.hostUnit}；总结提交于{formatDate(row.summary.submittedOn)}。考核表第{template.version}版。
        </Typography.Paragraph>
      ) : null}
      {template.criteria.map((c, i) => (
        <Form.Item key={c.key} label={`${i + 1}. ${c.title}`} tooltip={c.description || undefined} required style={{ marginBottom: 8 }}>
          <Flex align="center" gap={12}>
            <Form.Item name={['scores', c.key]} noStyle rules={[{ required: true, message: `请填写“${c.title}”的得分` }]}>
              {/* no max: a typed number is never silently clamped; the API names any score above the maximum */}
              <InputNumber
                aria-label={c.title}
                min={0}
                step={c.step}
                autoFocus={i === 0}
                data-autofocus={i === 0 || undefined}
                style={{ width: 120 }}
              />
            </Form.Item>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              满分{c.max}分，步长{c.step}分
            </Typography.Text>
          </Flex>
        </Form.Item>
      ))}
      <Form.Item label="得分合计（参考）" style={{ marginBottom: 12 }}>
        <Typography.Text strong style={{ fontSize: 16 }} data-testid="assessment-typed-sum">
          {sum}
        </Typography.Text>
        <Typography.Text type="secondary"> / {full} 分；保存后以系统计算的总分和等次为准。</Typography.Text>
      </Form.Item>
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item
            label="考核日期"
            name="assessedOn"
            labelCol={{ flex: '96px' }}
            rules={[{ required: true, message: '请选择考核日期' }]}
            style={{ marginBottom: 12 }}
          >
            <DatePicker format={DATE_FORMATS} aria-label="考核日期" allowClear={false} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item label="考核人员" name="assessors" labelCol={{ flex: '96px' }} style={{ marginBottom: 12 }}>
            <Select
              mode="tags"
              open={false}
              suffixIcon={null}
              aria-label="考核人员"
              tokenSeparators={['、', '，', ',']}
              placeholder="输入姓名后按回车"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="考核意见" name="comments" labelCol={{ flex: '96px' }} style={{ marginBottom: 0 }}>
        <Input.TextArea aria-label="考核意见" rows={2} maxLength={2000} />
      </Form.Item>
      {needsReason ? (
        <Form.Item
          label="修改理由"
          name="reason"
          labelCol={{ flex: '96px' }}
          style={{ marginTop: 12, marginBottom: 0 }}
          rules={[
            { required: true, whitespace: true, message: '请填写修改理由' },
            { min: 2, message: '修改理由至少2个字' },
          ]}
        >
          <Input aria-label="修改理由" maxLength={200} autoFocus data-autofocus placeholder="结果通知已印发，修改须说明理由" />
        </Form.Item>
      ) : null}
    </Modal>
  );
}
