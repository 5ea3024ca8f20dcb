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
  // antd's NamePath typing is per-form; the names come from the same form's fields.
  if (byField.size) form.setFields([...byField.values()] as Parameters<FormInstance<T>['setFields']>[0]);
}
