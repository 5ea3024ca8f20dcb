/** How any thrown value becomes an API error (used by dispatch, the hosts, the CLI and the yearly archive). */
import { z } from 'zod';
import { DeskError, type ApiError } from './errors.js';
import { FIELD_LABELS } from './labels.js';

z.config(z.locales.zhCN());

/** One Chinese sentence per input problem, naming the field: “年度：年度不早于2000年”. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const keys = issue.path.filter((p): p is string => typeof p === 'string');
    const key = keys.at(-1);
    if (issue.code === 'unrecognized_keys') return `不认识的字段：${issue.keys.join('、')}`;
    // Text() fields (contract/text.ts) name themselves in every message.
    if (issue.code === 'custom' && typeof issue.params?.field === 'string') return issue.message;
    // A dotted path ("team.title") wins over the bare key ("title" alone means the batch title).
    const label = key ? (FIELD_LABELS[keys.slice(-2).join('.')] ?? FIELD_LABELS[key] ?? key) : '';
    return label ? `${label}：${issue.message}` : issue.message;
  });
}

export function invalidInput(issues: readonly z.core.$ZodIssue[]): ApiError {
  const lines = describeIssues(issues);
  return {
    code: 'INVALID_INPUT',
    message: `输入有误，请修改后再保存。${lines.join('；')}`,
    details: issues.map((i) => ({ path: i.path.map(String), message: i.message })),
  };
}

/** Any thrown value -> an API error with a Chinese message (internals are never shown raw). */
export function toApiError(err: unknown): ApiError {
  if (err instanceof DeskError)
    return { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) };
  if (err instanceof z.ZodError) return invalidInput(err.issues);
  const text = err instanceof Error ? err.message : String(err);
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC') return { code: 'INTERNAL', message: '磁盘空间不足，保存失败，数据未改动。请清理磁盘后重试。' };
  if (code === 'EACCES' || code === 'EPERM') return { code: 'INTERNAL', message: '没有写入数据文件夹的权限，保存失败，数据未改动。' };
  return { code: 'INTERNAL', message: `程序内部错误，操作未完成（${text.slice(0, 200)}）。请重试；如仍出错，请把操作日志交给技术支持。` };
}
