import { useState } from 'react';
import { App, Button, Card, Table, Tag, Typography } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import type { IssuedDocumentRow } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { formatDate, formatDateTime } from '../../format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ReasonModal } from '../../components/ReasonModal';
import { useRemote } from '../../components/useRemote';

/**
 * 发文登记: every numbered document (受理/补正/不予受理通知书, 认定通知, 中期考核结果通知, 复核决定) with its 作废 state.
 * 作废 asks for a reason and says what it leaves unchanged; the number is never given again.
 */
export function IssuedDocumentsCard({ sealedYears, onChanged }: { sealedYears: ReadonlySet<number>; onChanged?: () => void }) {
  const { message } = App.useApp();
  const rows = useRemote(() => desk.call('archive.issuedDocuments', {}), []);
  const [voiding, setVoiding] = useState<IssuedDocumentRow | null>(null);
  return (
    <Card size="small" title="发文登记（已编号的文书）" data-testid="issued-documents" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        已取号的文书在此登记。发错的文书可以作废：文号不再使用，重印件和年度档案标注“作废”；作废不撤销文书所载的决定。
      </Typography.Paragraph>
      <ErrorAlert error={rows.error} title="无法读取发文登记" onRetry={rows.reload} />
      <Table<IssuedDocumentRow>
        size="small"
        rowKey="docNumber"
        loading={rows.loading && !rows.data}
        dataSource={rows.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: '还没有已编号的文书。' }}
        columns={[
          { title: '文号', dataIndex: 'docNumber', width: 170, render: (n: string) => <span className="desk-nowrap">{n}</span> },
          { title: '文书', dataIndex: 'typeLabel', width: 130 },
          { title: '事项', dataIndex: 'subject', ellipsis: true },
          { title: '成文日期', dataIndex: 'issuedOn', width: 130, render: (d: string) => formatDate(d) },
          {
            title: '状态',
            key: 'state',
            width: 300,
            render: (_: unknown, r) =>
              r.voided ? (
                <span data-testid={`void-state-${r.docNumber}`}>
                  <Tag color="red">已作废</Tag>
                  <Typography.Text type="secondary">
                    {formatDateTime(r.voided.at)} {r.voided.by}：{r.voided.reason}
                  </Typography.Text>
                </span>
              ) : (
                <Tag color="green">有效</Tag>
              ),
          },
          {
            title: '操作',
            key: 'actions',
            width: 90,
            render: (_: unknown, r) =>
              r.voided ? null : (
                <Button
                  size="small"
                  danger
                  icon={<StopOutlined />}
                  disabled={sealedYears.has(r.year)}
                  title={sealedYears.has(r.year) ? `${r.year}年度档案已封存，不能作废` : undefined}
                  aria-label={`作废 ${r.docNumber}`}
                  onClick={() => setVoiding(r)}
                >
                  作废
                </Button>
              ),
          },
        ]}
      />
      {voiding ? (
        <ReasonModal
          open
          title={`作废 ${voiding.docNumber}`}
          guard="作废文书"
          intro={
            <Typography.Paragraph>
              作废《{voiding.typeLabel}》（{voiding.subject}，{formatDate(voiding.issuedOn)}）。文号 {voiding.docNumber}{' '}
              不再使用，下一份文书取下一个号；重印件和年度档案将标注“作废”及理由。{voiding.voidConsequence}
            </Typography.Paragraph>
          }
          label="作废理由"
          okText="作废"
          danger
          multiline
          errorTitle="未能作废"
          onClose={() => setVoiding(null)}
          onSubmit={async (reason) => {
            await desk.call('archive.voidDocument', { ref: voiding.ref, docNumber: voiding.docNumber, reason });
            message.success(`已作废 ${voiding.docNumber}，文号不再使用。`);
            setVoiding(null);
            rows.reload();
            onChanged?.();
          }}
        />
      ) : null}
    </Card>
  );
}
