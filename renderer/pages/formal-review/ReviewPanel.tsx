import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Popconfirm, Tag, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, EditOutlined, FilePdfOutlined } from '@ant-design/icons';
import type { Application, FormalReview } from '../../../electron/core/contract/index.js';
import { desk, errorMessage } from '../../rpc';
import { formatDate, formatDateTime } from '../../format';
import { ExportResult } from '../../components/ExportResult';
import { SupplementModal } from './SupplementModal';
import { RejectModal } from './RejectModal';
import { ReturnToDraftButton } from './ReturnToDraftButton';
import { materialTitle, useChoiceLists } from '../../components/useChoiceLists';
import { useExportFile } from '../../components/useExportFile';
import { useConfirmAct } from '../../components/ConfirmActModal';
import { confirmNumbered, declined, NumberSummary } from '../../components/confirmNumbered';

const NOTICE: Record<FormalReview['outcome'], string> = {
  accepted: '受理通知书',
  supplementRequired: '补正通知书',
  rejected: '不予受理通知书',
};
const OUTCOME: Record<FormalReview['outcome'], { label: string; color: string }> = {
  accepted: { label: '受理', color: 'green' },
  supplementRequired: { label: '要求补正', color: 'orange' },
  rejected: { label: '不予受理', color: 'red' },
};

function RoundCard({ round, onNotice, busy }: { round: FormalReview; onNotice: () => void; busy: boolean }) {
  const { materials } = useChoiceLists();
  const o = OUTCOME[round.outcome];
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid={`review-round-${round.round}`}
      title={
        <Flex align="center" gap={8}>
          <span>第{round.round}轮形式审查</span>
          <Tag color={o.color}>{o.label}</Tag>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
            {formatDateTime(round.at)} · {round.by}
            {round.docNumber ? ` · ${round.docNumber}` : ''}
          </Typography.Text>
          {round.voided ? (
            <Tag color="red" title={`${formatDateTime(round.voided.at)} ${round.voided.by}：${round.voided.reason}`}>
              通知书已作废
            </Tag>
          ) : null}
        </Flex>
      }
      extra={
        <Button size="small" icon={<FilePdfOutlined />} loading={busy} onClick={onNotice}>
          生成{NOTICE[round.outcome]}
        </Button>
      }
    >
      {round.outcome === 'supplementRequired' ? (
        <Descriptions size="small" column={1} bordered styles={{ label: { width: 400 } }}>
          {round.items.map((i) => (
            <Descriptions.Item key={i.no} label={`第${i.no}项 ${materialTitle(materials, i.no)}`}>
              {i.reason}
            </Descriptions.Item>
          ))}
          <Descriptions.Item label="补正期限">
            <Typography.Text strong data-testid="supplement-deadline">
              {formatDate(round.deadline)}
            </Typography.Text>
            （{formatDate(round.issuedOn)}起{round.workingDays}个工作日）
          </Descriptions.Item>
        </Descriptions>
      ) : round.outcome === 'rejected' ? (
        <Typography.Text>理由：{round.reason}</Typography.Text>
      ) : (
        <Typography.Text>材料齐全，予以受理。{round.note ? `备注：${round.note}` : ''}</Typography.Text>
      )}
    </Card>
  );
}

/** 形式审查: the decisions and every round with its notice. */
export function ReviewPanel({ application, missing, onChanged }: { application: Application; missing: number[]; onChanged: () => void }) {
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<'supplement' | 'reject' | null>(null);
  const exporter = useExportFile();
  const confirm = useConfirmAct();
  const s = application.status;
  const rounds = [...application.formalReviews].reverse();

  async function accept(): Promise<void> {
    try {
      await desk.call('formalReview.accept', { applicationId: application.id });
      message.success(`已受理“${application.applicant.name}”的申报。`);
      onChanged();
    } catch (err) {
      message.error({ content: errorMessage(err), duration: 8 });
    }
  }

  function decided(app: Application): void {
    setDialog(null);
    const last = app.formalReviews[app.formalReviews.length - 1];
    if (last?.outcome === 'supplementRequired') message.success(`已要求补正，补正期限：${formatDate(last.deadline)}。`);
    else message.success('已不予受理。');
    onChanged();
  }

  // the first print takes the document number (kept for reprints): shown and confirmed first, then reload to show it
  const notice = (r: FormalReview) =>
    void exporter.run(
      NOTICE[r.outcome],
      async () => {
        if (r.docNumber) return desk.call('formalReview.notice', { applicationId: application.id, round: r.round });
        const file = await confirmNumbered(
          confirm.ask,
          () => desk.call('formalReview.previewNotice', { applicationId: application.id, round: r.round }),
          (p) => ({
            title: `生成${p.title}并取号`,
            actName: '取号并生成',
            testId: 'confirm-number',
            summary: <NumberSummary preview={p} />,
            consequences: [
              `本通知书取用发文字号${p.docNumber}，该编号此后不再发给其他文书（不能退回重用）。`,
              '通知书生成为 PDF，以后重印保持同一编号和成文日期。',
            ],
          }),
          (p) => desk.call('formalReview.notice', { applicationId: application.id, round: r.round, expectedDocNumber: p.docNumber }),
        );
        if (!file) throw declined(`生成${NOTICE[r.outcome]}`);
        onChanged();
        return file;
      },
      () => desk.call('formalReview.notice', { applicationId: application.id, round: r.round, fileType: 'ofd' }),
    );

  return (
    <>
      {s === 'draft' ? <Alert type="info" showIcon title="该申报尚未提交。提交后方可进行形式审查。" style={{ marginBottom: 12 }} /> : null}
      {s === 'supplementRequired' ? (
        <Alert
          type="warning"
          showIcon
          title="等待申报单位补正。补正材料上传后，点击右上角“补正后重新提交”再进行审查。"
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {s === 'submitted' || s === 'supplementRequired' ? (
        <Flex gap={8} style={{ marginBottom: 12 }}>
          {s === 'submitted' ? (
            <>
              <Popconfirm
                title="确认受理该申报？"
                description={missing.length ? `注意：尚缺${missing.length}项材料。` : '材料齐全。'}
                okText="受理"
                cancelText="取消"
                onConfirm={() => void accept()}
              >
                <Button type="primary" icon={<CheckOutlined />}>
                  受理
                </Button>
              </Popconfirm>
              <Button icon={<EditOutlined />} onClick={() => setDialog('supplement')}>
                要求补正
              </Button>
              <ReturnToDraftButton application={application} onDone={onChanged} />
            </>
          ) : null}
          <Button danger icon={<CloseOutlined />} onClick={() => setDialog('reject')}>
            不予受理
          </Button>
        </Flex>
      ) : null}
      {exporter.last ? (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: exporter.clearLast }}
          title={<ExportResult file={exporter.last.file} kind={exporter.last.kind} ofd={exporter.last.ofd} />}
          style={{ marginBottom: 12 }}
          data-testid="notice-banner"
        />
      ) : null}
      {rounds.length ? (
        rounds.map((r) => <RoundCard key={r.round} round={r} busy={exporter.busy === NOTICE[r.outcome]} onNotice={() => notice(r)} />)
      ) : s !== 'draft' ? (
        <Empty description="尚未进行形式审查" />
      ) : null}
      <SupplementModal
        open={dialog === 'supplement'}
        application={application}
        missing={missing}
        onClose={() => setDialog(null)}
        onDone={decided}
      />
      <RejectModal open={dialog === 'reject'} application={application} onClose={() => setDialog(null)} onDone={decided} />
      {confirm.element}
    </>
  );
}
