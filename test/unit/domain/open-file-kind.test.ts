/** A double-clicked file's kind from its name and first bytes, and which role takes it (domain/open-file-kind.ts, domain/roles.ts). */
import { describe, expect, it } from 'vitest';
import { detectOpenFileKind } from '../../../electron/core/domain/open-file-kind.js';
import {
  areaAllowedInRole,
  areaRefusal,
  roleFromArgs,
  routeAllowedInRole,
  startRouteOf,
  wrongKindMessage,
} from '../../../electron/core/domain/roles.js';
import { encrypt, newOneTimeCode } from '../../../electron/core/exchange/crypto.js';
import { zipToBuffer } from '../../../electron/core/exchange/zip-write.js';
import { PACKAGE_EXT } from '../../../electron/core/exchange/package.js';
import { RESULT_EXT } from '../../../electron/core/exchange/result.js';
import { BACKUP_EXT } from '../../../electron/core/backup-file/manifest.js';
import { OPEN_FILE_EXTENSIONS } from '../../../electron/core/contract/setup-labels.js';

describe('detectOpenFileKind', () => {
  it('recognises real containers and zips written by exchange/ (name and bytes agree)', async () => {
    const code = newOneTimeCode();
    const pkg = await encrypt(Buffer.from('{}'), code, 'package');
    const res = await encrypt(Buffer.from('{}'), code, 'result');
    const zip = await zipToBuffer([{ path: 'manifest.json', data: Buffer.from('{}') }]);
    expect(detectOpenFileKind(`评审包-张三-2026-1${PACKAGE_EXT}`, pkg)).toBe('expertPackage');
    expect(detectOpenFileKind(`评分结果-张三${RESULT_EXT}`, res)).toBe('resultFile');
    expect(detectOpenFileKind(`数据备份-20261125-103000${BACKUP_EXT}`, zip)).toBe('backupFile');
    expect(detectOpenFileKind('2026年度档案.ZIP', zip)).toBe('yearArchive');
    // The extensions the associations declare are the ones the writers use.
    expect(OPEN_FILE_EXTENSIONS).toEqual({ expertPackage: PACKAGE_EXT, resultFile: RESULT_EXT, backupFile: BACKUP_EXT });
  });

  it('refuses a renamed or truncated file rather than guessing', async () => {
    const pkg = await encrypt(Buffer.from('{}'), newOneTimeCode(), 'package');
    expect(detectOpenFileKind('改名.ipcdres', pkg)).toBe('unknown');
    expect(detectOpenFileKind('改名.ipcdesk-backup', pkg)).toBe('unknown');
    expect(detectOpenFileKind('a.ipcdpkg', pkg.subarray(0, 5))).toBe('unknown');
    expect(detectOpenFileKind('a.ipcdpkg', Buffer.alloc(0))).toBe('unknown');
    expect(detectOpenFileKind('申报书.pdf', Buffer.from('%PDF-1.7'))).toBe('unknown');
    expect(detectOpenFileKind('A.IPCDPKG ', pkg)).toBe('expertPackage');
  });
});

describe('role rules', () => {
  it('reads the role from --role=…, --role …, and the older --expert', () => {
    expect(roleFromArgs(['exe', '--role=expert'])).toBe('expert');
    expect(roleFromArgs(['exe', '--role', 'secretariat'])).toBe('secretariat');
    expect(roleFromArgs(['exe', '--expert'])).toBe('expert');
    expect(roleFromArgs(['exe', '--role=admin'])).toBeUndefined();
    expect(roleFromArgs(['exe', 'file.ipcdpkg'])).toBeUndefined();
  });

  it('专家模式 reaches only its own areas and pages; the secretariat never the expert pages', () => {
    for (const area of ['expert', 'files', 'localPaths', 'system', 'setup']) expect(areaAllowedInRole('expert', area), area).toBe(true);
    for (const area of ['batches', 'applications', 'expertReview', 'settings', 'backupFile', 'archive'])
      expect(areaAllowedInRole('expert', area), area).toBe(false);
    expect(areaAllowedInRole('secretariat', 'batches')).toBe(true);
    // the secretariat's desk never imports or scores a package itself: its data folder never holds an expert's work
    expect(areaAllowedInRole('secretariat', 'expert')).toBe(false);
    for (const area of ['expertReview', 'files', 'system', 'setup', 'archive'])
      expect(areaAllowedInRole('secretariat', area), area).toBe(true);
    expect(areaRefusal('secretariat', 'expert.importPackage')).toMatch(/秘书处工作台.*expert\.importPackage.*评审专家/);
    expect(areaRefusal('expert', 'batches.create')).toMatch(/评审专家（离线评分）.*batches\.create/);
    expect(routeAllowedInRole('expert', '/expert')).toBe(true);
    expect(routeAllowedInRole('expert', '/settings/backups')).toBe(false);
    expect(routeAllowedInRole('expert', '/expertise')).toBe(false);
    expect(routeAllowedInRole('secretariat', '/expert')).toBe(false);
    expect(routeAllowedInRole('secretariat', '/review/import')).toBe(true);
    expect(startRouteOf('expert')).toBe('/expert');
    expect(startRouteOf('secretariat')).toBe('/home');
  });

  it('each file kind belongs to one role; the other gets a Chinese message naming the file', () => {
    expect(wrongKindMessage('expert', 'expertPackage', 'p.ipcdpkg')).toBeUndefined();
    expect(wrongKindMessage('secretariat', 'resultFile', 'r.ipcdres')).toBeUndefined();
    expect(wrongKindMessage('secretariat', 'backupFile', 'b.ipcdesk-backup')).toBeUndefined();
    expect(wrongKindMessage('secretariat', 'expertPackage', 'p.ipcdpkg')).toMatch(/^“p\.ipcdpkg”是评审包.*专家模式/);
    expect(wrongKindMessage('expert', 'resultFile', 'r.ipcdres')).toMatch(/^“r\.ipcdres”是评分结果文件.*交回秘书处/);
    expect(wrongKindMessage('expert', 'backupFile', 'b.ipcdesk-backup')).toMatch(/备份文件/);
    expect(wrongKindMessage('secretariat', 'yearArchive', '2026.zip')).toMatch(/校验档案文件/);
    expect(wrongKindMessage('expert', 'unknown', 'x.docx')).toMatch(/^无法打开“x\.docx”/);
  });
});
