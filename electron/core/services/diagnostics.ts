/**
 * 导出诊断信息: one zip for the bureau's IT support — versions, settings without personal data, the last 200
 * audit entries (in 专家模式 only their ids: sequence, time, method and entity) and the store's part list.
 * Never the records themselves, an entry's before/after, the seal image or the contact people.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AuditEntry, Settings } from '../contract/index.js';
import { bureauDateTimeText, bureauStamp } from '../domain/bureau-time.js';
import { zipToBuffer } from '../exchange/zip-write.js';
import type { Store } from '../store/store.js';

/** How many of the newest audit entries go in. */
export const DIAGNOSTIC_AUDIT_ENTRIES = 200;

/** Settings fields that name people or places, or hold the seal: replaced by whether they are set. */
const PERSONAL_SETTINGS = ['operatorName', 'contactPerson', 'contactPhone', 'contactAddress', 'sealImageSha256'] as const;

export function settingsWithoutSecrets(settings: Settings): Record<string, unknown> {
  const out: Record<string, unknown> = { ...settings };
  for (const key of PERSONAL_SETTINGS) out[key] = settings[key] ? '（已设置，内容未导出）' : '（未设置）';
  return out;
}

/** An audit entry as IT support sees it: what ran when, never its before/after; in 专家模式 ids only. */
export function auditForDiagnostics(e: AuditEntry, expertMode: boolean): Record<string, unknown> {
  if (expertMode) return { seq: e.seq, at: e.at, method: e.method, entity: e.entity };
  return {
    seq: e.seq,
    at: e.at,
    method: e.method,
    entity: e.entity,
    summary: e.summary,
    parts: e.parts?.map((p) => `${p.file}@${p.generation}`),
  };
}

export interface DiagnosticsInput {
  store: Store;
  expertMode: boolean;
  clock: () => Date;
  versions: Record<string, unknown>;
}

/** The files of store/: each with its size, and the generation and sha256 the part journal records for it. */
async function partList(store: Store): Promise<unknown> {
  const files = [];
  for (const name of (await fs.readdir(store.dirs.store)).sort()) {
    const stat = await fs.stat(path.join(store.dirs.store, name)).catch(() => null);
    if (!stat?.isFile()) continue;
    const want = store.partVersion(name);
    files.push({ file: name, size: stat.size, ...(want ? { generation: want.generation, sha256: want.sha256 } : {}) });
  }
  return { files };
}

/** The zip's bytes and its file name (`诊断信息-YYYYMMDD-HHMMSS.zip`, bureau time). */
export async function buildDiagnostics(input: DiagnosticsInput): Promise<{ fileName: string; data: Buffer }> {
  const { store } = input;
  const at = input.clock();
  const json = (v: unknown): Uint8Array => Buffer.from(`${JSON.stringify(v, null, 2)}\n`, 'utf8');
  const audit = await store.audit.list(DIAGNOSTIC_AUDIT_ENTRIES);
  const readme = [
    '产业知识产权中心认定工作台 · 诊断信息',
    `导出时间：${bureauDateTimeText(at)}（北京时间）`,
    `本机用途：${input.expertMode ? '评审专家（离线评分）' : '秘书处工作台'}`,
    '',
    'versions.json   程序、运行环境和数据格式的版本',
    'settings.json   基本设置（操作人、联系人、电话、地址和印章图片不导出）',
    `audit.json      最近 ${DIAGNOSTIC_AUDIT_ENTRIES} 条操作日志${input.expertMode ? '（专家模式：只有编号、时间、功能和对象编号）' : '（不含修改前后的内容）'}`,
    'parts.json      数据文件清单（文件名、大小、版本和校验值，不含内容）',
    '',
  ].join('\n');
  const entries = [
    { path: 'README.txt', data: Buffer.from(readme, 'utf8') },
    { path: 'versions.json', data: json({ ...input.versions, schemaVersion: store.schemaVersion }) },
    { path: 'settings.json', data: json(settingsWithoutSecrets(store.read('settings').settings)) },
    { path: 'audit.json', data: json(audit.map((e) => auditForDiagnostics(e, input.expertMode))) },
    { path: 'parts.json', data: json(await partList(store)) },
  ];
  return { fileName: `诊断信息-${bureauStamp(at)}.zip`, data: await zipToBuffer(entries) };
}
