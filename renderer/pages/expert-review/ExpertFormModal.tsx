import { useEffect } from 'react';
import { Col, Form, Input, Modal, Row, Select } from 'antd';
import type { Expert } from '../../../electron/core/contract/index.js';
import { desk, DeskApiError } from '../../rpc';
import { ErrorAlert } from '../../components/ErrorAlert';
import { focusFirstError, showFieldErrors } from '../../components/fieldErrors';
import { usccItemProps } from '../../components/usccRule';
import { useSubmit } from '../../components/useSubmit';
import { refocusAutoFocus } from '../../components/refocusAutoFocus';
import { loadValues, useDirtyGuard } from '../../components/dirtyGuard';

interface Props {
  open: boolean;
  /** The expert to edit; undefined to add one. */
  expert: Expert | undefined;
  onClose: () => void;
  onSaved: (e: Expert) => void;
}

interface Values {
  name: string;
  organisation: string;
  organisationUscc?: string;
  title?: string;
  field?: string;
  phone?: string;
  declaredConflicts?: string[];
}

/** 新增专家 / 修改专家信息: one dialog, Enter saves, Esc cancels. */
export function ExpertFormModal({ open, expert, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const close = useDirtyGuard(form, onClose, '专家信息');
  const { saving, error, setError, run } = useSubmit();
  const title = expert ? `修改专家信息：${expert.name}` : '新增专家';

  useEffect(() => {
    if (open) loadValues(form, expert ? { ...expert, organisationUscc: expert.organisationUscc ?? '' } : { declaredConflicts: [] });
  }, [open, expert, form]);

  const save = (v: Values) =>
    run(
      async () => {
        const body = {
          name: v.name.trim(),
          organisation: v.organisation.trim(),
          title: (v.title ?? '').trim(),
          field: (v.field ?? '').trim(),
          phone: (v.phone ?? '').trim(),
          declaredConflicts: (v.declaredConflicts ?? []).map((s) => s.trim()).filter(Boolean),
          ...(v.organisationUscc?.trim() ? { organisationUscc: v.organisationUscc.trim().toUpperCase() } : {}),
        };
        onSaved(expert ? await desk.call('experts.update', { id: expert.id, ...body }) : await desk.call('experts.create', body));
      },
      (err) => {
        // Field problems (e.g. a control character or an unprintable character in 姓名) go under their field.
        showFieldErrors(form, err, (path) => (path[0] ? [path[0]] : null));
        if (err instanceof DeskApiError && /信用代码/.test(err.message)) {
          form.setFields([{ name: 'organisationUscc', errors: [err.message] }]);
          focusFirstError(form);
          setError(null);
        }
      },
    );

  return (
    <Modal
      afterOpenChange={refocusAutoFocus}
      open={open}
      title={title}
      okText="保存"
      okButtonProps={{ htmlType: 'submit' }}
      cancelText="取消"
      onCancel={close}
      confirmLoading={saving}
      destroyOnHidden
      maskClosable={false}
      width={640}
      modalRender={(dom) => (
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => void save(values)}
          scrollToFirstError={{ focus: true }}
          aria-label={title}
          clearOnDestroy
        >
          {dom}
        </Form>
      )}
    >
      <ErrorAlert error={error} title="未能保存" />
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            label="姓名"
            name="name"
            rules={[
              { required: true, whitespace: true, message: '请填写专家姓名' },
              { min: 2, message: '专家姓名至少2个字' },
            ]}
          >
            <Input autoFocus data-autofocus maxLength={30} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="职称" name="title">
            <Input maxLength={30} placeholder="如 教授、高级工程师" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label="工作单位"
            name="organisation"
            rules={[
              { required: true, whitespace: true, message: '请填写工作单位' },
              { min: 2, message: '工作单位至少2个字' },
            ]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label="单位统一社会信用代码"
            name="organisationUscc"
            extra="选填；填写后按单位代码检查利益冲突。"
            {...usccItemProps(false)}
          >
            <Input maxLength={18} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="专业领域" name="field">
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="联系电话" name="phone">
            <Input maxLength={20} placeholder="手机号或 0591-87654321" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="声明回避的单位" name="declaredConflicts" extra="输入单位名称或信用代码后按回车添加；分配评审时自动回避。">
        <Select
          mode="tags"
          open={false}
          suffixIcon={null}
          tokenSeparators={[',', '，', '；']}
          placeholder="如 福州某某科技有限公司"
          aria-label="声明回避的单位"
        />
      </Form.Item>
    </Modal>
  );
}
