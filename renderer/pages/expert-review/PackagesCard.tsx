import { useState } from 'react';
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { ExportOutlined, PrinterOutlined } from '@ant-design/icons';
import type { ExportedFile, IssuedPackageView, PackageExportResult } from '../../../electron/core/contract/index.js';
import { desk, errorMessage } from '../../rpc';
import { formatDateTime } from '../../format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportResult } from '../../components/ExportResult';
import type { OfdSource } from '../../components/useOfdExport';
import { useRemote } from '../../components/useRemote';
import { PackageIssuedModal } from './PackageIssuedModal';
import type { BatchReview } from './useBatchReview';

interface Row {
  expertId: string;
  name: string;
  active: number;
  sheets: number;
  pkg: IssuedPackageView | undefined;
}

type Issued = {
  expertName: string;
  result: PackageExportResult;
  letter: ExportedFile | null;
  letterError: unknown;
  letterOfd: OfdSource;
} | null;

/** 评审包: per panel expert, export an encrypted package (code shown once) and see what came back. */
export function PackagesCard({ batchId, review }: { batchId: string; review: BatchReview }) {
  const { message } = App.useApp();
  const issuedList = useRemote(() => desk.call('packages.list', { batchId }), [batchId, review.overview.data]);
  const [busy, setBusy] = useState<string | null>(null);
  const [issued, setIssued] = useState<Issued>(null);
  const [letter, setLetter] = useState<{ file: ExportedFile; ofd: OfdSource } | null>(null);
  /** The 评审任务通知单 of a package as OFD (the letter is not numbered: it is printed again from the package). */
  const letterOfd =
    (expertId: string, packageId: string): OfdSource =>
    () =>
      desk.call('packages.letter', { batchId, expertId, packageId, fileType: 'ofd' });
  const o = review.overview.data;
  const latest = new Map((issuedList.data ?? []).filter((p) => p.latest).map((p) => [p.expertId, p]));
  const rows: Row[] = (o?.panel ?? []).map((id) => ({
    expertId: id,
    name: review.expertName(id),
    active: o!.assignments.filter((a) => a.expertId === id && a.status === 'active').length,
    sheets: o!.sheets.filter((s) => s.expertId === id).length,
    pkg: latest.get(id),
  }));

  async function exportPackage(row: Row): Promise<void> {
    setBusy(`pkg:${row.expertId}`);
    try {
      const result = await desk.call('packages.export', { batchId, expertId: row.expertId });
      let file: ExportedFile | null = null;
      let letterError: unknown = null;
      try {
        file = await desk.call('packages.letter', { batchId, expertId: row.expertId, packageId: result.packageId });
      } catch (err) {
        letterError = err;
      }
      setIssued({ expertName: row.name, result, letter: file, letterError, letterOfd: letterOfd(row.expertId, result.packageId) });
      issuedList.reload();
    } catch (err) {
      message.error({ content: `导出评审包失败：${errorMessage(err)}`, duration: 8 });
    } finally {
      setBusy(null);
    }
  }
  async function printLetter(row: Row): Promise<void> {
    if (!row.pkg) return;
    setBusy(`letter:${row.expertId}`);
    try {
      setLetter({
        file: await desk.call('packages.letter', { batchId, expertId: row.expertId, packageId: row.pkg.packageId }),
        ofd: letterOfd(row.expertId, row.pkg.packageId),
      });
    } catch (err) {
      message.error({ content: `生成通知单失败：${errorMessage(err)}`, duration: 8 });
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card
      size="small"
      title={
        <>
          <ExportOutlined /> 评审包（离线评审）
        </>
      }
      style={{ marginBottom: 16 }}
      data-testid="packages-card"
    >
      <ErrorAlert error={issuedList.error} title="无法读取已发出的评审包" onRetry={issuedList.reload} />
      {letter ? (
        <Typography.Paragraph>
          <ExportResult file={letter.file} kind="评审任务通知单" ofd={letter.ofd} />
        </Typography.Paragraph>
      ) : null}
      <Table<Row>
        size="small"
        rowKey="expertId"
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: '请先设定评审专家组并分配评审。' }}
        columns={[
          { title: '专家', dataIndex: 'name', width: 110 },
          { title: '分配', dataIndex: 'active', width: 70, render: (n: number) => `${n}件` },
          {
            title: '评审包',
            key: 'pkg',
            render: (_: unknown, r) =>
              r.pkg ? (
                <Space size={4} wrap>
                  <Tag color="blue">已发出</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(r.pkg.issuedAt)} · {r.pkg.applicationCount}件 · 评分表第{r.pkg.templateVersion}版
                  </Typography.Text>
                </Space>
              ) : (
                <Tag>未发出</Tag>
              ),
          },
          {
            title: '评分结果',
            key: 'result',
            width: 220,
            render: (_: unknown, r) =>
              r.pkg?.lastResultVersion ? (
                <Space size={4}>
                  <Tag color="green">已收回第{r.pkg.lastResultVersion}版</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(r.pkg.lastResultAt)}
                  </Typography.Text>
                </Space>
              ) : r.sheets ? (
                <Tag color="green">已录{r.sheets}份</Tag>
              ) : (
                <Typography.Text type="secondary">未收回</Typography.Text>
              ),
          },
          {
            title: '操作',
            key: 'ops',
            width: 230,
            render: (_: unknown, r) => (
              <Space size={0}>
                <Button
                  size="small"
                  type="link"
                  icon={<ExportOutlined />}
                  disabled={!r.active}
                  loading={busy === `pkg:${r.expertId}`}
                  onClick={() => void exportPackage(r)}
                  aria-label={`导出${r.name}的评审包`}
                >
                  {r.pkg ? '重新导出' : '导出评审包'}
                </Button>
                {r.pkg ? (
                  <Button
                    size="small"
                    type="link"
                    icon={<PrinterOutlined />}
                    loading={busy === `letter:${r.expertId}`}
                    onClick={() => void printLetter(r)}
                  >
                    通知单
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <PackageIssuedModal issued={issued} onClose={() => setIssued(null)} />
    </Card>
  );
}
