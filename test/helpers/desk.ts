import { afterEach, beforeEach } from 'vitest';
import { openDesk, type Desk } from '../../electron/core/app.js';
import { tempDir, testClock } from './temp.js';

/**
 * A fresh desk on a real temp data folder for each test of the calling `describe`, its clock set to `iso`
 * before every test; closed and removed after. Read `env.desk` and `env.dir` inside the tests.
 */
export function deskPerTest(iso: string): { readonly desk: Desk; readonly dir: string; clock: ReturnType<typeof testClock> } {
  const clock = testClock(iso);
  let t: ReturnType<typeof tempDir> | undefined;
  let desk: Desk | undefined;
  beforeEach(async () => {
    t = tempDir();
    clock.set(iso);
    desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now, log: () => undefined });
  });
  afterEach(async () => {
    await desk?.close();
    t?.cleanup();
  });
  return {
    clock,
    get desk() {
      return desk!;
    },
    get dir() {
      return t!.dir;
    },
  };
}
