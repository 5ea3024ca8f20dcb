import { Col, Flex, Form, InputNumber, Row, Typography } from 'antd';
import { INDICATORS, WORK_TASKS } from './labels';

/** The nine indicators as number fields, one line per work-plan task (form names: ['indicators', key]). */
export function IndicatorFields({ autoFocus }: { autoFocus?: boolean }) {
  return (
    <div data-testid="indicator-fields" style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '0 12px', marginBottom: 12 }}>
      {WORK_TASKS.map((task, t) => (
        <Row
          key={task}
          gutter={8}
          align="top"
          role="group"
          aria-label={task}
          style={{ padding: '6px 0', borderTop: t ? '1px dashed #f0f0f0' : undefined }}
        >
          <Col flex="150px" style={{ lineHeight: '32px' }}>
            <Typography.Text strong>
              {t + 1}. {task}
            </Typography.Text>
          </Col>
          <Col flex="1" style={{ minWidth: 0 }}>
            <Flex gap={16} wrap>
              {INDICATORS.filter((i) => i.task === t + 1).map((ind, n) => (
                <Form.Item
                  key={ind.key}
                  labelCol={n === 0 ? { flex: '200px' } : undefined}
                  name={['indicators', ind.key]}
                  label={ind.label}
                  colon={false}
                  rules={[{ required: true, message: `请填写${ind.label}` }]}
                  style={{ marginBottom: 0 }}
                >
                  {/* no min: a typed number is never silently clamped; the API names a negative one */}
                  <InputNumber
                    aria-label={ind.label}
                    step={ind.decimals ? 0.01 : 1}
                    suffix={ind.unit}
                    autoFocus={autoFocus && ind.key === INDICATORS[0].key}
                    data-autofocus={(autoFocus && ind.key === INDICATORS[0].key) || undefined}
                    style={{ width: ind.decimals ? 150 : 120 }}
                  />
                </Form.Item>
              ))}
            </Flex>
          </Col>
        </Row>
      ))}
    </div>
  );
}
