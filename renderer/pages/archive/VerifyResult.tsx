import { Alert, Typography } from 'antd';
import type { VerifyReport } from '../../../electron/core/contract/index.js';
import { formatDateTime, formatSize } from '../../format';
import { PROBLEM_LABELS } from './labels';

interface Props {
  report: VerifyReport;
  onClose?: () => void;
}

/** The server's message often starts with the path again: drop it (the path is shown in bold before it). */
function withoutPath(message: string, path: string): string {
  return path && message.startsWith(path) ? message.slice(path.length).replace(/^[：:，,\s]+/, '') : message;
}

/** The verifier's own 四性检测, and whether it agrees with the report made at seal. */
function FourChecksLine({ report }: Props) {
  const c = report.fourChecks;
  if (!c) return null;
  const match =
    report.fourChecksMatchSeal === null
      ? ''
      : report.fourChecksMatchSeal
        ? '与封存时的检测结果一致。'
        : '与封存时的检测结果不一致，请核对。';
  return (
    <div data-testid="verify-four-checks">
      <Typography.Text type={c.ok ? 'success' : 'warning'}>{c.summary}</Typography.Text>
      {match}
    </div>
  );
}

/** 校验结果: 档案完好 with the file count and bytes, or every problem naming its file. */
export function VerifyResult({ report, onClose }: Props) {
  const what = [
    report.year !== null ? `${report.year}年度档案` : null,
    report.sealVersion !== null ? `第${report.sealVersion}版` : null,
    report.sealedAt ? `封存于${formatDateTime(report.sealedAt)}` : null,
  ]
    .filter(Boolean)
    .join('，');
  const closable = onClose ? { closable: { onClose } } : {};
  if (report.ok) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="verify-result"
        title="档案完好"
        description={
          <>
            <div>
              {what ? `${what}：` : ''}已逐一校验 {report.checked} 个文件（共 {formatSize(report.bytes)}），内容与清单中的 SHA-256
              完全一致。
            </div>
            <FourChecksLine report={report} />
            <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
              文件：{report.file}
            </Typography.Text>
          </>
        }
        style={{ marginTop: 12 }}
        {...closable}
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      data-testid="verify-result"
      title={report.summary || `发现 ${report.problems.length} 处问题`}
      description={
        <>
          <div>
            {what ? `${what}：` : ''}已校验 {report.checked} 个文件。以下文件与清单不符，档案可能已损坏或被改动：
          </div>
          <ul style={{ margin: '4px 0', paddingLeft: 20, maxHeight: 220, overflowY: 'auto' }} data-testid="verify-problems">
            {report.problems.map((p, i) => (
              <li key={`${p.path}-${i}`} style={{ wordBreak: 'break-all' }}>
                <Typography.Text strong>{p.path || '整个档案文件'}</Typography.Text>（{PROBLEM_LABELS[p.kind] ?? p.kind}）：
                {withoutPath(p.message, p.path)}
              </li>
            ))}
          </ul>
          <FourChecksLine report={report} />
          <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
            文件：{report.file}
          </Typography.Text>
        </>
      }
      style={{ marginTop: 12 }}
      {...closable}
    />
  );
}
