import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Drawer, Flex, Spin, Tabs, Tag, Typography } from 'antd';
import { CheckCircleOutlined, SendOutlined } from '@ant-design/icons';
import type { Application, Batch } from '../../../electron/core/contract/index.js';
import { desk, DeskApiError } from '../../rpc';
import { formatTime } from '../../format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRemote } from '../../components/useRemote';
import { ApplicationForm } from './ApplicationForm';
import { MaterialsChecklist } from './MaterialsChecklist';
import { ReviewPanel } from '../formal-review/ReviewPanel';
import { HistoryTimeline } from './HistoryTimeline';
import { STATUS_COLORS, STATUS_LABELS, canEdit } from './lists';
import { refocusAutoFocus } from '../../components/refocusAutoFocus';
import { useDirtyGuard } from '../../components/dirtyGuard';

interface Props {
  open: boolean;
  /** undefined: 新增申报. */
  id: string | undefined;
  batch: Batch;
  onCreated: (id: string) => void;
  onChanged: () => void;
  onClose: () => void;
}

/** One application: the form (autosaved), its materials, formal review and history. */
export function ApplicationDrawer({ open, id, batch, onCreated, onChanged, onClose }: Props) {
  const { message, modal } = App.useApp();
  const detail = useRemote(() => (id ? desk.call('applications.get', { id }) : Promise.resolve(undefined)), [id]);
  const [tab, setTab] = useState('form');
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const flushRef = useRef<() => Promise<boolean>>(() => Promise.resolve(true));
  const dirtyRef = useRef<() => Promise<boolean>>(() => Promise.resolve(false));
  const close = useDirtyGuard(() => dirtyRef.current(), onClose, '申报信息');
  const app = id && detail.data?.application.id === id ? detail.data.application : undefined;

  useEffect(() => {
    setSubmitError(null);
    setSavedAt(null);
    if (!id) setTab('form');
  }, [id]);

  function changed(): void {
    // what made 提交 fail (a missing material, a field) may just have been fixed: the next 提交 says again if not
    setSubmitError(null);
    detail.reload();
    onChanged();
  }

  /** The core lists the missing materials (NEEDS_ACKNOWLEDGEMENT): show them and ask before submitting anyway. */
  function confirmMissing(items: readonly { no: number; title: string }[]): Promise<boolean> {
    return new Promise((resolve) => {
      modal.confirm({
        title: `申报材料尚缺${items.length}项，确认提交？`,
        content: (
          <div data-testid="submit-missing">
            <ul style={{ paddingLeft: 20, margin: '4px 0 8px' }}>
              {items.map((m) => (
                <li key={m.no}>
                  {m.no}. {m.title}
                </li>
              ))}
            </ul>
            <Typography.Text type="secondary">缺少材料的申报在形式审查时将要求补正。确认后提交，缺项清单记入操作日志。</Typography.Text>
          </div>
        ),
        okText: '确认缺项并提交',
        cancelText: '返回补充材料',
        autoFocusButton: 'cancel',
        width: 520,
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });
  }

  async function submit(current: Application): Promise<void> {
    setSubmitError(null);
    setSubmitting(true);
    try {
      if (!(await flushRef.current())) {
        setTab('form');
        return;
      }
      let saved: Application;
      try {
        saved = await desk.call('applications.submit', { id: current.id });
      } catch (err) {
        if (!(err instanceof DeskApiError && err.code === 'NEEDS_ACKNOWLEDGEMENT')) throw err;
        const items = (err.details as { missingItems?: { no: number; title: string }[] } | undefined)?.missingItems ?? [];
        if (!(await confirmMissing(items))) {
          setTab('materials');
          return;
        }
        saved = await desk.call('applications.submit', { id: current.id, acknowledgeMissing: true });
      }
      message.success(
        saved.status === 'submitted' && current.status === 'supplementRequired'
          ? '已补正并重新提交，等待形式审查。'
          : '已提交申报，等待形式审查。',
      );
      changed();
      setTab('review');
    } catch (err) {
      setSubmitError(err);
    } finally {
      setSubmitting(false);
    }
  }

  const missing = detail.data?.missingItems ?? [];
  const title = !id ? (
    '新增申报'
  ) : app ? (
    <Flex align="center" gap={8} style={{ minWidth: 0 }}>
      <Typography.Text strong ellipsis style={{ fontSize: 16 }}>
        {app.applicant.name}
      </Typography.Text>
      <Tag color={STATUS_COLORS[app.status]} data-testid="application-status">
        {STATUS_LABELS[app.status]}
      </Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
        编号 {app.id}
      </Typography.Text>
      {savedAt ? (
        <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }} data-testid="autosave-status">
          <CheckCircleOutlined style={{ color: '#52c41a' }} /> 已自动保存 {formatTime(savedAt)}
        </Typography.Text>
      ) : null}
    </Flex>
  ) : (
    '申报'
  );

  return (
    <Drawer
      // A new form's first field takes the focus itself (autoFocus, then refocusAutoFocus): the drawer must not
      // focus its own panel after it, which on a busy machine sent a fast typist's Tab to the close button.
      autoFocus={!!id}
      afterOpenChange={refocusAutoFocus}
      open={open}
      onClose={close}
      size={1000}
      title={title}
      destroyOnHidden
      maskClosable={false}
      styles={{ body: { paddingTop: 8 } }}
      extra={
        app && canEdit(app.status) ? (
          <Button type="primary" icon={<SendOutlined />} loading={submitting} onClick={() => void submit(app)}>
            {app.status === 'supplementRequired' ? '补正后重新提交' : '提交申报'}
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={detail.error} title="无法读取申报" onRetry={detail.reload} />
      <ErrorAlert error={submitError} title="未能提交" onClose={() => setSubmitError(null)} />
      {detail.data?.earlier.length ? (
        <Alert
          type="warning"
          showIcon
          title="该单位曾在以往批次申报"
          description={detail.data.earlier.map((e) => (
            <div key={e.applicationId}>{e.message}</div>
          ))}
          style={{ marginBottom: 12 }}
          data-testid="earlier-applications"
        />
      ) : null}
      {!id ? (
        <ApplicationForm
          key="new"
          batch={batch}
          application={undefined}
          readOnly={false}
          flushRef={flushRef}
          dirtyRef={dirtyRef}
          onSaved={() => {}}
          onCreated={(a) => {
            onCreated(a.id);
            onChanged();
            message.success(`已登记“${a.applicant.name}”（草稿），请继续填写并上传申报材料。`);
          }}
        />
      ) : !app ? (
        <Spin spinning style={{ width: '100%', padding: 48 }} />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'form',
              label: '申报信息',
              children: (
                <ApplicationForm
                  key={app.id}
                  batch={batch}
                  application={app}
                  readOnly={!canEdit(app.status)}
                  flushRef={flushRef}
                  dirtyRef={dirtyRef}
                  onCreated={() => {}}
                  onSaved={() => {
                    setSavedAt(new Date());
                    setSubmitError(null);
                    changed();
                  }}
                />
              ),
            },
            {
              key: 'materials',
              label: missing.length ? `申报材料（缺${missing.length}项）` : '申报材料',
              children: <MaterialsChecklist application={app} missing={missing} onChanged={changed} />,
            },
            { key: 'review', label: '形式审查', children: <ReviewPanel application={app} missing={missing} onChanged={changed} /> },
            { key: 'history', label: `状态记录（${app.history.length}）`, children: <HistoryTimeline application={app} /> },
          ]}
        />
      )}
    </Drawer>
  );
}
