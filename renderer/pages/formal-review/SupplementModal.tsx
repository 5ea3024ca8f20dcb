import { Alert, Checkbox, Flex, Form, Input, InputNumber, Modal, Tag, Typography } from 'antd';
import type { Application } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/useSubmit';
import { useDirtyGuard } from '../../components/dirtyGuard';
import { useChoiceLists } from '../../components/useChoiceLists';
import { useRemote } from '../../components/useRemote';

/** The reason pre-filled for an item the checklist knows is missing (the clerk may reword it). */
const MISSING_REASON = '未提交该项材料';
const DEFAULT_WORKING_DAYS = 5;

interface Values {
  items: Record<string, { checked?: boolean; reason?: string } | undefined>;
  workingDays: number;
  note?: string;
}

interface Props {
  open: boolean;
  application: Application;
  missing: number[];
  onClose: () => void;
  onDone: (app: Application) => void;
}

/**
 * 要求补正: tick the defective items (those the checklist knows are missing come ticked, with a reason), a short
 * reason each, and the working days (default 5). The deadline date is computed by the core and shown before sending.
 */
export function SupplementModal({ open, application, missing, onClose, onDone }: Props) {
  const { materials } = useChoiceLists();
  const [form] = Form.useForm<Values>();
  const close = useDirtyGuard(form, onClose, '补正通知');
  const { saving, error, setError, run } = useSubmit();
  const items = Form.useWatch('items', form) ?? {};
  const workingDays = Form.useWatch('workingDays', form);
  const days =
    typeof workingDays === 'number' && Number.isInteger(workingDays) && workingDays >= 1 && workingDays <= 60 ? workingDays : null;
  const deadline = useRemote(
    () => (open && days !== null ? desk.call('formalReview.supplementDeadline', { workingDays: days }) : Promise.resolve(null)),
    [open, days],
  );
  const shown = deadline.data && deadline.data.workingDays === days ? deadline.data : null;
  const initialItems = Object.fromEntries(missing.map((no) => [String(no), { checked: true, reason: MISSING_REASON }]));

  async function save(v: Values): Promise<void> {
    const picked = materials
      .filter((m) => v.items?.[m.no]?.checked)
      .map((m) => ({ no: m.no, reason: (v.items[m.no]?.reason ?? '').trim() }));
    if (!picked.length) {
      setError(new Error('请至少勾选一项需补正的材料'));
      return;
    }
    const note = v.note?.trim();
    await run(async () =>
      onDone(
        await desk.call('formalReview.requireSupplement', {
          applicationId: application.id,
          items: picked,
          workingDays: v.workingDays,
          ...(note ? { note } : {}),
        }),
      ),
    );
  }

  return (
    <Modal
      open={open}
      title="要求补正"
      okText="发出补正要求"
      cancelText="取消"
      onCancel={close}
      confirmLoading={saving}
      okButtonProps={{ htmlType: 'submit' }}
      destroyOnHidden
      width={760}
      maskClosable={false}
      modalRender={(dom) => (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(values) => void save(values)}
          initialValues={{ items: initialItems, workingDays: DEFAULT_WORKING_DAYS }}
          aria-label="要求补正"
          clearOnDestroy
        >
          {dom}
        </Form>
      )}
    >
      <ErrorAlert error={error} title="未能发出补正要求" />
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        一次性告知申报单位需补正的全部材料。勾选有缺漏的材料并写明需补正的内容。
        {missing.length ? `尚未提交的${missing.length}项材料已勾选。` : ''}
      </Typography.Paragraph>
      {materials.map((m) => {
        const checked = !!items[m.no]?.checked;
        return (
          <Flex key={m.no} gap={8} align="flex-start" style={{ marginBottom: 4 }}>
            <Form.Item
              name={['items', String(m.no), 'checked']}
              valuePropName="checked"
              style={{ marginBottom: 0, width: 300, flex: 'none' }}
            >
              <Checkbox aria-label={`补正第${m.no}项`} title={m.title}>
                {m.no}. {m.title.length > 16 ? `${m.title.slice(0, 16)}…` : m.title}
                {missing.includes(m.no) ? (
                  <Tag color="red" style={{ marginLeft: 6 }}>
                    缺
                  </Tag>
                ) : null}
              </Checkbox>
            </Form.Item>
            <Form.Item
              name={['items', String(m.no), 'reason']}
              style={{ marginBottom: 8, flex: 1 }}
              rules={
                checked
                  ? [
                      { required: true, whitespace: true, message: '请写明需补正的内容' },
                      { min: 2, message: '至少2个字' },
                    ]
                  : []
              }
            >
              <Input
                size="small"
                maxLength={200}
                disabled={!checked}
                aria-label={`第${m.no}项补正理由`}
                placeholder={checked ? '需补正的内容，如：复印件未加盖公章' : ''}
              />
            </Form.Item>
          </Flex>
        );
      })}
      <Flex gap={16}>
        <Form.Item label="补正期限" name="workingDays" rules={[{ required: true, message: '请填写补正期限' }]} style={{ width: 180 }}>
          <InputNumber min={1} max={60} precision={0} suffix="个工作日" style={{ width: '100%' }} aria-label="补正期限（工作日）" />
        </Form.Item>
        <Form.Item label="备注" name="note" style={{ flex: 1 }}>
          <Input maxLength={200} />
        </Form.Item>
      </Flex>
      <Alert
        type={shown?.warning ? 'warning' : 'info'}
        showIcon
        data-testid="supplement-deadline-preview"
        style={{ marginBottom: 8 }}
        title={
          days === null
            ? '请填写补正期限（1–60个工作日）'
            : shown
              ? `今天发出，${shown.text}`
              : deadline.error
                ? '未能计算截止日期'
                : '正在计算截止日期…'
        }
        {...(shown?.warning ? { description: shown.warning } : {})}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        截止日期按工作日计算（跳过周末和法定节假日）。按回车键确认，按 Esc 键取消。
      </Typography.Text>
    </Modal>
  );
}
