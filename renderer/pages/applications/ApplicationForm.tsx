import { useEffect, useRef, useState, type MutableRefObject } from 'react';
import { Button, Flex, Form, Input, Typography } from 'antd';
import type { InputRef } from 'antd';
import { CheckCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import type { Application, Batch } from '../../../electron/core/contract/index.js';
import { desk, DeskApiError } from '../../rpc';
import { formatTime } from '../../format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { focusFirstError } from '../../components/fieldErrors';
import { ApplicationFormFields } from './ApplicationFormFields';
import { EMPTY_FORM, fromApplication, toApiForm, type FormValues } from './formValues';

interface Props {
  batch: Batch;
  /** The stored application (edit, autosaved); undefined to create one. */
  application: Application | undefined;
  readOnly: boolean;
  onCreated: (app: Application) => void;
  onSaved: (app: Application) => void;
  /** Set by the form: saves pending changes now (the drawer calls it before 提交申报). */
  flushRef: MutableRefObject<() => Promise<boolean>>;
  /** Set by the form: true while closing would lose typed work (a new form not yet saved, or an edit the save refused). */
  dirtyRef: MutableRefObject<() => Promise<boolean>>;
}

type NamePath = (string | number)[];

/** Field errors from an API error: zod paths, or the USCC check (details.field = 'uscc'). */
function fieldErrors(err: unknown): { name: NamePath; errors: string[] }[] {
  if (!(err instanceof DeskApiError) || err.code !== 'INVALID_INPUT') return [];
  const d = err.details as { field?: string } | { path?: string[]; message?: string }[] | undefined;
  if (Array.isArray(d))
    return d
      .filter((x) => x.path?.length)
      .map((x) => ({ name: x.path!.map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [x.message ?? '输入有误'] }));
  if (d && 'field' in d && d.field === 'uscc') return [{ name: ['applicant', 'uscc'], errors: [err.message] }];
  return [];
}

export function ApplicationForm({ batch, application, readOnly, onCreated, onSaved, flushRef, dirtyRef }: Props) {
  const [form] = Form.useForm<FormValues>();
  const creating = !application;
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [askReason, setAskReason] = useState(false);
  const nameRef = useRef<InputRef>(null);
  const timer = useRef<number | undefined>(undefined);
  const marked = useRef<NamePath[]>([]);
  const queue = useRef<Promise<boolean>>(Promise.resolve(true));
  /** A new form the clerk typed in: closing it asks. */
  const edited = useRef(false);

  // The first field of a new form is focused by autoFocus and, once the drawer has opened, by refocusAutoFocus.
  // (A late focus() here once pulled the cursor back to 单位名称 after a fast typist had tabbed on.)
  useEffect(() => () => window.clearTimeout(timer.current), []);

  /** `focus`: after the clerk's own save (not an autosave while typing), go to the first field named. */
  function showErrors(err: unknown, focus: boolean): void {
    const fields = fieldErrors(err);
    form.setFields(fields as unknown as Parameters<typeof form.setFields>[0]);
    if (focus) focusFirstError(form);
    marked.current = fields.map((f) => f.name);
    setError(fields.length && err instanceof DeskApiError && (err.details as { field?: string })?.field === 'uscc' ? null : err);
  }
  function clearErrors(): void {
    form.setFields(marked.current.map((name) => ({ name, errors: [] })) as unknown as Parameters<typeof form.setFields>[0]);
    marked.current = [];
    setError(null);
  }

  /** applications.saveDraft with everything on the form; saves run one after another. */
  function saveNow(focus = false): Promise<boolean> {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    if (!application || readOnly) return queue.current;
    queue.current = queue.current.then(async () => {
      setSaving(true);
      try {
        const saved = await desk.call('applications.saveDraft', { id: application.id, ...toApiForm(form.getFieldsValue(true)) });
        clearErrors();
        setSavedAt(new Date());
        onSaved(saved);
        return true;
      } catch (err) {
        showErrors(err, focus);
        return false;
      } finally {
        setSaving(false);
      }
    });
    return queue.current;
  }
  flushRef.current = () => (timer.current !== undefined ? saveNow() : queue.current);
  // A draft being edited saves itself: closing first saves what is pending and asks only when that save fails.
  const isDirty = async (): Promise<boolean> =>
    creating ? edited.current || form.isFieldsTouched() : !readOnly && !(await flushRef.current());
  dirtyRef.current = isDirty;
  const mine = useRef(isDirty);
  mine.current = isDirty;
  useEffect(
    () => () => {
      if (dirtyRef.current === mine.current) dirtyRef.current = () => Promise.resolve(false);
    },
    [dirtyRef],
  );

  function scheduleSave(): void {
    if (creating) edited.current = true;
    if (creating || readOnly) return;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void saveNow(), 800);
  }

  async function create(values: FormValues): Promise<void> {
    setSaving(true);
    try {
      const reason = values.windowOverrideReason?.trim();
      const app = await desk.call('applications.create', {
        batchId: batch.id,
        ...toApiForm(values),
        ...(askReason && reason ? { windowOverrideReason: reason } : {}),
      });
      onCreated(app);
    } catch (err) {
      if (err instanceof DeskApiError && err.code === 'NEEDS_REASON') {
        setAskReason(true);
        window.setTimeout(() => form.getFieldInstance('windowOverrideReason')?.focus?.(), 50);
      }
      showErrors(err, true);
    } finally {
      setSaving(false);
    }
  }

  const errorTitle =
    (error as DeskApiError | null)?.code === 'NEEDS_REASON' ? '受理期外登记须填写理由' : creating ? '未能登记' : '未能保存';
  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      aria-label="申报信息"
      initialValues={application ? fromApplication(application) : EMPTY_FORM}
      disabled={readOnly}
      onValuesChange={scheduleSave}
      onFinish={(v) => void (creating ? create(v) : saveNow(true))}
      scrollToFirstError={{ focus: true }}
    >
      <ErrorAlert error={error} title={errorTitle} />
      {askReason ? (
        <Form.Item
          label="受理期外登记理由"
          name="windowOverrideReason"
          rules={[{ required: true, whitespace: true, min: 2, message: '请填写理由（至少2个字）' }]}
          extra="理由将记入申报记录和操作日志。"
        >
          <Input maxLength={200} showCount />
        </Form.Item>
      ) : null}
      <ApplicationFormFields nameRef={nameRef} creating={creating} />
      <Flex align="center" justify="space-between" gap={12} style={{ padding: '10px 0', borderTop: '1px solid #f0f0f0' }}>
        <Typography.Text type="secondary">
          {creating ? (
            '填写单位名称和信用代码后即可保存为草稿，其余内容可稍后补充。按回车键保存，按 Esc 键关闭。'
          ) : readOnly ? (
            '该申报已提交，内容不能修改。'
          ) : saving ? (
            <>
              <LoadingOutlined /> 正在保存…
            </>
          ) : savedAt ? (
            <>
              <CheckCircleOutlined style={{ color: '#52c41a' }} /> 已自动保存 {formatTime(savedAt)}。修改后自动保存草稿，按回车键立即保存。
            </>
          ) : (
            '修改后自动保存草稿，按回车键立即保存。'
          )}
        </Typography.Text>
        {readOnly ? null : (
          <Button type="primary" htmlType="submit" loading={creating && saving}>
            {creating ? '保存草稿' : '立即保存'}
          </Button>
        )}
      </Flex>
    </Form>
  );
}
