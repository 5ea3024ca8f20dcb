import type { Desk } from '../../electron/core/app.js';
import { usccCheckChar } from '../../electron/core/domain/uscc.js';

export async function ok<T>(p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.value as T;
}

export async function fail(p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<{ code: string; message: string }> {
  const r = await p;
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r).slice(0, 300)}`);
  return r.error as { code: string; message: string };
}

/** A valid enterprise USCC (91 + Fuzhou region + body from n + check character). */
export function makeUscc(n: number): string {
  const first17 = `91350100MA${String(n).padStart(7, '0')}`;
  return first17 + usccCheckChar(first17);
}

export function fullApplicant(name: string, n: number) {
  return {
    name,
    uscc: makeUscc(n),
    unitType: 'enterprise' as const,
    legalRepresentative: '林某',
    contact: '陈某',
    phone: '13800000000',
    address: '福州市鼓楼区某路1号',
    district: '鼓楼区',
    industry: '软件信息',
  };
}

export async function seedBatches(desk: Desk): Promise<void> {
  await ok(desk.invoke('batches.create', { year: 2025, title: '2025年第一批', opensOn: '2025-04-01', closesOn: '2025-04-30' }));
  await ok(desk.invoke('batches.create', { year: 2026, title: '2026年第一批', opensOn: '2026-03-01', closesOn: '2026-03-31' }));
}
