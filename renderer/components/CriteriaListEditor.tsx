import { Button, Col, Form, Input, InputNumber, Row } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';

interface Props {
  /** What one row is called: 评分项 (scoring template) or 考核项 (assessment template). */
  noun: string;
}

/**
 * The rows of a scoring or assessment template inside a Form: name, full marks, step, description; add and
 * remove (at least one row stays). Field names: criteria[i].title / max / step / description.
 */
export function CriteriaListEditor({ noun }: Props) {
  return (
    <>
      <Row gutter={8} style={{ fontWeight: 500, marginBottom: 4 }}>
        <Col span={7}>{noun}</Col>
        <Col span={3}>满分</Col>
        <Col span={3}>步长</Col>
        <Col span={10}>{noun.slice(0, 2)}说明</Col>
      </Row>
      <Form.List name="criteria">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Row gutter={8} key={f.key} align="top">
                <Col span={7}>
                  <Form.Item
                    name={[f.name, 'title']}
                    rules={[{ required: true, whitespace: true, message: `请填写${noun}名称` }]}
                    style={{ marginBottom: 8 }}
                  >
                    <Input aria-label={`第${i + 1}项名称`} maxLength={40} autoFocus={i === 0} data-autofocus={i === 0 || undefined} />
                  </Form.Item>
                </Col>
                <Col span={3}>
                  <Form.Item name={[f.name, 'max']} rules={[{ required: true, message: '请填写满分' }]} style={{ marginBottom: 8 }}>
                    <InputNumber aria-label={`第${i + 1}项满分`} min={0} max={100} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={3}>
                  <Form.Item name={[f.name, 'step']} rules={[{ required: true, message: '请填写步长' }]} style={{ marginBottom: 8 }}>
                    <InputNumber aria-label={`第${i + 1}项步长`} min={0.1} max={10} step={0.5} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={10}>
                  <Form.Item name={[f.name, 'description']} style={{ marginBottom: 8 }}>
                    <Input aria-label={`第${i + 1}项说明`} maxLength={500} />
                  </Form.Item>
                </Col>
                <Col span={1}>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`删除第${i + 1}项`}
                    onClick={() => remove(f.name)}
                    disabled={fields.length <= 1}
                  />
                </Col>
              </Row>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ title: '', max: 10, step: 0.5, description: '' })}
              style={{ marginBottom: 16 }}
            >
              添加{noun}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}
