import { DeskError } from '../contract/errors.js';

/** Why a file that travelled on USB was refused. */
export type RejectReason =
  'wrongCode' | 'tampered' | 'truncated' | 'foreign' | 'wrongKind' | 'badShape' | 'unsafePath' | 'tooLarge' | 'version';

const BASE: Record<RejectReason, string> = {
  wrongCode: '一次性口令不正确，请核对评审任务通知单上的口令后重试',
  tampered: '文件内容被改动过（签名不符），已拒绝导入',
  truncated: '文件不完整（可能复制时被截断），请重新拷贝原文件',
  foreign: '文件不属于本批次已发出的评审包',
  wrongKind: '文件类型不对',
  badShape: '文件内容格式不符',
  unsafePath: '压缩包内含不安全的文件路径',
  tooLarge: '文件超过大小限制',
  version: '文件版本不受支持',
};

export interface ExchangeErrorOptions {
  /** The file's own name (e.g. `评审包-张三-2026-1.ipcdpkg`), named at the start of the message. */
  fileName?: string;
  details?: unknown;
}

/**
 * A refused exchange file. `code` is always FILE_REJECTED; `reason` says why; the message is a
 * Chinese sentence naming the file (when known) and the reason, and never contains file contents.
 */
export class ExchangeError extends DeskError {
  readonly reason: RejectReason;
  readonly fileName?: string;
  /** The specific part of the message (e.g. which entry, which field), without the file name. */
  readonly detail?: string;
  private readonly extra: unknown;

  constructor(reason: RejectReason, detail?: string, opts: ExchangeErrorOptions = {}) {
    const bare = detail ? `${BASE[reason]}：${detail}` : BASE[reason];
    super('FILE_REJECTED', opts.fileName ? `「${opts.fileName}」${bare}。` : `${bare}。`, {
      reason,
      ...(opts.fileName ? { fileName: opts.fileName } : {}),
      ...(opts.details === undefined ? {} : { info: opts.details }),
    });
    this.name = 'ExchangeError';
    this.reason = reason;
    this.fileName = opts.fileName;
    this.detail = detail;
    this.extra = opts.details;
  }

  /** The same error, with its message naming `fileName`. */
  forFile(fileName: string | undefined): ExchangeError {
    if (!fileName || fileName === this.fileName) return this;
    return new ExchangeError(this.reason, this.detail, { fileName, details: this.extra });
  }
}

export function isExchangeError(err: unknown): err is ExchangeError {
  return err instanceof ExchangeError;
}

/** Re-throw `err` naming `fileName` when it is an ExchangeError; anything else passes unchanged. */
export function nameFile(err: unknown, fileName: string | undefined): unknown {
  return err instanceof ExchangeError ? err.forFile(fileName) : err;
}
