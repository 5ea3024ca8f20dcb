import { Button, Col, Divider, Flex, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { InputRef } from 'antd';
import type { Ref } from 'react';
import { ROUTE_LABELS, UNIT_TYPE_LABELS, labelOptions, options } from './lists';
import { useChoiceLists } from '../../components/useChoiceLists';
import { usccItemProps } from '../../components/usccRule';
import { IP_FIGURE_LABELS } from '../../../electron/core/contract/applications-labels.js';

const section = (title: string) => (
  <Divider titlePlacement="start" style={{ margin: '4px 0 12px', fontSize: 14 }}>
    {title}
  </Divider>
);

/** The fields of 申报 (names follow the API's shape, so its error paths land on the right field). */
export function ApplicationFormFields({ nameRef, creating }: { nameRef: Ref<InputRef>; creating: boolean }) {
  const route = Form.useWatch('route');
  const { districts: DISTRICTS, industries: INDUSTRIES } = useChoiceLists();
  return (
    <>
      {section('申报单位')}
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            label="单位名称"
            name={['applicant', 'name']}
            rules={[{ required: true, whitespace: true, message: '请填写单位名称' }]}
          >
            <Input ref={nameRef} maxLength={100} autoFocus={creating} data-autofocus={creating || undefined} placeholder="与营业执照一致" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="统一社会信用代码" name={['applicant', 'uscc']} required {...usccItemProps(true)}>
            <Input maxLength={40} placeholder="18位，如 91350100M000100Y43" style={{ fontVariantNumeric: 'tabular-nums' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="单位类型" name={['applicant', 'unitType']}>
            <Select allowClear placeholder="请选择" options={labelOptions(UNIT_TYPE_LABELS)} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="法定代表人" name={['applicant', 'legalRepresentative']}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="联系人" name={['applicant', 'contact']}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="联系电话" name={['applicant', 'phone']}>
            <Input maxLength={20} placeholder="手机号或 0591-87654321" />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item label="地址" name={['applicant', 'address']}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="所属县（市）区" name={['applicant', 'district']}>
            <Select allowClear showSearch placeholder="请选择" options={options(DISTRICTS)} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="所属产业" name={['applicant', 'industry']}>
            <Select allowClear showSearch placeholder="请选择" options={options(INDUSTRIES)} />
          </Form.Item>
        </Col>
      </Row>
      {section('申报途径与拟建中心')}
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item label="申报途径" name="route">
            <Radio.Group options={labelOptions(ROUTE_LABELS)} />
          </Form.Item>
        </Col>
        <Col span={14}>
          {route === 'recommended' ? (
            <Form.Item label="推荐单位（县（市）区）" name="recommendingDistrict">
              <Select allowClear showSearch placeholder="请选择推荐的县（市）区" options={options(DISTRICTS)} />
            </Form.Item>
          ) : null}
        </Col>
        <Col span={24}>
          <Form.Item label="拟建中心名称" name="proposedCenterName">
            <Input maxLength={100} placeholder="如：福州市电子信息产业知识产权协同保护与运营中心" />
          </Form.Item>
        </Col>
      </Row>
      {section('知识产权数据（件）')}
      <Flex gap={12} wrap>
        {IP_FIGURE_LABELS.map(([key, label]) => (
          <Form.Item key={key} label={label} name={['ipFigures', key]} style={{ width: 118 }}>
            <InputNumber min={0} precision={0} controls={false} style={{ width: '100%' }} />
          </Form.Item>
        ))}
      </Flex>
      {section('工作团队')}
      <Form.List name="team">
        {(fields, { add, remove }) => (
          <>
            {fields.map(({ key, name }) => (
              <Row gutter={8} key={key} align="top">
                <Col span={5}>
                  <Form.Item name={[name, 'name']} aria-label="姓名">
                    <Input placeholder="姓名" maxLength={30} aria-label={`第${name + 1}位成员姓名`} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name={[name, 'role']}>
                    <Input placeholder="岗位 / 分工" maxLength={30} aria-label={`第${name + 1}位成员岗位`} />
                  </Form.Item>
                </Col>
                <Col span={5}>
                  <Form.Item name={[name, 'title']}>
                    <Input placeholder="职称" maxLength={30} aria-label={`第${name + 1}位成员职称`} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name={[name, 'qualification']}>
                    <Input placeholder="资质，如 专利代理师" maxLength={60} aria-label={`第${name + 1}位成员资质`} />
                  </Form.Item>
                </Col>
                <Col span={2}>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(name)}
                    aria-label={`删除第${name + 1}位成员`}
                  />
                </Col>
              </Row>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ name: '', role: '', title: '', qualification: '' })}
              style={{ marginBottom: 16 }}
            >
              添加成员
            </Button>
          </>
        )}
      </Form.List>
      {section('办公场所')}
      <Row gutter={16}>
        <Col span={16}>
          <Form.Item label="办公地址" name={['office', 'address']}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="面积" name={['office', 'areaM2']}>
            <InputNumber min={0} controls={false} suffix="m²" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {section('知识产权工作情况')}
      <Form.Item name="narrative">
        <Input.TextArea
          rows={5}
          maxLength={20000}
          showCount
          aria-label="知识产权工作情况"
          placeholder="近年开展知识产权保护、运营等工作的情况"
        />
      </Form.Item>
    </>
  );
}
