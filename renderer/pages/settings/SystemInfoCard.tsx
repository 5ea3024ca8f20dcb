import { Card, Descriptions, List, Tag, Typography } from 'antd';
import { FONT_ROLE_LABELS, FONT_ROLE_USES, FONT_SOURCE_LABELS } from '../../../electron/core/contract/fonts-labels.js';
import { desk } from '../../rpc';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRemote } from '../../components/useRemote';

const HOST_LABELS: Record<string, string> = {
  electron: '桌面程序',
  web: '本机浏览器',
  cli: '命令行',
  test: '测试',
};

export function SystemInfoCard() {
  const info = useRemote(() => desk.call('system.info', {}), []);
  const data = info.data;
  return (
    <Card title="系统信息" size="small" loading={info.loading && !data}>
      <ErrorAlert error={info.error} title="无法读取系统信息" onRetry={info.reload} />
      {data ? (
        <Descriptions column={1} size="small" bordered styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label="数据文件夹">
            <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
              {data.dataDir}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="程序版本">{data.appVersion}</Descriptions.Item>
          <Descriptions.Item label="数据版本">第 {data.schemaVersion} 版</Descriptions.Item>
          <Descriptions.Item label="运行方式">{HOST_LABELS[data.host] ?? data.host}</Descriptions.Item>
          <Descriptions.Item label="字体来源">
            {data.fonts.length === 0 ? (
              <Typography.Text type="warning">未找到可用的中文字体，生成PDF时可能无法显示中文。</Typography.Text>
            ) : (
              <List
                size="small"
                split={false}
                dataSource={data.fonts}
                renderItem={(f) => (
                  <List.Item style={{ padding: '2px 0', display: 'block' }}>
                    <Typography.Text strong>
                      {FONT_ROLE_LABELS[f.role]}（{FONT_ROLE_USES[f.role]}）
                    </Typography.Text>
                    ：{f.family} <Tag color={f.source === 'bundled' ? 'blue' : 'default'}>{FONT_SOURCE_LABELS[f.source]}</Tag>
                    {f.substitute ? (
                      <Typography.Text type="warning" style={{ display: 'block', fontSize: 12 }}>
                        本机未安装{FONT_ROLE_LABELS[f.role]}字体，暂以此字体代替；安装后重新启动本程序即可使用。
                      </Typography.Text>
                    ) : null}
                    <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all', display: 'block' }}>
                      {f.path}
                    </Typography.Text>
                  </List.Item>
                )}
              />
            )}
          </Descriptions.Item>
        </Descriptions>
      ) : null}
    </Card>
  );
}
