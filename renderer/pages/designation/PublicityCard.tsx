import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Flex, Form, Input, InputNumber, Modal, Table, Tag, Typography } from 'antd';
import { FilePdfOutlined, NotificationOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { DesignationView, ExportedFile, PublicityEntry, ReviewResult } from '../../../electron/core/contract/index.js';
import { desk } from '../../rpc';
import { formatDate, toIsoDate, todayIso, todayPicker } from '../../format';
import { publicityEnded } from '../../../electron/core/domain/publicity.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRemote } from '../../components/useRemote';
import { useSubmit } from '../../components/useSubmit';
import { DATE_FORMATS } from '../../components/designationLabels';
import { refocusAutoFocus } from '../../components/refocusAutoFocus';
import type { OfdSource } from '../../components/useOfdExport';
import { WithdrawnPublicities, WithdrawPublicityButton } from './WithdrawPublicity';
import { useConfirmAct } from '../../components/ConfirmActModal';
import { publicityConfirmation } from './PublicityLook';

interface Props {
  batchId: string;
  view: DesignationView;
  onChanged: (v: DesignationView) => void;
  exporting: boolean;
  onExport: (kind: string, produce: () => Promise<ExportedFile>, ofd?: OfdSource) => void;
}

interface StartForm {
  startsOn: Dayjs;
  workingDays: number;
  contactName?: string;
  contactPhone?: string;
}

const score = (n: number | null) => (n === null ? '—' : n.toFixed(2));

/** 公示: pick the passed applications and a start date; once started, the period, the list and the notice PDF. */
export function PublicityCard({ batchId, view, onChanged, exporting, onExport }: Props) {
  const p = view.publicity;
  return (
    <Card
      size="small"
      title="一、拟认定名单公示"
      data-testid="publicity-card"
      extra={
        p ? (
          <Flex gap={8}>
            <WithdrawPublicityButton view={view} onChanged={onChanged} />
            <PublicityNoticeButton batchId={batchId} contact={p.contact} loading={exporting} onExport={onExport} />
          </Flex>
        ) : null
      }
      style={{ marginBottom: 16 }}
    >
      {p ? <PublicityShown view={view} /> : <StartPublicity batchId={batchId} onChanged={onChanged} />}
      <WithdrawnPublicities view={view} />
    </Card>
  );
}

function StartPublicity({ batchId, onChanged }: { batchId: string; onChanged: (v: DesignationView) => void }) {
  const { message } = App.useApp();
  const results = useRemote(() => desk.call('scoring.results', { batchId }), [batchId]);
  const passed = useMemo(
    () => (results.data?.rows ?? []).filter((r) => r.passed).sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9)),
    [results.data],
  );
  const [selected, setSelected] = useState<string[]>([]);
  useEffect(() => setSelected(passed.map((r) => r.applicationId)), [passed]);
  const [form] = Form.useForm<StartForm>();
  const { saving, error, run } = useSubmit();
  const confirm = useConfirmAct();
  const failedCount = (results.data?.rows.length ?? 0) - passed.length;

  const start = (v: StartForm) =>
    run(async () => {
      const contact =
        v.contactName?.trim() && v.contactPhone?.trim() ? { name: v.contactName.trim(), phone: v.contactPhone.trim() } : undefined;
      const plan = { batchId, startsOn: toIsoDate(v.startsOn), workingDays: v.workingDays, applicationIds: selected };
      // look first: the list and both dates as the core computes them; a start before today asks for a reason
      const look = await desk.call('publicity.preview', plan);
      const answer = await confirm.ask(publicityConfirmation(look));
      if (!answer) return;
      const next = await desk.call('publicity.create', {
        ...plan,
        ...(contact ? { contact } : {}),
        ...(look.backdated ? { backdateReason: answer.reason } : {}),
      });
      onChanged(next);
      const pub = next.publicity!;
      message.success(`已发起公示：${formatDate(pub.startsOn)}至${formatDate(pub.endsOn)}（${pub.workingDays}个工作日）。`);
    });

  return (
    <>
      <ErrorAlert error={results.error} title="无法读取评审结果" onRetry={results.reload} />
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        以下为专家评审通过的申报（按排名）。勾选列入公示名单的单位，填写公示开始日期后发起公示；公示期按工作日计算，节假日与调休以“设置 →
        节假日安排”为准。
        {failedCount > 0 ? `另有${failedCount}家未通过评审，不列入名单。` : ''}
      </Typography.Paragraph>
      <Table<ReviewResult>
        size="small"
        rowKey="applicationId"
        loading={results.loading && !results.data}
        dataSource={passed}
        pagination={false}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        locale={{ emptyText: '本批次还没有通过专家评审的申报。请先在“评审结果”中核对汇总结果。' }}
        columns={[
          { title: '排名', dataIndex: 'rank', width: 64, render: (r: number | null) => r ?? '—' },
          { title: '申报单位', dataIndex: 'name', ellipsis: true },
          { title: '最终得分', dataIndex: 'final', width: 100, align: 'right', render: score },
          { title: '评审', key: 'passed', width: 80, render: () => <Tag color="green">通过</Tag> },
        ]}
        style={{ marginBottom: 16 }}
      />
      <ErrorAlert error={error} title="未能发起公示" />
      <Form<StartForm>
        form={form}
        layout="inline"
        onFinish={(values) => void start(values)}
        initialValues={{ startsOn: todayPicker(), workingDays: 5 }}
        aria-label="发起公示"
        style={{ rowGap: 12 }}
      >
        <Form.Item label="公示开始日期" name="startsOn" rules={[{ required: true, message: '请选择公示开始日期' }]}>
          <DatePicker
            format={DATE_FORMATS}
            placeholder="YYYY-MM-DD"
            aria-label="公示开始日期"
            allowClear={false}
            onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()} // Enter only confirms the date, never submits
          />
        </Form.Item>
        <Form.Item label="公示期" name="workingDays" rules={[{ required: true, message: '请填写公示期' }]}>
          <InputNumber min={1} max={30} precision={0} suffix="个工作日" aria-label="公示期（工作日）" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item label="联系人" name="contactName">
          <Input maxLength={20} aria-label="联系人" style={{ width: 100 }} />
        </Form.Item>
        <Form.Item label="电话" name="contactPhone">
          <Input maxLength={40} aria-label="联系电话" style={{ width: 150 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<NotificationOutlined />} loading={saving} disabled={!selected.length}>
            发起公示（{selected.length}家）
          </Button>
        </Form.Item>
      </Form>
      {confirm.element}
    </>
  );
}

function PublicityShown({ view }: { view: DesignationView }) {
  const p = view.publicity!;
  return (
    <>
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="公示期" span={2}>
          <Typography.Text strong data-testid="publicity-period">
            {formatDate(p.startsOn)}至{formatDate(p.endsOn)}（{p.workingDays}个工作日）
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="计算方法" span={2}>
          <span data-testid="publicity-convention">{p.convention}</span>
        </Descriptions.Item>
        <Descriptions.Item label="节假日依据">{p.calendarSources.length ? p.calendarSources.join('；') : '—'}</Descriptions.Item>
        <Descriptions.Item label="联系人">
          {p.contact ? `${p.contact.name}  ${p.contact.phone}` : '未填写（打印公示通知时填写）'}
        </Descriptions.Item>
      </Descriptions>
      {p.calendarWarning ? (
        <Alert type="warning" showIcon title={p.calendarWarning} style={{ marginBottom: 12 }} data-testid="calendar-warning" />
      ) : null}
      <Table<PublicityEntry>
        size="small"
        rowKey="applicationId"
        dataSource={view.entries}
        pagination={false}
        data-testid="publicity-entries"
        columns={[
          { title: '序号', key: 'no', width: 56, render: (_: unknown, __, i) => i + 1 },
          { title: '申报单位', dataIndex: 'applicantName', ellipsis: true },
          { title: '拟认定中心名称', dataIndex: 'proposedCenterName', ellipsis: true },
          { title: '产业', dataIndex: 'industry', width: 110, ellipsis: true },
          { title: '县(市)区', dataIndex: 'district', width: 90 },
          { title: '得分', dataIndex: 'final', width: 76, align: 'right', render: score },
          {
            title: '状态',
            dataIndex: 'withdrawn',
            width: 110,
            render: (w: boolean) =>
              w ? (
                <Tag color="red">已撤出名单</Tag>
              ) : view.decision ? (
                <Tag color="green">已认定</Tag>
              ) : publicityEnded(p, todayIso()) ? (
                <Tag>公示期满</Tag>
              ) : (
                <Tag color="blue">公示中</Tag>
              ),
          },
        ]}
      />
    </>
  );
}

function PublicityNoticeButton({
  batchId,
  contact,
  loading,
  onExport,
}: {
  batchId: string;
  contact?: { name: string; phone: string };
  loading: boolean;
  onExport: Props['onExport'];
}) {
  const [asking, setAsking] = useState(false);
  const produce = (c?: { name: string; phone: string }) =>
    onExport(
      '公示通知',
      () => desk.call('publicity.noticePdf', { batchId, ...(c ? { contact: c } : {}) }),
      () => desk.call('publicity.noticePdf', { batchId, ...(c ? { contact: c } : {}), fileType: 'ofd' }),
    );
  return (
    <>
      <Button icon={<FilePdfOutlined />} loading={loading} onClick={() => (contact ? produce() : setAsking(true))}>
        公示通知PDF
      </Button>
      <Modal
        afterOpenChange={refocusAutoFocus}
        open={asking}
        title="公示通知：联系人及电话"
        okText="生成PDF"
        cancelText="取消"
        onCancel={() => setAsking(false)}
        okButtonProps={{ htmlType: 'submit' }}
        destroyOnHidden
        modalRender={(dom) => (
          <Form
            layout="vertical"
            aria-label="公示通知联系人"
            clearOnDestroy
            onFinish={(v: { name: string; phone: string }) => {
              setAsking(false);
              produce({ name: v.name.trim(), phone: v.phone.trim() });
            }}
          >
            {dom}
          </Form>
        )}
      >
        <Typography.Paragraph type="secondary">公示通知须写明受理异议的联系人及电话。</Typography.Paragraph>
        <Flex gap={12}>
          <Form.Item label="联系人" name="name" rules={[{ required: true, whitespace: true, message: '请填写联系人' }]} style={{ flex: 1 }}>
            <Input autoFocus data-autofocus maxLength={20} />
          </Form.Item>
          <Form.Item
            label="联系电话"
            name="phone"
            rules={[
              { required: true, whitespace: true, message: '请填写联系电话' },
              { min: 5, message: '请填写完整的联系电话' },
            ]}
            style={{ flex: 1 }}
          >
            <Input maxLength={40} />
          </Form.Item>
        </Flex>
      </Modal>
    </>
  );
}
