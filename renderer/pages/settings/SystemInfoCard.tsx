import { Card, Descriptions, List, Tag, Typography } from 'antd';
import { desk } from '../../rpc';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRemote } from '../../components/useRemote';

const HOST_LABELS: Record<string, string> = {
  electron: '桌面程序',
  web: '本机浏览器',
  cli: '命令行',
  test: '测试',
};

/** GB/T 9704 typographic roles. */
const FONT_ROLE_LABELS: Record<string, string> = {
  xiaobiaosong: '小标宋（标题）',
  fangsong: '仿宋（正文）',
  heiti: '黑体（一级标题）',
  kaiti: '楷体（二级标题）',
  song: '宋体（表格）',
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
                    <Typography.Text strong>{FONT_ROLE_LABELS[f.role] ?? f.role}</Typography.Text>：{f.family}{' '}
                    <Tag color={f.source === 'bundled' ? 'blue' : 'default'}>{f.source === 'bundled' ? '随程序提供' : '系统字体'}</Tag>
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
