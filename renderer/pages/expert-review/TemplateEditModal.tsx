import { useEffect, useState } from 'react';
import { Col, Form, InputNumber, Modal, Row, Typography } from 'antd';
import type { ScoringTemplate } from '../../../electron/core/contract/index.js';
import { desk, DeskApiError } from '../../rpc';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/useSubmit';
import { ReasonModal } from '../../components/ReasonModal';
import { CriteriaListEditor } from '../../components/CriteriaListEditor';
import { refocusAutoFocus } from '../../components/refocusAutoFocus';
import { loadValues, useDirtyGuard } from '../../components/dirtyGuard';

interface Props {
  open: boolean;
  batchId: string;
  template: ScoringTemplate;
  frozen: boolean;
  onClose: () => void;
  onSaved: (message: string) => void;
}

interface Values {
  criteria: { key?: string; title: string; max: number; step: number; description?: string }[];
  passLine: number;
  quorum: number;
}

/** 修改评分表. A frozen template answers NEEDS_REASON: the reason is asked, and a new version is made. */
export function TemplateEditModal({ open, batchId, template, frozen, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const close = useDirtyGuard(form, onClose, '评分表');
  const { saving, error, run } = useSubmit();
  const [pending, setPending] = useState<Values | null>(null);

  useEffect(() => {
    if (open)
      loadValues(form, { criteria: template.criteria.map((c) => ({ ...c })), passLine: template.passLine, quorum: template.quorum });
  }, [open, template, form]);

  const body = (v: Values) => ({
    batchId,
    criteria: v.criteria.map((c) => ({
      ...(c.key ? { key: c.key } : {}),
      title: c.title.trim(),
      max: c.max,
      step: c.step,
      description: (c.description ?? '').trim(),
    })),
    passLine: v.passLine,
    quorum: v.quorum,
  });
  const save = (v: Values) =>
    run(
      async () => {
        const saved = await desk.call('scoring.saveTemplate', body(v));
        onSaved(`评分表已保存（第${saved.current.version}版）。`);
      },
      (err) => {
        if (err instanceof DeskApiError && err.code === 'NEEDS_REASON') setPending(v);
      },
    );
  const title = `修改评分表${frozen ? '（已冻结，保存将生成新版本）' : ''}`;

  return (
    <Modal
      afterOpenChange={refocusAutoFocus}
      open={open}
      title={title}
      okText="保存评分表"
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
          aria-label="修改评分表"
          clearOnDestroy
        >
          {dom}
        </Form>
      )}
    >
      <ErrorAlert error={pending ? null : error} title="未能保存" />
      <CriteriaListEditor noun="评分项" />
      <Row gutter={16}>
        <Col span={6}>
          <Form.Item label="及格线（分）" name="passLine" rules={[{ required: true, message: '请填写及格线' }]}>
            <InputNumber min={0} max={1000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label="最少有效专家人数" name="quorum" rules={[{ required: true, message: '请填写最少专家人数' }]}>
            <InputNumber min={1} max={50} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Typography.Paragraph type="secondary" style={{ marginTop: 30, fontSize: 12 }}>
            各项满分之和即总分满分；总分由系统按各项得分计算，不能手工填写。
          </Typography.Paragraph>
        </Col>
      </Row>
      <ReasonModal
        open={pending !== null}
        title="评分表已冻结：填写修改理由"
        intro={error instanceof DeskApiError ? error.message : '已开始评分，修改评分表将生成新版本。'}
        label="修改理由"
        okText="生成新版本"
        onClose={() => setPending(null)}
        onSubmit={async (reason) => {
          const saved = await desk.call('scoring.saveTemplate', { ...body(pending!), reason });
          setPending(null);
          onSaved(`评分表已生成第${saved.current.version}版（理由：${reason}）。`);
        }}
      />
    </Modal>
  );
}
