import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, method, methodNames, NoInput } from '../../../electron/core/contract/index.js';
import { assertYearLocksDeclared, firstPrintYears } from '../../../electron/core/handlers/year-lock.js';

const KINDS = ['none', 'byInput', 'print', 'byPart'];
/** The contract as plain records (a read method's entry has no yearLock key at all). */
const specs: Record<string, { writes: boolean; yearLock?: string; years?: unknown }> = contract;

describe('年度封存 policy declared with each method', () => {
  it('every write method declares how the sealed year applies; no read method does', () => {
    const undeclared = methodNames.filter((m) => specs[m]!.writes && !KINDS.includes(String(specs[m]!.yearLock)));
    expect(undeclared).toEqual([]);
    const readsWithLock = methodNames.filter((m) => !specs[m]!.writes && specs[m]!.yearLock !== undefined);
    expect(readsWithLock).toEqual([]);
    for (const m of methodNames) if (specs[m]!.yearLock === 'byInput') expect(typeof specs[m]!.years, m).toBe('function');
  });

  it('has a first-print check for exactly the methods declared as numbered prints', () => {
    const prints = methodNames.filter((m) => specs[m]!.writes && specs[m]!.yearLock === 'print');
    expect(prints.length).toBeGreaterThan(0);
    expect(Object.keys(firstPrintYears).sort()).toEqual([...prints].sort());
  });

  it('the startup check passes for the contract and names a write method without a policy', () => {
    expect(() => assertYearLocksDeclared()).not.toThrow();
    const { yearLock: _dropped, ...undeclared } = contract['batches.update'];
    expect(() => assertYearLocksDeclared({ ...contract, 'batches.update': undeclared })).toThrow(
      /batches\.update writes but declares no yearLock/,
    );
    const noYears = { ...contract['summaries.save'], years: undefined };
    expect(() => assertYearLocksDeclared({ ...contract, 'summaries.save': noYears })).toThrow(
      /summaries\.save is locked by input but has no years/,
    );
    const { 'formalReview.notice': _check, ...prints } = firstPrintYears;
    expect(() => assertYearLocksDeclared(contract, prints)).toThrow(/formalReview\.notice prints but has no first-print check/);
    expect(() => assertYearLocksDeclared({ ...contract, 'batches.get': { ...contract['batches.get'], yearLock: 'none' } })).toThrow(
      /batches\.get reads but declares/,
    );
  });

  it('a write method without a policy does not type-check (tsc -p test/tsconfig.json)', () => {
    // @ts-expect-error writes: true needs a yearLock
    const spec = method({ input: NoInput, output: z.null(), writes: true, summary: '未声明封存规则的写方法' });
    expect(() => assertYearLocksDeclared({ 'probe.write': spec })).toThrow(/probe\.write writes but declares no yearLock/);
    // The declared years read the parsed input by its typed fields.
    const byYear = method({
      input: z.object({ year: z.number().int() }).strict(),
      output: z.null(),
      writes: true,
      yearLock: 'byInput',
      years: (i) => [i.year],
      summary: 'x',
    });
    expect(byYear.years({ year: 2026 })).toEqual([2026]);
  });
});
