import type { FormInstance } from 'antd';
import { DeskApiError } from '../rpc';

/**
 * Puts the API's field problems (INVALID_INPUT details: { path, message }) under the form fields they name.
 * `map` turns an API path into the form's field name (return null to leave a problem in the alert only).
 */
export function showFieldErrors<T>(
  form: FormInstance<T>,
  err: unknown,
  map: (path: string[]) => (string | number)[] | null = (p) => p,
): void {
  if (!(err instanceof DeskApiError) || err.code !== 'INVALID_INPUT' || !Array.isArray(err.details)) return;
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const d of err.details as { path?: string[]; message?: string }[]) {
    const name = d.path ? map(d.path) : null;
    if (!name) continue;
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(d.message ?? '输入有误');
    byField.set(key, entry);
  }
  if (!byField.size) return;
  // antd's NamePath typing is per-form; the names come from the same form's fields.
  form.setFields([...byField.values()] as Parameters<FormInstance<T>['setFields']>[0]);
  focusFirstError(form);
}

/**
 * After a failed save: scroll to the first field (in form order) that shows an error and put the cursor there,
 * as antd's `scrollToFirstError` does for the form's own rules, so a problem the server found is seen too.
 */
export function focusFirstError<T>(form: FormInstance<T>): void {
  const first = form.getFieldsError().find((f) => f.errors.length > 0);
  if (first) form.scrollToField(first.name, { block: 'center', focus: true });
}
