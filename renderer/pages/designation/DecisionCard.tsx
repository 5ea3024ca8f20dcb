import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { FilePdfOutlined, FileTextOutlined, PrinterOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { Center, DesignationView, ExportedFile } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { formatDate, toIsoDate, todayPicker } from '../../format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRemote } from '../../components/useRemote';
import { useSubmit } from '../../components/useSubmit';
import { DATE_FORMATS } from '../../components/designationLabels';
import { useConfirmAct } from '../../components/ConfirmActModal';
import { confirmNumbered } from '../../components/confirmNumbered';
import { OFD_HINT, type OfdSource } from '../../components/useOfdExport';

interface Props {
  view: DesignationView;
  onChanged: () => void;
  busy: string | null;
  onExport: (kind: string, produce: () => Promise<ExportedFile>, ofd?: OfdSource) => void;
}

/** 三、认定发文: the decision date and 认定发文; afterwards the document number, the centers and the prints. */
export function DecisionCard({ view, onChanged, busy, onExport }: Props) {
  const { message } = App.useApp();
  const [decidedOn, setDecidedOn] = useState<Dayjs>(() => todayPicker());
  const { saving, error, setError, run } = useSubmit();
  const d = view.decision;
  const batchId = view.batchId;
  const centers = useRemote(() => (d ? desk.call('centers.list', {}) : Promise.resolve([] as Center[])), [d?.docNumber]);
  const mine = (centers.data ?? []).filter((c) => c.batchId === batchId);

  const confirm = useConfirmAct();
  /** Look first: the 发文字号 and certificate numbers that will be taken, each center, the dates; then 认定. */
  const decide = () => {
    const on = toIsoDate(decidedOn);
    void run(async () => {
      const out = await confirmNumbered(
        confirm.ask,
        () => desk.call('decision.preview', { batchId, decidedOn: on }),
        (p) => ({
          title: '认定发文',
          actName: '认定发文',
          testId: 'confirm-decision',
          width: 720,
          summary: (
            <>
              <Descriptions size="small" column={2} bordered style={{ marginBottom: 8 }}>
                <Descriptions.Item label="将取用发文字号">
                  <Typography.Text strong data-testid="confirm-doc-number">
                    {p.docNumber}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label="认定日期">{formatDate(p.decidedOn)}</Descriptions.Item>
                <Descriptions.Item label="证书有效期至">{formatDate(p.validUntil)}</Descriptions.Item>
                <Descriptions.Item label="首次复核">{formatDate(p.firstReviewDue)}</Descriptions.Item>
              </Descriptions>
              <Table
                size="small"
                rowKey="applicationId"
                pagination={false}
                dataSource={p.centers}
                scroll={{ y: 200 }}
                data-testid="confirm-decision-centers"
                columns={[
                  { title: '证书编号', dataIndex: 'certificateNumber', width: 150 },
                  { title: '中心名称', dataIndex: 'name', ellipsis: true },
                  { title: '依托单位', dataIndex: 'hostUnit', width: 210, ellipsis: true },
                ]}
              />
            </>
          ),
          consequences: [
            `认定${p.centers.length}家中心，取用发文字号${p.docNumber}和${p.centers.length}个证书编号；编号此后不再发给其他文书或证书。`,
            '本批次状态变为“已认定”，公示名单、异议和本批申报此后不能再修改。',
            '认定发文后不能撤回；中心此后只能通过三年复核保留、限期整改或撤销。',
          ],
        }),
        (p) => desk.call('decision.create', { batchId, decidedOn: on, expectedDocNumber: p.docNumber }),
      );
      if (!out) return;
      message.success(`已认定发文：${out.decision.docNumber}，认定${out.centers.length}家中心。`);
      onChanged();
    });
  };

  const exp = (kind: string, produce: () => Promise<ExportedFile>, ofd?: OfdSource) => ({
    loading: busy === kind,
    disabled: !!busy && busy !== kind,
    onClick: () => onExport(kind, produce, ofd),
  });

  return (
    <Card size="small" title="三、认定发文与授牌" data-testid="decision-card">
      {!d ? (
        <>
          {view.blockers.length && !error ? (
            <Alert
              type="info"
              showIcon
              title="按今天的日期，尚不能认定："
              description={
                <ul style={{ margin: 0, paddingLeft: 20 }}>
                  {view.blockers.map((b) => (
                    <li key={b}>{b}</li>
                  ))}
                </ul>
              }
              style={{ marginBottom: 12 }}
            />
          ) : null}
          <div data-testid="decision-refusal">
            <ErrorAlert error={error} title="未能认定" onClose={() => setError(null)} />
          </div>
          <Flex gap={12} align="center" wrap>
            <Typography.Text>认定日期</Typography.Text>
            <DatePicker
              value={decidedOn}
              onChange={(v) => v && setDecidedOn(v)}
              format={DATE_FORMATS}
              aria-label="认定日期"
              allowClear={false}
            />
            <Button type="primary" icon={<SafetyCertificateOutlined />} loading={saving} onClick={decide} disabled={!view.publicity}>
              认定发文
            </Button>
            <Typography.Text type="secondary">认定日期须晚于公示期最后一日；受理的异议须全部处理完毕。</Typography.Text>
          </Flex>
        </>
      ) : (
        <>
          <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
            <Descriptions.Item label="发文字号">
              <Typography.Text strong data-testid="decision-doc-number">
                {d.docNumber}
              </Typography.Text>
              {d.voided ? (
                <Tag color="red" style={{ marginLeft: 8 }} title={`${d.voided.by}：${d.voided.reason}（认定不受影响）`}>
                  认定通知已作废
                </Tag>
              ) : null}
            </Descriptions.Item>
            <Descriptions.Item label="认定日期">{formatDate(d.decidedOn)}</Descriptions.Item>
            <Descriptions.Item label="认定中心">{d.centerIds.length}家</Descriptions.Item>
          </Descriptions>
          <Flex gap={8} wrap style={{ marginBottom: 12 }}>
            <Button
              type="primary"
              icon={<FilePdfOutlined />}
              {...exp(
                '认定通知',
                () => desk.call('decision.noticePdf', { batchId }),
                () => desk.call('decision.noticePdf', { batchId, fileType: 'ofd' }),
              )}
            >
              认定通知PDF
            </Button>
            <Button
              icon={<FileTextOutlined />}
              title={OFD_HINT}
              {...exp('认定通知（OFD）', () => desk.call('decision.noticePdf', { batchId, fileType: 'ofd' }))}
            >
              认定通知OFD
            </Button>
            <Button icon={<PrinterOutlined />} {...exp('本批证书', () => desk.call('centers.certificatesPdf', { batchId }))}>
              批量打印证书
            </Button>
            <Button
              icon={<FileTextOutlined />}
              title={OFD_HINT}
              {...exp('本批证书（OFD）', () => desk.call('centers.certificatesPdf', { batchId, fileType: 'ofd' }))}
            >
              本批证书OFD
            </Button>
            <Button icon={<FilePdfOutlined />} {...exp('牌匾内容确认单', () => desk.call('centers.plaqueSheetPdf', { batchId }))}>
              牌匾内容确认单
            </Button>
          </Flex>
          <ErrorAlert error={centers.error} title="无法读取中心名录" onRetry={centers.reload} />
          <Table<Center>
            size="small"
            rowKey="id"
            loading={centers.loading && !centers.data}
            dataSource={mine}
            pagination={false}
            data-testid="decision-centers"
            columns={[
              { title: '证书编号', dataIndex: 'certificateNumber', width: 150 },
              { title: '中心名称', dataIndex: 'name', ellipsis: true },
              { title: '依托单位', dataIndex: 'hostUnit', width: 220, ellipsis: true },
              { title: '有效期至', dataIndex: 'validUntil', width: 130, render: formatDate },
              {
                title: '证书',
                key: 'pdf',
                width: 168,
                render: (_: unknown, c) => (
                  <Flex gap={4}>
                    <Button
                      size="small"
                      icon={<FilePdfOutlined />}
                      {...exp(`证书（${c.certificateNumber}）`, () => desk.call('centers.certificatePdf', { centerId: c.id }))}
                    >
                      证书
                    </Button>
                    <Button
                      size="small"
                      title={OFD_HINT}
                      aria-label={`证书OFD（${c.certificateNumber}）`}
                      {...exp(`证书OFD（${c.certificateNumber}）`, () =>
                        desk.call('centers.certificatePdf', { centerId: c.id, fileType: 'ofd' }),
                      )}
                    >
                      OFD
                    </Button>
                  </Flex>
                ),
              },
            ]}
          />
        </>
      )}
      {confirm.element}
    </Card>
  );
}
