import { formatDateTime } from '../format';

/**
 * Who made a scoring or assessment template version, and when: the built-in default (nothing saved yet for the
 * batch or year) has no date of its own, so it reads 系统默认 instead of a made-up one (it showed 1970年1月1日).
 */
export function templateVersionText(t: { createdAt: string; createdBy: string }, isDefault: boolean | undefined): string {
  return isDefault ? '系统默认' : `${formatDateTime(t.createdAt)} ${t.createdBy}`;
}
