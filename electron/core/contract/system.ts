import { z } from 'zod';
import { method, NoInput, IsoTime } from './define.js';

export const HostKind = z.enum(['electron', 'web', 'cli', 'test']);
export type HostKind = z.infer<typeof HostKind>;

export const FontInfo = z.object({
  role: z.string(),
  family: z.string(),
  source: z.enum(['system', 'bundled']),
  path: z.string(),
});

export const SystemInfo = z.object({
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  dataDir: z.string(),
  host: HostKind,
  fonts: z.array(FontInfo),
});

export const AuditEntry = z.object({
  at: IsoTime,
  operator: z.string(),
  method: z.string(),
  entity: z.string(),
  summary: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

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
  'backups.list': method({ input: NoInput, output: z.array(BackupInfo), writes: false, summary: '列出备份' }),
  'backups.restore': method({
    input: z.object({ name: z.string().min(1) }).strict(),
    output: z.object({ restored: z.string(), safetyBackup: z.string(), parts: z.number().int() }),
    writes: true,
    summary: '从备份恢复',
  }),
};
