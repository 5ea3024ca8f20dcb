import { useEffect } from 'react';
import { App, Button, DatePicker, Form, Input, InputNumber, Radio, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Recommendation, ScoreSheet, ScoringTemplate } from '../../../electron/core/contract/index.js';
import { desk, DeskApiError } from '../../rpc';
import { toIsoDate } from '../../format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { focusFirstError } from '../../components/fieldErrors';
import { useSubmit } from '../../components/useSubmit';
import { sheetTotal, typedScores } from '../../../electron/core/domain/score-sheet.js';
import { maxTotal } from '../../../electron/core/domain/scoring-template.js';

interface Props {
  applicationId: string;
  expertId: string;
  template: ScoringTemplate;
  /** The current sheet of this pair, if any (saving makes a new version). */
  existing: ScoreSheet | undefined;
  onSaved: (sheet: ScoreSheet) => void;
}

interface Values {
  scores: Record<string, number | null>;
  recommendation: Recommendation;
  comment?: string;
  signedOn?: Dayjs | null;
}

/** 代录 one paper sheet: one number per criterion; the API checks range and step and computes the total. */
export function SheetForm({ applicationId, expertId, template, existing, onSaved }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { saving, error, setError, run } = useSubmit();
  const typed = Form.useWatch('scores', form);
  // the same sum and maximum the core computes on save
  const entered = typedScores(typed);
  const sum = Object.keys(entered).length ? sheetTotal(template, entered) : null;
  const full = maxTotal(template.criteria);

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(
      existing
        ? {
            scores: existing.scores,
            recommendation: existing.recommendation,
            comment: existing.comment,
            signedOn: existing.signedOn ? dayjs(existing.signedOn) : null,
          }
        : { scores: {}, recommendation: 'recommend', comment: '', signedOn: null },
    );
    setError(null);
  }, [applicationId, expertId, existing, form, setError]);

  /** Problems from the API (“工作团队”得分20超过满分15) go under the criterion they name. */
  function markProblems(err: unknown): void {
    if (!(err instanceof DeskApiError)) return;
    const problems = (err.details as { problems?: string[] } | undefined)?.problems ?? [];
    form.setFields(template.criteria.map((c) => ({ name: ['scores', c.key], errors: problems.filter((p) => p.includes(`“${c.title}”`)) })));
    focusFirstError(form);
  }

  const save = (v: Values) =>
    run(async () => {
      const scores: Record<string, number> = {};
      for (const c of template.criteria) {
        const n = v.scores?.[c.key];
        if (typeof n === 'number') scores[c.key] = n;
      }
      const sheet = await desk.call('scoring.enterSheet', {
        applicationId,
        expertId,
        scores,
        recommendation: v.recommendation,
        comment: (v.comment ?? '').trim(),
        ...(v.signedOn ? { signedOn: toIsoDate(v.signedOn) } : {}),
      });
      form.setFields(template.criteria.map((c) => ({ name: ['scores', c.key], errors: [] })));
      if (sheet.unchanged) message.info(`未修改，未生成新版本（仍为第${sheet.version}版，总分 ${sheet.total} 分）。`);
      else message.success(`评分已代录：总分 ${sheet.total} 分（第${sheet.version}版）。`);
      onSaved(sheet);
    }, markProblems);

  return (
    <Form
      form={form}
      layout="horizontal"
      labelCol={{ flex: '300px' }}
      labelWrap
      onFinish={(values) => void save(values)}
      scrollToFirstError={{ focus: true }}
      aria-label="代录评分表"
      data-testid="sheet-form"
    >
      <ErrorAlert error={error} title="评分未保存" />
      {template.criteria.map((c, i) => (
        <Form.Item
          key={c.key}
          label={`${i + 1}. ${c.title}`}
          tooltip={c.description || undefined}
          name={['scores', c.key]}
          rules={[{ required: true, message: `请填写“${c.title}”的得分` }]}
          style={{ marginBottom: 12 }}
          extra={`满分${c.max}分，步长${c.step}分`}
        >
          {/* no max: a typed number is never silently clamped; the API names any score above the maximum */}
          <InputNumber aria-label={c.title} min={0} step={c.step} autoFocus={i === 0} style={{ width: 140 }} />
        </Form.Item>
      ))}
      <Form.Item label="预计总分" style={{ marginBottom: 12 }}>
        <Space>
          <Typography.Text strong style={{ fontSize: 18 }} data-testid="typed-sum">
            {sum ?? '—'}
          </Typography.Text>
          <Typography.Text type="secondary">
            / {full} 分（及格线 {template.passLine} 分；保存后以系统计算的总分为准）
          </Typography.Text>
        </Space>
      </Form.Item>
      <Form.Item
        label="推荐意见"
        name="recommendation"
        rules={[{ required: true, message: '请选择推荐意见' }]}
        style={{ marginBottom: 12 }}
      >
        <Radio.Group
          options={[
            { value: 'recommend', label: '推荐' },
            { value: 'notRecommend', label: '不推荐' },
          ]}
        />
      </Form.Item>
      <Form.Item label="评语" name="comment" extra="不推荐或总分低于及格线时须填写（至少5个字）。" style={{ marginBottom: 12 }}>
        <Input.TextArea rows={2} maxLength={2000} style={{ maxWidth: 560 }} />
      </Form.Item>
      <Form.Item label="专家签字日期" name="signedOn" style={{ marginBottom: 16 }}>
        <DatePicker format={['YYYY-MM-DD', 'YYYY/MM/DD', 'YYYYMMDD']} placeholder="YYYY-MM-DD" aria-label="专家签字日期" />
      </Form.Item>
      <Form.Item label=" " colon={false}>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            保存评分
          </Button>
          <Tag color="purple">代录</Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            按回车保存；记录为“秘书处据纸质评分表代录”。
          </Typography.Text>
        </Space>
      </Form.Item>
    </Form>
  );
}
