import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../../electron/core/store/store.js';
import { recoveryOffer, restoreSnapshotOffline } from '../../../electron/core/recovery.js';
import { DeskError } from '../../../electron/core/contract/errors.js';
import { tempDir, testClock } from '../../helpers/temp.js';

describe('recovery offer when the store refuses to open', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir()));
  afterEach(() => t.cleanup());

  it('offers the newest good snapshot for a missing part, with quit as the default, and the restore opens the folder again', async () => {
    const clock = testClock('2026-11-24T02:00:00.000Z');
    const store = await Store.open(t.dir, { clock: clock.now });
    await store.write(
      'settings',
      (d) => {
        d.settings.operatorName = '王五';
      },
      () => ({ method: 't', entity: 'x', summary: 'day 1' }),
    );
    clock.advance(86_400_000);
    await store.write(
      'settings',
      (d) => {
        d.settings.operatorName = '赵六';
      },
      () => ({ method: 't', entity: 'x', summary: 'day 2' }),
    );
    await store.close();
    rmSync(path.join(t.dir, 'store', 'settings.json'));
    const err = await Store.open(t.dir, { clock: clock.now }).catch((e: unknown) => e);
    const offer = recoveryOffer(err);
    expect(offer).toMatchObject({ backup: 'daily-2026-11-25', title: '数据文件损坏' });
    expect(offer!.message).toContain('settings.json');
    expect(offer!.buttons[0]).toBe('退出');
    expect(offer!.detail).toContain('该快照之后的修改会丢失');
    await restoreSnapshotOffline(t.dir, offer!.backup, clock.now);
    const reopened = await Store.open(t.dir, { clock: clock.now });
    expect(reopened.read('settings').settings.operatorName).toBe('王五');
    await reopened.close();
  });

  it('offers nothing for other errors', () => {
    expect(recoveryOffer(new DeskError('STORE_TOO_NEW', 'x'))).toBeNull();
    expect(recoveryOffer(new DeskError('STORE_CORRUPT', 'x'))).toBeNull();
    expect(recoveryOffer(new Error('x'))).toBeNull();
  });
});
