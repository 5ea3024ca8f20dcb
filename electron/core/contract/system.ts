import { z } from 'zod';
import { method, NoInput, IsoTime } from './define.js';
import { FONT_ROLES } from './fonts-labels.js';

export const HostKind = z.enum(['electron', 'web', 'cli', 'test']);
export type HostKind = z.infer<typeof HostKind>;

/** Which face prints one typographic role (contract/fonts-labels.ts) and where it comes from. */
export const FontInfo = z.object({
  role: z.enum(FONT_ROLES),
  family: z.string(),
  source: z.enum(['system', 'bundled']),
  path: z.string(),
  /** The face is not of the role's style (no 仿宋 installed: the body prints in the bundled 宋体). */
  substitute: z.boolean(),
});

export const SystemInfo = z.object({
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  dataDir: z.string(),
  host: HostKind,
  fonts: z.array(FontInfo),
});

/** A store part file as a write left it: its generation and the sha256 of its bytes (null: the write removed it). */
export const PartVersion = z.object({
  file: z.string(),
  generation: z.number().int().nonnegative(),
  sha256: z.string().nullable(),
});
export type PartVersion = z.infer<typeof PartVersion>;

export const AuditEntry = z.object({
  /** Position in the hash chain (1, 2, …) across the monthly files; absent on entries of older versions. */
  seq: z.number().int().positive().optional(),
  /** sha256 of the entry before (64 zeros for the first). */
  prev: z.string().optional(),
  /** sha256 of this entry's line without its hash. */
  hash: z.string().optional(),
  at: IsoTime,
  operator: z.string(),
  /** The operating-system account and the machine the write was made on. */
  osUser: z.string().optional(),
  machine: z.string().optional(),
  method: z.string(),
  entity: z.string(),
  summary: z.string(),
  /** The part files this write made durable (the store checks them against the log on open). */
  parts: z.array(PartVersion).optional(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** What the audit verifier found: the first edited, deleted, inserted or reordered entry, by file and line. */
export const AuditVerifyReport = z.object({
  ok: z.boolean(),
  entries: z.number().int().nonnegative(),
  legacy: z.number().int().nonnegative(),
  files: z.number().int().nonnegative(),
  lastSeq: z.number().int().nonnegative(),
  problem: z
    .object({
      kind: z.enum(['edited', 'deleted', 'inserted', 'reordered', 'truncated']),
      file: z.string(),
      line: z.number().int().positive(),
      message: z.string(),
    })
    .optional(),
  message: z.string(),
});
export type AuditVerifyReport = z.infer<typeof AuditVerifyReport>;

export const BackupInfo = z.object({
  name: z.string(),
  createdAt: IsoTime,
  kind: z.enum(['daily', 'before-restore', 'before-migration']),
  parts: z.number().int(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

export const systemContract = {
  'tasks.cancel': method({
    input: z.object({ taskId: z.string().min(1).max(300) }).strict(),
    output: z.object({ cancelled: z.boolean() }),
    writes: false,
    summary: '取消正在进行的长任务',
  }),
  'system.info': method({ input: NoInput, output: SystemInfo, writes: false, summary: '系统信息' }),
  'audit.list': method({
    input: z.object({ limit: z.number().int().min(1).max(1000).default(100), entity: z.string().optional() }).strict(),
    output: z.array(AuditEntry),
    writes: false,
    summary: '查看操作日志',
  }),
  'audit.verify': method({
    input: NoInput,
    output: AuditVerifyReport,
    writes: false,
    summary: '校验操作日志',
  }),
  'backups.list': method({ input: NoInput, output: z.array(BackupInfo), writes: false, summary: '列出备份' }),
  'backups.restore': method({
    input: z.object({ name: z.string().min(1) }).strict(),
    output: z.object({ restored: z.string(), safetyBackup: z.string(), parts: z.number().int() }),
    writes: true,
    yearLock: 'none',
    summary: '从备份恢复',
  }),
};
