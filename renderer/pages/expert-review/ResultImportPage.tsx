import { useRef, useState } from 'react';
import { Alert, App, Button, Card, Empty, Flex, List, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined, UploadOutlined } from '@ant-design/icons';
import type { ApplyResultsReport, ResultFilePreview, SheetChange } from '../../../electron/core/contract/index.js';
import { desk, uploadFile } from '../../rpc';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useStagedFile } from '../setup/openFile';

const KIND: Record<SheetChange['kind'], { text: string; color: string }> = {
  new: { text: '新增', color: 'green' },
  changed: { text: '修改', color: 'orange' },
  unchanged: { text: '无变化', color: 'default' },
};

function FileCard({ f }: { f: ResultFilePreview }) {
  const changed = f.changes.filter((c) => c.kind !== 'unchanged');
  return (
    <Card
      size="small"
      style={{ marginBottom: 12, borderColor: f.ok ? undefined : '#ffa39e' }}
      data-testid="result-file"
      title={
        <Space>
          {f.ok ? <CheckCircleOutlined style={{ color: '#389e0d' }} /> : <CloseCircleOutlined style={{ color: '#cf1322' }} />}
          {f.fileName}
          {f.ok ? <Tag color="green">可以导入</Tag> : <Tag color="red">已拒绝</Tag>}
          {f.alreadyApplied ? <Tag>已导入过</Tag> : null}
        </Space>
      }
      extra={
        f.expertName ? (
          <Typography.Text type="secondary">
            {f.expertName}
            {f.version ? ` · 第${f.version}版` : ''}
            {f.storedVersion ? `（已存第${f.storedVersion}版）` : ''}
          </Typography.Text>
        ) : null
      }
    >
      <Typography.Paragraph type={f.ok ? undefined : 'danger'} style={{ marginBottom: changed.length ? 8 : 0 }}>
        {f.message}
      </Typography.Paragraph>
      {changed.length ? (
        <List
          size="small"
          dataSource={changed}
          renderItem={(c) => (
            <List.Item style={{ display: 'block' }}>
              <Space style={{ marginBottom: 4 }}>
                <Tag color={KIND[c.kind].color}>{KIND[c.kind].text}</Tag>
                <Typography.Text strong>{c.unitName}</Typography.Text>
              </Space>
              {c.changes.map((ch) => (
                <div key={ch.label} style={{ paddingLeft: 12, fontSize: 13 }}>
                  {ch.label}：
                  <Typography.Text delete={c.kind === 'changed'} type="secondary">
                    {ch.before || '—'}
                  </Typography.Text>{' '}
                  → <Typography.Text strong>{ch.after || '—'}</Typography.Text>
                </div>
              ))}
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}

/** 导入评分结果: pick one or many result files → preview each → 应用 the good ones. */
export function ResultImportPage() {
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<'check' | 'apply' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [previews, setPreviews] = useState<ResultFilePreview[] | null>(null);
  const [report, setReport] = useState<ApplyResultsReport | null>(null);

  // A result file double-clicked: staged by the host, previewed here (with any already in the preview).
  useStagedFile('resultFile', (f) => void check([], f.uploadId ? [f.uploadId] : []));

  async function check(files: File[], opened: string[] = []): Promise<void> {
    if (!files.length && !opened.length) return;
    const keep = opened.length && !report ? (previews ?? []).map((p) => p.uploadId) : [];
    setBusy('check');
    setError(null);
    setReport(null);
    setPreviews(null);
    try {
      const staged = [];
      for (const f of files) staged.push(await uploadFile(f));
      const uploadIds = [...new Set([...keep, ...opened, ...staged.map((s) => s.uploadId)])];
      setPreviews(await desk.call('results.preview', { uploadIds }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
      if (input.current) input.current.value = '';
    }
  }

  const good = (previews ?? []).filter((p) => p.ok && !p.alreadyApplied);
  async function apply(): Promise<void> {
    setBusy('apply');
    setError(null);
    try {
      const r = await desk.call('results.apply', { uploadIds: good.map((p) => p.uploadId) });
      setReport(r);
      setPreviews(r.files);
      message.success({ content: r.message, duration: 6 });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <PageHeader title="导入评分结果" description="导入专家在专家模式中导出的评分结果文件（可一次选择多个）；先预览差异，确认后应用。" />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex align="center" gap={12} wrap>
          <input
            ref={input}
            type="file"
            multiple
            hidden
            aria-label="选择评分结果文件"
            onChange={(e) => void check([...(e.target.files ?? [])])}
          />
          <Button type="primary" icon={<UploadOutlined />} loading={busy === 'check'} onClick={() => input.current?.click()} autoFocus>
            选择评分结果文件…
          </Button>
          <Button disabled={!good.length || !!report} loading={busy === 'apply'} onClick={() => void apply()}>
            应用{good.length ? `（${good.length}个文件）` : ''}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            签名不符、口令不对、来自其他批次或专家、或版本旧于已导入的文件会被拒绝，且不改变任何数据。
          </Typography.Text>
        </Flex>
      </Card>
      <ErrorAlert error={error} title="未能导入" />
      {report ? (
        <Alert
          type={report.refused ? 'warning' : 'success'}
          showIcon
          title={report.message}
          description={`应用${report.applied}个，无变化${report.unchanged}个，拒绝${report.refused}个。`}
          style={{ marginBottom: 16 }}
          data-testid="apply-summary"
        />
      ) : null}
      {previews ? (
        previews.map((f) => <FileCard key={f.uploadId} f={f} />)
      ) : (
        <Card>
          <Empty description="尚未选择文件" />
        </Card>
      )}
    </>
  );
}
