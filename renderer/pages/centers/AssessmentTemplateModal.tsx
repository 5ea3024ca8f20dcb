import { useEffect } from 'react';
import { Alert, Col, Form, Input, InputNumber, Modal, Row, Typography } from 'antd';
import type { AssessmentTemplateView } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/useSubmit';
import { showFieldErrors } from '../../components/fieldErrors';
import { CriteriaListEditor } from '../../components/CriteriaListEditor';
import { refocusAutoFocus } from '../../components/refocusAutoFocus';
import { maxTotal } from '../../../electron/core/domain/scoring-template.js';
import { loadValues, useDirtyGuard } from '../../components/dirtyGuard';

interface Values {
  criteria: { key?: string; title: string; max: number; step: number; description?: string }[];
  bands: { excellent: number; good: number; pass: number };
  reason?: string;
}

interface Props {
  open: boolean;
  view: AssessmentTemplateView;
  onClose: () => void;
  onSaved: (view: AssessmentTemplateView) => void;
}

/** 修改中期考核表: criteria rows and the 优秀/良好/合格 lines. A frozen template needs a reason (a new version is made). */
export function AssessmentTemplateModal({ open, view, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const close = useDirtyGuard(form, onClose, '中期考核表');
  const { saving, error, run } = useSubmit();
  const criteria = Form.useWatch('criteria', form);
  const full = maxTotal((criteria ?? []).filter((c) => typeof c?.max === 'number'));

  useEffect(() => {
    if (open) loadValues(form, { criteria: view.current.criteria.map((c) => ({ ...c })), bands: { ...view.current.bands }, reason: '' });
  }, [open, view, form]);

  const save = (v: Values) =>
    run(
      async () => {
        onSaved(
          await desk.call('assessments.saveTemplate', {
            year: view.year,
            criteria: v.criteria.map((c) => ({
              ...(c.key ? { key: c.key } : {}),
              title: c.title.trim(),
              max: c.max,
              step: c.step,
              description: (c.description ?? '').trim(),
            })),
            bands: v.bands,
            ...(view.frozen ? { reason: (v.reason ?? '').trim() } : {}),
          }),
        );
      },
      (err) => showFieldErrors(form, err),
    );

  return (
    <Modal
      afterOpenChange={refocusAutoFocus}
      open={open}
      title={`修改${view.year}年度中期考核表${view.frozen ? '（已冻结，保存将生成新版本）' : ''}`}
      okText="保存考核表"
      okButtonProps={{ htmlType: 'submit' }}
      cancelText="取消"
      onCancel={close}
      confirmLoading={saving}
      destroyOnHidden
      maskClosable={false}
      width={900}
      styles={{ body: { maxHeight: 'calc(100vh - 230px)', overflowY: 'auto', overflowX: 'hidden' } }}
      modalRender={(dom) => (
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => void save(values)}
          scrollToFirstError={{ focus: true }}
          aria-label="修改中期考核表"
          clearOnDestroy
        >
          {dom}
        </Form>
      )}
    >
      <ErrorAlert error={error} title="考核表未保存" />
      {view.frozen ? (
        <Alert
          type="warning"
          showIcon
          title="本年度已有考核结果使用此表：保存将生成新版本，须填写修改理由；已登记的考核按原版本保留。"
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <CriteriaListEditor noun="考核项" />
      <Row gutter={16}>
        {(
          [
            ['excellent', '优秀（分数线）'],
            ['good', '良好（分数线）'],
            ['pass', '合格（分数线）'],
          ] as const
        ).map(([k, label]) => (
          <Col span={5} key={k}>
            <Form.Item label={label} name={['bands', k]} rules={[{ required: true, message: `请填写${label.slice(0, 2)}分数线` }]}>
              <InputNumber aria-label={label} min={0} max={1000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
        <Col span={9}>
          <Typography.Paragraph type="secondary" style={{ marginTop: 30, fontSize: 12 }}>
            满分合计 {full} 分。总分不低于分数线即为该等次，低于合格线为不合格；等次由系统计算。
          </Typography.Paragraph>
        </Col>
      </Row>
      {view.frozen ? (
        <Form.Item
          label="修改理由"
          name="reason"
          rules={[
            { required: true, whitespace: true, message: '请填写修改理由' },
            { min: 2, message: '修改理由至少2个字' },
          ]}
        >
          <Input aria-label="修改理由" maxLength={200} showCount />
        </Form.Item>
      ) : null}
    </Modal>
  );
}
