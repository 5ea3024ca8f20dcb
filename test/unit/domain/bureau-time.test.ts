/**
 * Bureau time (UTC+8) whatever the machine's zone. `npm run test:tz` runs this file under TZ=UTC and
 * TZ=America/New_York (and the default run uses the machine's zone).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  bureauClock,
  bureauDate,
  bureauDateOf,
  bureauDateTimeText,
  bureauDateTimeTextOf,
  bureauStamp,
  bureauYear,
} from '../../../electron/core/domain/bureau-time.js';
import { bureauDate as clockBureauDate } from '../../../electron/core/domain/clock.js';
import { formatDateTime, formatTime, thisYear, toIsoDate, todayIso, todayPicker } from '../../../renderer/format.js';
import { Backups, stamp } from '../../../electron/core/store/backups.js';
import { corruptMessage } from '../../../electron/core/store/validate.js';
import { backupFileName } from '../../../electron/core/backup-file/manifest.js';
import { bureauTimeText } from '../../../electron/core/archive/manifest.js';
import { tempDir } from '../../helpers/temp.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

// 23:41 UTC on 24 Nov is 07:41 on 25 Nov in the bureau (and 18:41 on 24 Nov in New York).
const LATE_EVENING_UTC = '2026-11-24T23:41:05.000Z';
// 16:30 UTC on 31 Dec is 00:30 on 1 Jan in the bureau: a new bureau year while UTC and New York are still in the old one.
const NEW_YEAR_BUREAU = '2026-12-31T16:30:00.000Z';

describe('bureau time (UTC+8), whatever the machine zone', () => {
  it('reads calendar date, year and clock in UTC+8', () => {
    const at = new Date(LATE_EVENING_UTC);
    expect(bureauDate(at)).toBe('2026-11-25');
    expect(clockBureauDate(at)).toBe('2026-11-25');
    expect(bureauClock(at)).toBe('07:41');
    expect(bureauClock(at, true)).toBe('07:41:05');
    expect(bureauDateTimeText(at)).toBe('2026年11月25日 07:41');
    expect(bureauStamp(at)).toBe('20261125-074105');
    expect(bureauYear(new Date(NEW_YEAR_BUREAU))).toBe(2027);
    expect(bureauDate(new Date('2026-11-24T15:59:59.999Z'))).toBe('2026-11-24');
    expect(bureauDate(new Date('2026-11-24T16:00:00.000Z'))).toBe('2026-11-25');
  });

  it('reads stored timestamps, and leaves text that is not one alone', () => {
    expect(bureauDateOf(LATE_EVENING_UTC)).toBe('2026-11-25');
    expect(bureauDateTimeTextOf('2026-11-25T07:41:05+08:00')).toBe('2026年11月25日 07:41');
    expect(bureauDateTimeTextOf('not a time')).toBe('not a time');
  });

  it('the module imports nothing (the renderer bundles it)', () => {
    const source = readFileSync(path.join(root, 'electron/core/domain/bureau-time.ts'), 'utf8');
    expect(source).not.toMatch(/^\s*import\s/m);
  });
});

describe('renderer: times shown and "today" defaults are bureau time', () => {
  it('formats timestamps in UTC+8', () => {
    expect(formatDateTime(LATE_EVENING_UTC)).toBe('2026年11月25日 07:41');
    expect(formatDateTime('')).toBe('');
    expect(formatTime(new Date(LATE_EVENING_UTC))).toBe('07:41');
    expect(formatTime(LATE_EVENING_UTC, true)).toBe('07:41:05');
  });

  it("today and this year are the bureau's, and a picker holding today reads back as that date", () => {
    const eveningInNewYork = new Date('2026-11-24T20:00:00.000Z');
    expect(todayIso(eveningInNewYork)).toBe('2026-11-25');
    expect(toIsoDate(todayPicker(eveningInNewYork))).toBe('2026-11-25');
    expect(thisYear(new Date(NEW_YEAR_BUREAU))).toBe(2027);
    expect(toIsoDate(todayPicker(new Date(NEW_YEAR_BUREAU)))).toBe('2027-01-01');
  });
});

describe('core: file names, the verifier and messages use bureau time', () => {
  it('names snapshots and backup files with the bureau stamp', () => {
    expect(stamp(new Date(LATE_EVENING_UTC))).toBe('20261125-074105');
    expect(backupFileName(new Date(LATE_EVENING_UTC))).toBe('福州市产业知识产权中心数据备份-20261125-074105.ipcdesk-backup');
  });

  it('prints the archive seal time (说明.txt, the verifier) in bureau time', () => {
    expect(bureauTimeText(LATE_EVENING_UTC)).toBe('2026年11月25日 07:41');
  });

  it('names the newest good snapshot with its bureau date', async () => {
    const t = tempDir();
    try {
      const store = path.join(t.dir, 'store');
      mkdirSync(store, { recursive: true });
      writeFileSync(path.join(store, 'settings.json'), '{}');
      const backups = new Backups(path.join(t.dir, 'backups'), store);
      await backups.snapshot(`daily-${bureauDate(new Date(LATE_EVENING_UTC))}`, 'daily', new Date(LATE_EVENING_UTC));
      const message = await corruptMessage(path.join(store, 'experts.json'), '无法解析', backups);
      expect(message).toContain('（2026-11-25）');
    } finally {
      t.cleanup();
    }
  });
});
