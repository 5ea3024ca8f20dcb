import { useState } from 'react';
import { App, Button, Descriptions, Flex, Modal, Table, Tag, Typography } from 'antd';
import { ExportOutlined, SwapOutlined } from '@ant-design/icons';
import type { ExportedFile, RoleState } from '../../../electron/core/contract/index.js';
import { FONT_ROLE_LABELS, FONT_ROLE_USES, FONT_SOURCE_LABELS } from '../../../electron/core/contract/fonts-labels.js';
import { ROLE_LABELS } from '../../../electron/core/contract/setup-labels.js';
import { desk } from '../../rpc';
import { useRemote } from '../../components/useRemote';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportResult } from '../../components/ExportResult';
import { changeRole } from './roleChange';

const HOST_LABELS: Record<string, string> = { electron: '桌面程序', web: '本机浏览器', cli: '命令行', test: '测试' };

/** Disk sizes in GB (one decimal), the way a disk's properties show them. */
const gb = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(1)} GB`;

/** Free space below this is shown as a warning (backups and yearly archives need room). */
const LOW_SPACE = 2 * 1024 ** 3;

/** 关于: version, role, data folder, fonts in use and the free space of the data folder's disk; 导出诊断信息 for IT support. */
export function AboutModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { modal } = App.useApp();
  const about = useRemote(() => (open ? desk.call('setup.about', {}) : Promise.resolve(null)), [open]);
  const role = useRemote<RoleState | null>(() => (open ? desk.call('setup.role', {}) : Promise.resolve(null)), [open]);
  const [exported, setExported] = useState<ExportedFile | null>(null);
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const a = about.data;
  const r = role.data;

  async function exportDiagnostics(): Promise<void> {
    setExporting(true);
    setError(null);
    try {
      setExported(await desk.call('setup.exportDiagnostics', {}));
    } catch (err) {
      setError(err);
    } finally {
      setExporting(false);
    }
  }

  return (
    <Modal
      open={open}
      title="关于 产业知识产权中心认定工作台"
      onCancel={onClose}
      width={760}
      footer={
        <Flex justify="space-between" align="center">
          <Button icon={<ExportOutlined />} onClick={() => void exportDiagnostics()} loading={exporting}>
            导出诊断信息
          </Button>
          <Button type="primary" onClick={onClose} autoFocus>
            关闭
          </Button>
        </Flex>
      }
      data-testid="about-dialog"
    >
      <ErrorAlert error={about.error ?? error} title="无法读取" onClose={() => setError(null)} />
      {exported ? (
        <Typography.Paragraph type="success" data-testid="diagnostics-exported">
          <ExportResult file={exported} kind="诊断信息" /> 其中没有申报材料、联系人、电话和口令，可交给信息技术支持人员。
        </Typography.Paragraph>
      ) : null}
      {a ? (
        <Descriptions column={1} size="small" bordered styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label="版本">
            {a.appVersion}（数据格式第 {a.schemaVersion} 版，{HOST_LABELS[a.host] ?? a.host}
            {a.versions.electron ? `，Electron ${a.versions.electron}` : ''}，Node.js {a.versions.node}，{a.platform}）
          </Descriptions.Item>
          <Descriptions.Item label="本机用途">
            <Flex align="center" gap={8} wrap>
              <span data-testid="about-role">{ROLE_LABELS[a.role]}</span>
              {r?.changeable ? (
                <Button
                  size="small"
                  icon={<SwapOutlined />}
                  onClick={() => void changeRole(modal, a.role === 'expert' ? 'secretariat' : 'expert')}
                >
                  改为“{ROLE_LABELS[a.role === 'expert' ? 'secretariat' : 'expert']}”…
                </Button>
              ) : r ? (
                <Typography.Text type="secondary">（由启动方式决定）</Typography.Text>
              ) : null}
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label="数据文件夹">
            <Typography.Text copyable style={{ wordBreak: 'break-all' }} data-testid="about-data-dir">
              {a.dataDir}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="磁盘可用空间">
            {a.disk ? (
              <Typography.Text type={a.disk.free < LOW_SPACE ? 'warning' : undefined} data-testid="about-disk">
                可用 {gb(a.disk.free)}，共 {gb(a.disk.total)}
                {a.disk.free < LOW_SPACE ? '（空间不多，备份和年度档案需要空间，请及时清理）' : ''}
              </Typography.Text>
            ) : (
              '系统未提供'
            )}
          </Descriptions.Item>
          <Descriptions.Item label="公文字体">
            <Table
              size="small"
              pagination={false}
              rowKey="role"
              dataSource={a.fonts}
              data-testid="about-fonts"
              columns={[
                { title: '用途', key: 'role', width: 170, render: (_, f) => `${FONT_ROLE_LABELS[f.role]}（${FONT_ROLE_USES[f.role]}）` },
                {
                  title: '使用的字体',
                  key: 'family',
                  render: (_, f) => (
                    <>
                      {f.family}
                      {f.substitute ? (
                        <Typography.Text type="warning" style={{ display: 'block', fontSize: 12 }}>
                          本机未安装{FONT_ROLE_LABELS[f.role]}字体，暂以此字体代替
                        </Typography.Text>
                      ) : null}
                    </>
                  ),
                },
                {
                  title: '来源',
                  key: 'source',
                  width: 90,
                  render: (_, f) => <Tag color={f.source === 'bundled' ? 'blue' : 'default'}>{FONT_SOURCE_LABELS[f.source]}</Tag>,
                },
              ]}
            />
          </Descriptions.Item>
        </Descriptions>
      ) : null}
    </Modal>
  );
}
