import { useEffect, useState } from 'react';
import { App, Button, Card, Col, Form, Input, Row, Typography } from 'antd';
import { AuditOutlined, SaveOutlined } from '@ant-design/icons';
import type { Settings } from '../../../electron/core/contract/index.js';
import { desk, DeskApiError } from '../../rpc';
import { PageHeader } from '../../components/PageHeader';
import { loadValues, markClean, useLeaveGuard } from '../../components/dirtyGuard';
import { ErrorAlert } from '../../components/ErrorAlert';
import { focusFirstError } from '../../components/fieldErrors';
import { useSettings } from '../../components/SettingsContext';
import { SystemInfoCard } from './SystemInfoCard';
import { RoleCard } from '../setup/RoleCard';
import { ChoiceListsCard } from './ChoiceListsCard';
import { HolidayCard } from './HolidayCard';
import { CertificateCard } from './CertificateCard';
import { SummaryDueCard } from './SummaryDueCard';
import { ArchivalCard } from './ArchivalCard';

type TextField = 'bureauName' | 'operatorName' | 'docNumberPrefix' | 'certNumberPrefix';
const FIELDS = new Set<TextField>(['bureauName', 'operatorName', 'docNumberPrefix', 'certNumberPrefix']);

export function SettingsPage() {
  const { message } = App.useApp();
  const { settings, error: loadError, setSettings, reload } = useSettings();
  const [form] = Form.useForm<Settings>();
  useLeaveGuard(form, '单位与编号');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (settings) loadValues(form, settings);
  }, [settings, form]);

  async function save(values: Settings): Promise<void> {
    setSaving(true);
    setError(null);
    try {
      const changes: Partial<Pick<Settings, TextField>> = {};
      for (const key of FIELDS) if (values[key] !== settings?.[key]) changes[key] = values[key];
      if (Object.keys(changes).length === 0) {
        message.info('设置没有改动。');
        markClean(form);
        return;
      }
      const next = await desk.call('settings.update', changes);
      setSettings(next);
      loadValues(form, next);
      markClean(form);
      message.success('设置已保存。');
    } catch (err) {
      if (err instanceof DeskApiError && err.code === 'INVALID_INPUT' && Array.isArray(err.details)) {
        form.setFields(
          (err.details as { path?: string[]; message?: string }[])
            .filter((d) => d.path?.[0] && FIELDS.has(d.path[0] as TextField))
            .map((d) => ({ name: d.path![0] as TextField, errors: [d.message ?? '输入有误'] })),
        );
        focusFirstError(form);
      }
      setError(err);
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <PageHeader
        title="基本设置"
        description="发文机关、操作人和编号前缀用于生成的文书、证书和操作日志。"
        extra={
          <Typography.Link
            href="#/expert"
            title="评审专家在自己的电脑上导入评审包、离线评分时使用（只显示评审包内容）"
            style={{ fontSize: 13 }}
          >
            <AuditOutlined /> 进入专家模式
          </Typography.Link>
        }
      />
      <ErrorAlert error={loadError} title="无法读取设置" onRetry={reload} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title="单位与编号" size="small">
            <ErrorAlert error={error} title="未能保存设置" />
            <Form<Settings>
              form={form}
              layout="vertical"
              onFinish={(values) => void save(values)}
              scrollToFirstError={{ focus: true }}
              disabled={!settings}
              aria-label="基本设置"
            >
              <Form.Item
                label="发文机关"
                name="bureauName"
                rules={[
                  { required: true, whitespace: true, message: '请填写发文机关名称' },
                  { max: 40, message: '发文机关名称不超过40个字' },
                ]}
              >
                <Input placeholder="如：福州市市场监督管理局" maxLength={40} />
              </Form.Item>
              <Form.Item
                label="操作人"
                name="operatorName"
                extra="记入操作日志；多人共用一台电脑时，换人后请先修改此处。"
                rules={[{ max: 20, message: '操作人姓名不超过20个字' }]}
              >
                <Input placeholder="经办人姓名" maxLength={20} />
              </Form.Item>
              <Row gutter={16}>
                <Col span={12}>
                  <Form.Item
                    label="发文字号前缀"
                    name="docNumberPrefix"
                    extra="如 榕市监知 → 榕市监知〔2026〕3号"
                    rules={[
                      { required: true, whitespace: true, message: '请填写发文字号前缀' },
                      { max: 12, message: '不超过12个字' },
                    ]}
                  >
                    <Input maxLength={12} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item
                    label="证书编号前缀"
                    name="certNumberPrefix"
                    extra="如 FZIPC → FZIPC-2026-001"
                    rules={[
                      { required: true, whitespace: true, message: '请填写证书编号前缀' },
                      { max: 12, message: '不超过12个字' },
                    ]}
                  >
                    <Input maxLength={12} />
                  </Form.Item>
                </Col>
              </Row>
              <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving}>
                保存设置
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <RoleCard />
          <div style={{ height: 16 }} />
          <SystemInfoCard />
        </Col>
        <Col xs={24} xl={12}>
          <ChoiceListsCard />
        </Col>
        <Col xs={24} xl={12}>
          <HolidayCard />
        </Col>
        <Col xs={24} xl={12}>
          <CertificateCard />
        </Col>
        <Col xs={24} xl={12}>
          <SummaryDueCard />
        </Col>
        <Col xs={24} xl={12}>
          <ArchivalCard />
        </Col>
      </Row>
    </>
  );
}
