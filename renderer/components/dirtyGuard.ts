import { useCallback, useEffect, useRef } from 'react';
import { App } from 'antd';
import type { FormInstance } from 'antd';
import { setLeaveGuard } from '../router';

/** What counts as unsaved work: a form whose fields the user changed, or the caller's own check. */
export type DirtySource = FormInstance | (() => boolean | Promise<boolean>);

const isDirty = async (source: DirtySource): Promise<boolean> => (typeof source === 'function' ? await source() : source.isFieldsTouched());

/**
 * Fills a form with stored values (on opening, after loading, after a save) and counts them as unchanged:
 * antd marks a field touched when `setFieldsValue` changes it, which would make every loaded form look edited.
 */
export function loadValues<T>(form: FormInstance<T>, values: Parameters<FormInstance<T>['setFieldsValue']>[0]): void {
  form.setFieldsValue(values);
  markClean(form);
}

/** After a save: the form's current values are the saved ones, so leaving no longer asks. */
export function markClean<T>(form: FormInstance<T>): void {
  // antd's NamePath typing is per-form; the names come from the same form's fields.
  form.setFields(form.getFieldsError().map(({ name }) => ({ name, touched: false })) as Parameters<FormInstance<T>['setFields']>[0]);
}

type Modal = ReturnType<typeof App.useApp>['modal'];

/**
 * "放弃修改？" — resolves true to discard. Enter and Esc both keep editing (the safe answer is the default
 * button), so a clerk who presses Esc twice in a hurry does not lose the form.
 */
function askDiscard(modal: Modal, what: string): Promise<boolean> {
  return new Promise((resolve) => {
    modal.confirm({
      title: '有未保存的修改',
      content: `${what}中填写的内容还没有保存，关闭后将丢失。`,
      okText: '放弃修改',
      okButtonProps: { danger: true },
      cancelText: '继续编辑',
      autoFocusButton: 'cancel',
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    });
  });
}

/**
 * The close handler for a form's Modal (`onCancel`: Esc, × and 取消) or Drawer (`onClose`): closes at once when
 * nothing was changed, else asks first and keeps the form open on 继续编辑. `what` names the form in the question.
 */
export function useDirtyGuard(source: DirtySource, onClose: () => void, what = '本表单'): () => void {
  const { modal } = App.useApp();
  const asking = useRef(false);
  const latest = useRef({ source, onClose, what });
  latest.current = { source, onClose, what };
  return useCallback(() => {
    if (asking.current) return;
    asking.current = true;
    void (async () => {
      try {
        const { source: s, onClose: close, what: w } = latest.current;
        if (!(await isDirty(s)) || (await askDiscard(modal, w))) close();
      } finally {
        asking.current = false;
      }
    })();
  }, [modal]);
}

/**
 * For a form on a page (a settings card with 保存): leaving the page through the navigation asks first while the
 * form has unsaved changes. Call `markClean(form)` after a successful save.
 */
export function useLeaveGuard(source: DirtySource, what: string): void {
  const { modal } = App.useApp();
  const latest = useRef({ source, what });
  latest.current = { source, what };
  useEffect(
    () =>
      setLeaveGuard({
        dirty: () => isDirty(latest.current.source),
        ask: () => askDiscard(modal, latest.current.what),
      }),
    [modal],
  );
}
