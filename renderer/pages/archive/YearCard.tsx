import { FOUR_CHECK_LABELS } from '../../../electron/core/contract/archive-labels.js';
import { Alert, Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { AuditOutlined, DownloadOutlined, HistoryOutlined, LockOutlined, SafetyOutlined, UnlockOutlined } from '@ant-design/icons';
import type { ArchiveYearStatus, VerifyReport, YearSeal } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { formatDateTime, formatSize } from '../../format';
import { countLines } from './labels';
import { VerifyResult } from './VerifyResult';

interface Props {
  status: ArchiveYearStatus;
  verifying: boolean;
  report: VerifyReport | null;
  onSeal: () => void;
  onUnseal: () => void;
  onVerify: () => void;
  onHistory: () => void;
  onClearReport: () => void;
}

function newest(seals: YearSeal[]): YearSeal | null {
  return seals.reduce<YearSeal | null>((m, s) => (!m || s.version > m.version ? s : m), null);
}

/** One year: sealed (version, when, by whom, the file) or not, what it holds, open items, and the actions. */
export function YearCard({ status, verifying, report, onSeal, onUnseal, onVerify, onHistory, onClearReport }: Props) {
  const seal = newest(status.seals);
  const url = seal ? desk.exportUrl(seal.file) : null;
  const tag = status.sealed ? (
    <Tag color="green" icon={<LockOutlined />}>
      已封存 · 第{seal?.version ?? 1}版
    </Tag>
  ) : seal ? (
    <Tag color="orange" icon={<UnlockOutlined />}>
      未封存（已解除第{seal.version}版）
    </Tag>
  ) : (
    <Tag>未封存</Tag>
  );

  return (
    <Card
      size="small"
      data-testid={`year-card-${status.year}`}
      title={
        <Flex align="center" gap={8}>
          <span>{status.year}年度</span>
          {tag}
        </Flex>
      }
      extra={
        status.seals.length ? (
          <Button size="small" type="link" icon={<HistoryOutlined />} onClick={onHistory}>
            封存记录
          </Button>
        ) : null
      }
      style={{ marginBottom: 16 }}
    >
      <Typography.Paragraph style={{ marginBottom: 8 }} data-testid="year-counts">
        {countLines(status.counts).join(' · ')}
      </Typography.Paragraph>
      {status.sealed && seal ? (
        <Descriptions
          size="small"
          column={3}
          style={{ marginBottom: 8 }}
          items={[
            { key: 'at', label: '封存时间', children: formatDateTime(seal.sealedAt) },
            { key: 'by', label: '封存人', children: seal.sealedBy },
            { key: 'count', label: '文件数', children: `${seal.fileCount} 个（内容 ${formatSize(seal.contentBytes)}）` },
            {
              key: 'file',
              label: '档案文件',
              span: 2,
              children: (
                <Typography.Text
                  style={{ wordBreak: 'break-all' }}
                  copyable={{ text: seal.file.path, tooltips: ['复制保存位置', '已复制'] }}
                >
                  {seal.file.fileName}
                </Typography.Text>
              ),
            },
            { key: 'size', label: '大小', children: formatSize(seal.file.size) },
          ]}
        />
      ) : null}
      {status.sealed && seal?.fourChecks ? (
        <Alert
          type={seal.fourChecks.ok ? 'success' : 'warning'}
          showIcon
          data-testid="four-checks"
          title={seal.fourChecks.summary}
          description={
            seal.fourChecks.ok ? (
              '档案中附有四性检测报告（00-四性检测报告.pdf）。'
            ) : (
              <ul style={{ margin: 0, paddingLeft: 20, maxHeight: 120, overflowY: 'auto' }}>
                {seal.fourChecks.problems.map((p) => (
                  <li key={`${p.check}:${p.path}:${p.message}`}>
                    {FOUR_CHECK_LABELS[p.check]}：{p.path ? `${p.path}——` : ''}
                    {p.message}
                  </li>
                ))}
              </ul>
            )
          }
          style={{ marginBottom: 8 }}
        />
      ) : null}
      {status.sealed && seal?.warnings.length ? (
        <Alert
          type="error"
          showIcon
          data-testid="seal-warnings"
          title={`本版档案有 ${seal.warnings.length} 处与预期不符，请核对后决定是否解除封存、处理后重新封存`}
          description={
            <ul style={{ margin: 0, paddingLeft: 20, maxHeight: 120, overflowY: 'auto' }}>
              {seal.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 8 }}
        />
      ) : null}
      {!status.sealed && status.openItems.length ? (
        <Alert
          type="warning"
          showIcon
          title={`未完成事项 ${status.openItems.length} 项`}
          description={
            <ul style={{ margin: 0, paddingLeft: 20, maxHeight: 120, overflowY: 'auto' }}>
              {status.openItems.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 8 }}
        />
      ) : null}
      {!status.sealed && seal?.unsealed ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {formatDateTime(seal.unsealed.at)} 由{seal.unsealed.by}解除封存，理由：{seal.unsealed.reason}。修改完成后请重新封存。
        </Typography.Paragraph>
      ) : null}
      <Flex gap={8} wrap>
        {status.sealed ? (
          <>
            {url && seal ? (
              <Button icon={<DownloadOutlined />} href={url} download={seal.file.fileName}>
                下载档案
              </Button>
            ) : null}
            <Button icon={<SafetyOutlined />} onClick={onVerify} loading={verifying}>
              校验
            </Button>
            <Button danger icon={<UnlockOutlined />} onClick={onUnseal} disabled={verifying}>
              解除封存
            </Button>
          </>
        ) : (
          <Button type="primary" icon={<AuditOutlined />} onClick={onSeal}>
            封存年度档案
          </Button>
        )}
      </Flex>
      {report ? <VerifyResult report={report} onClose={onClearReport} /> : null}
    </Card>
  );
}
