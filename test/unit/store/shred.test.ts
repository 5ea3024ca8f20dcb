import { promises as fs, existsSync, linkSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shredFile, shredTree } from '../../../electron/core/store/shred.js';
import { Store } from '../../../electron/core/store/store.js';
import { tempDir, testClock } from '../../helpers/temp.js';

const SECRET = '评语：福州某某科技有限公司 方案可行 81.5';

describe('shred (overwrite before unlink)', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir()));
  afterEach(() => t.cleanup());

  it('overwrites the content with zeros before the name goes (seen through a descriptor still open on it)', async () => {
    const file = path.join(t.dir, 'draft.json');
    writeFileSync(file, SECRET.repeat(50_000)); // > 1 MB: more than one chunk
    const size = Buffer.byteLength(SECRET) * 50_000;
    const held = await fs.open(file, 'r');
    try {
      expect(await shredFile(file)).toBe(true);
      expect(existsSync(file)).toBe(false);
      const { buffer, bytesRead } = await held.read(Buffer.alloc(size), 0, size, 0);
      expect(bytesRead).toBe(size);
      expect(buffer.every((b) => b === 0)).toBe(true);
    } finally {
      await held.close();
    }
    expect(await shredFile(file)).toBe(false); // already gone
  });

  it('never overwrites through another name: a hard link or a symbolic link keeps its target intact', async () => {
    const live = path.join(t.dir, 'part.json');
    writeFileSync(live, SECRET);
    linkSync(live, `${live}.bak`);
    await shredFile(`${live}.bak`);
    expect(existsSync(`${live}.bak`)).toBe(false);
    expect(readFileSync(live, 'utf8')).toBe(SECRET);
    symlinkSync(live, path.join(t.dir, 'link'));
    await shredFile(path.join(t.dir, 'link'));
    expect(readFileSync(live, 'utf8')).toBe(SECRET);
  });

  it('shredTree removes every file but the kept ones and the folders left empty', async () => {
    const root = path.join(t.dir, 'exports');
    mkdirSync(path.join(root, 'sub', 'deeper'), { recursive: true });
    writeFileSync(path.join(root, 'result.ipcdres'), 'kept');
    writeFileSync(path.join(root, '.result.ipcdres.1.tmp'), SECRET);
    writeFileSync(path.join(root, 'sub', 'deeper', 'copy.pdf'), SECRET);
    const r = await shredTree(root, (f) => f === 'result.ipcdres');
    expect(r.removed.sort()).toEqual(['.result.ipcdres.1.tmp', path.join('sub', 'deeper', 'copy.pdf')]);
    expect(r.failed).toEqual([]);
    expect(await fs.readdir(root)).toEqual(['result.ipcdres']);
    expect(await shredTree(path.join(t.dir, 'missing'))).toEqual({ removed: [], failed: [] });
  });
});

describe('Store option dailySnapshots: false (专家模式)', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir()));
  afterEach(() => t.cleanup());

  it('takes no snapshot on the first write of a day; the default still does', async () => {
    const clock = testClock();
    const audit = () => ({ method: 'test.write', entity: 'settings', summary: '改名' });
    const off = await Store.open(path.join(t.dir, 'expert'), { clock: clock.now, dailySnapshots: false });
    const on = await Store.open(path.join(t.dir, 'desk'), { clock: clock.now });
    for (const s of [off, on]) {
      await s.write(
        'settings',
        (d) => {
          d.settings.operatorName = '甲';
        },
        audit,
      );
      clock.advance(24 * 3600_000);
      await s.write(
        'settings',
        (d) => {
          d.settings.operatorName = '乙';
        },
        audit,
      );
    }
    expect(await off.backups.list()).toEqual([]);
    expect((await on.backups.list()).map((b) => b.kind)).toEqual(['daily', 'daily']);
    await off.close();
    await on.close();
  });
});
