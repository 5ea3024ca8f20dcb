import { useEffect, useState } from 'react';
import { App, Button, Card, Form, Input } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { desk } from '../../rpc';
import { loadValues, markClean, useLeaveGuard } from '../../components/dirtyGuard';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRemote } from '../../components/useRemote';

interface ListForm {
  districts: string;
  industries: string;
}

const toLines = (list: readonly string[]) => list.join('\n');
const fromLines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** 选择列表: the 县(市)区 and 产业 lists used by forms, the Excel template and imports; one item per line. */
export function ChoiceListsCard() {
  const { message } = App.useApp();
  const lists = useRemote(() => desk.call('settings.lists', {}), []);
  const [form] = Form.useForm<ListForm>();
  useLeaveGuard(form, '选择列表');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (lists.data) loadValues(form, { districts: toLines(lists.data.districts), industries: toLines(lists.data.industries) });
  }, [lists.data, form]);

  async function save(values: ListForm): Promise<void> {
    setSaving(true);
    setError(null);
    try {
      await desk.call('settings.update', { districts: fromLines(values.districts), industries: fromLines(values.industries) });
      markClean(form);
      message.success('选择列表已保存，新建申报和导入模板将使用新列表。');
      lists.reload();
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card title="选择列表" size="small">
      <ErrorAlert error={lists.error} title="无法读取选择列表" onRetry={lists.reload} />
      <ErrorAlert error={error} title="未能保存选择列表" />
      <Form<ListForm>
        form={form}
        layout="vertical"
        onFinish={(values) => void save(values)}
        scrollToFirstError={{ focus: true }}
        disabled={!lists.data}
        aria-label="选择列表"
      >
        <Form.Item label="县（市）区" name="districts" extra="每行一项。用于申报表、Excel 导入模板的下拉列表和导入检查。">
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 8 }} />
        </Form.Item>
        <Form.Item label="产业" name="industries" extra="每行一项（福州市“344”产业体系，可增删）。">
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 8 }} />
        </Form.Item>
        <Button htmlType="submit" icon={<SaveOutlined />} loading={saving}>
          保存列表
        </Button>
      </Form>
    </Card>
  );
}
