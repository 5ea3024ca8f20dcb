/** 清除本机评审数据 also removes the remembered SM3 of the package's materials (<data>/digests, store/digests.ts). */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sweepExpertTraces } from '../../../electron/core/store/expert-traces.js';
import { dataDirs } from '../../../electron/core/store/store.js';
import { digestRecord } from '../../../electron/core/store/digests.js';
import { tempDir } from '../../helpers/temp.js';

const PACKAGE_SHA = 'ab'.repeat(32);
const OWN_SHA = 'cd'.repeat(32);
const SM3 = 'ef'.repeat(32);

describe('sweepExpertTraces and digests/', () => {
  let t: ReturnType<typeof tempDir>;
  const put = (folder: string, sha: string, text: string) => {
    const file = path.join(t.dir, folder, sha.slice(0, 2), sha);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  };
  let files: Record<'pkg' | 'pkgDigest' | 'own' | 'ownDigest', string>;
  beforeEach(() => {
    t = tempDir();
    for (const d of ['store', 'backups', 'exports']) mkdirSync(path.join(t.dir, d));
    files = {
      pkg: put('files', PACKAGE_SHA, '%PDF-1.4 材料'),
      pkgDigest: put('digests', PACKAGE_SHA, digestRecord(PACKAGE_SHA, SM3)),
      own: put('files', OWN_SHA, '%PDF-1.4 秘书处附件'),
      ownDigest: put('digests', OWN_SHA, digestRecord(OWN_SHA, SM3)),
    };
  });
  afterEach(() => t.cleanup());

  it('outside 专家模式 removes the package materials’ digests and keeps the others', async () => {
    const report = await sweepExpertTraces(dataDirs(t.dir), { fileShas: [PACKAGE_SHA], expertMode: false, keepExport: () => true });
    expect(report.failed).toEqual([]);
    expect(existsSync(files.pkg)).toBe(false);
    expect(existsSync(files.pkgDigest)).toBe(false);
    expect(existsSync(path.dirname(files.pkgDigest))).toBe(false);
    expect(existsSync(files.own)).toBe(true);
    expect(existsSync(files.ownDigest)).toBe(true);
  });

  it('in 专家模式 empties digests/ altogether', async () => {
    const report = await sweepExpertTraces(dataDirs(t.dir), { fileShas: [PACKAGE_SHA], expertMode: true, keepExport: () => true });
    expect(report.failed).toEqual([]);
    expect(existsSync(files.pkgDigest)).toBe(false);
    expect(existsSync(files.ownDigest)).toBe(false);
    expect(report.otherFiles).toContain(path.join('digests', OWN_SHA.slice(0, 2), OWN_SHA));
  });
});
