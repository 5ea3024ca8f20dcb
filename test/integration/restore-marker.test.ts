import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDesk } from '../../electron/core/app.js';
import { RESTORE_MARKER } from '../../electron/core/backup-file/restore.js';
import { tempDir, testClock } from '../helpers/temp.js';

describe('an interrupted restore is reported when the folder is opened', () => {
  const t = tempDir();
  afterEach(() => t.cleanup());
  it('names the backup file and the before-restore snapshot', async () => {
    mkdirSync(t.dir, { recursive: true });
    writeFileSync(
      path.join(t.dir, RESTORE_MARKER),
      JSON.stringify({
        from: '/media/usb/备份.ipcdesk-backup',
        safetyBackup: 'before-restore-20261125-103000',
        startedAt: '2026-11-25T02:30:00.000Z',
      }),
    );
    const lines: string[] = [];
    const desk = await openDesk({ dataDir: t.dir, host: 'test', clock: testClock().now, log: (l) => lines.push(l) });
    await desk.close();
    expect(lines.join('\n')).toContain('程序中断');
    expect(lines.join('\n')).toContain('/media/usb/备份.ipcdesk-backup');
    expect(lines.join('\n')).toContain('before-restore-20261125-103000');
  });
  it('says nothing for a normal folder', async () => {
    const lines: string[] = [];
    const desk = await openDesk({ dataDir: path.join(t.dir, 'fresh'), host: 'test', clock: testClock().now, log: (l) => lines.push(l) });
    await desk.close();
    expect(lines.filter((l) => l.includes('程序中断'))).toEqual([]);
  });
});
