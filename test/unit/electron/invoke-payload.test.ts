import { describe, expect, it } from 'vitest';
import { isForwardedEvent, validateInvokePayload } from '../../../electron/main/invoke-payload.js';
import { hostOptionsFrom, isInsideDir } from '../../../electron/main/host-options.js';
import path from 'node:path';

describe('validateInvokePayload', () => {
  it('accepts { name, input }', () => {
    expect(validateInvokePayload({ name: 'system.info', input: {} })).toEqual({
      ok: true,
      value: { name: 'system.info', input: {} },
    });
    expect(validateInvokePayload({ name: 'batches.list' })).toEqual({
      ok: true,
      value: { name: 'batches.list', input: undefined },
    });
  });

  it.each([
    ['null', null],
    ['a string', 'system.info'],
    ['an array', ['system.info', {}]],
    ['no name', { input: {} }],
    ['a number name', { name: 1, input: {} }],
    ['an empty name', { name: '', input: {} }],
    ['a very long name', { name: `a${'b'.repeat(200)}`, input: {} }],
    ['a prototype name', { name: '__proto__', input: {} }],
    ['a path-like name', { name: '../system.info', input: {} }],
    ['extra keys', { name: 'system.info', input: {}, sender: 'x' }],
  ])('refuses %s', (_label, raw) => {
    const r = validateInvokePayload(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_INPUT');
      expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});

describe('events and host options', () => {
  it('forwards only contract events', () => {
    expect(isForwardedEvent('progress')).toBe(true);
    expect(isForwardedEvent('desk:invoke')).toBe(false);
    expect(isForwardedEvent('constructor')).toBe(false);
  });

  it('reads data folder and demo from argv or env', () => {
    const none = { role: undefined, expert: false, files: [] };
    expect(hostOptionsFrom([], {})).toEqual({ dataDir: undefined, demo: false, ...none });
    expect(hostOptionsFrom([], { DESK_DATA_DIR: '/d', DESK_DEMO: '1' })).toEqual({ dataDir: '/d', demo: true, ...none });
    expect(hostOptionsFrom(['exe', '.', '--data', '/x', '--demo'], {})).toEqual({ dataDir: '/x', demo: true, ...none });
    expect(hostOptionsFrom(['exe', '.', '--expert'], {})).toMatchObject({ expert: true });
    expect(hostOptionsFrom([], { DESK_EXPERT: '1' })).toMatchObject({ expert: true });
    expect(hostOptionsFrom(['--data=/y'], { DESK_DATA_DIR: '/d' })).toEqual({ dataDir: '/y', demo: false, ...none });
    expect(hostOptionsFrom(['exe', '--role=expert'], {})).toMatchObject({ role: 'expert', expert: true });
    expect(hostOptionsFrom(['exe', '--role', 'secretariat'], { DESK_EXPERT: '1' })).toMatchObject({ role: 'secretariat', expert: false });
  });

  it('keeps opened paths inside the data folder', () => {
    const d = path.resolve('/tmp/desk-data');
    expect(isInsideDir('exports/a.pdf', d)).toBe(true);
    expect(isInsideDir(path.join(d, 'exports', 'a.xlsx'), d)).toBe(true);
    expect(isInsideDir('../etc/passwd', d)).toBe(false);
    expect(isInsideDir('/etc/passwd', d)).toBe(false);
    expect(isInsideDir(d, d)).toBe(false);
    expect(isInsideDir('/tmp/desk-data-other/x', d)).toBe(false);
  });
});
