import { describe, expect, it } from 'vitest';
import { chainLine, EMPTY_HEAD, verifyChain, describeChainReport, type ChainHead } from '../../../electron/core/store/audit-chain.js';

/** n chained lines split over month files as `split` says (e.g. [3, 2]: 3 lines in 2026-10, 2 in 2026-11). */
function makeLog(split: number[]): { files: { name: string; lines: string[] }[]; head: ChainHead } {
  let head = EMPTY_HEAD;
  const files = split.map((count, f) => {
    const lines: string[] = [];
    for (let i = 0; i < count; i++) {
      const c = chainLine(
        {
          at: `2026-1${f}-0${i + 1}T02:00:00.000Z`,
          operator: '张三',
          osUser: 'clerk',
          machine: 'PC-1',
          method: 'test.write',
          entity: 'x',
          summary: `第${head.seq + 1}次`,
        },
        head,
      );
      lines.push(c.line);
      head = c.head;
    }
    return { name: `2026-1${f}.jsonl`, lines };
  });
  return { files, head };
}

const clone = (files: { name: string; lines: string[] }[]) => files.map((f) => ({ name: f.name, lines: [...f.lines] }));

describe('audit chain', () => {
  it('verifies an untouched chain across month files and against the manifest head', () => {
    const { files, head } = makeLog([3, 4]);
    const r = verifyChain(files, head);
    expect(r).toMatchObject({ ok: true, entries: 7, legacy: 0, files: 2, head });
    expect(describeChainReport(r)).toContain('共7条记录');
  });

  it('names an edited line (content changed, hash left)', () => {
    const { files, head } = makeLog([3, 4]);
    const bad = clone(files);
    bad[1]!.lines[1] = bad[1]!.lines[1]!.replace('第5次', '第9次');
    expect(verifyChain(bad, head).problem).toMatchObject({ kind: 'edited', file: '2026-11.jsonl', line: 2 });
  });

  it('names an edited line whose hash was recomputed (the next entry no longer chains to it)', () => {
    const { files, head } = makeLog([5]);
    const bad = clone(files);
    const e = JSON.parse(bad[0]!.lines[2]!) as { at: string; operator: string; method: string; entity: string };
    const forged = chainLine(
      { at: e.at, operator: e.operator, method: e.method, entity: e.entity, summary: '被改过' },
      { seq: 2, hash: (JSON.parse(bad[0]!.lines[1]!) as { hash: string }).hash },
    );
    bad[0]!.lines[2] = forged.line;
    const r = verifyChain(bad, head);
    expect(r.problem).toMatchObject({ kind: 'edited', file: '2026-10.jsonl', line: 3 });
    expect(r.entries).toBe(3);
  });

  it('names a deleted line, a whole deleted month file and entries cut from the end', () => {
    const { files, head } = makeLog([3, 4]);
    const a = clone(files);
    a[0]!.lines.splice(1, 1);
    expect(verifyChain(a, head).problem).toMatchObject({ kind: 'deleted', file: '2026-10.jsonl', line: 2 });
    expect(verifyChain(a, head).problem!.message).toContain('第2条记录缺失');
    const b = clone(files).slice(1);
    expect(verifyChain(b, head).problem).toMatchObject({ kind: 'deleted', file: '2026-11.jsonl', line: 1 });
    const c = clone(files);
    c[1]!.lines.splice(2);
    expect(verifyChain(c, head).problem).toMatchObject({ kind: 'truncated', file: '2026-11.jsonl', line: 3 });
    // without the manifest's head a cut tail cannot be seen: the report says only what it can
    expect(verifyChain(c).ok).toBe(true);
  });

  it('names an inserted line: a copied entry, a forged one, and an unchained one', () => {
    const { files, head } = makeLog([4]);
    const dup = clone(files);
    dup[0]!.lines.splice(2, 0, dup[0]!.lines[0]!);
    expect(verifyChain(dup, head).problem).toMatchObject({ kind: 'inserted', line: 3 });
    // a forged entry chained after entry 2 and given number 3: the real entry 3 then no longer chains
    const forged = clone(files);
    const e2 = JSON.parse(forged[0]!.lines[1]!) as { hash: string };
    forged[0]!.lines.splice(
      2,
      0,
      chainLine({ at: '2026-10-09T00:00:00.000Z', operator: 'x', method: 'm', entity: 'e', summary: '伪造' }, { seq: 2, hash: e2.hash })
        .line,
    );
    expect(verifyChain(forged, head).problem).toMatchObject({ kind: 'inserted', line: 3 });
    const plain = clone(files);
    plain[0]!.lines.splice(
      1,
      0,
      JSON.stringify({ at: '2026-10-01T00:00:00.000Z', operator: 'x', method: 'm', entity: 'e', summary: '无校验' }),
    );
    expect(verifyChain(plain, head).problem).toMatchObject({ kind: 'inserted', line: 2 });
  });

  it('names reordered lines', () => {
    const { files, head } = makeLog([5]);
    const r = clone(files);
    [r[0]!.lines[1], r[0]!.lines[2]] = [r[0]!.lines[2]!, r[0]!.lines[1]!];
    expect(verifyChain(r, head).problem).toMatchObject({ kind: 'reordered', line: 2 });
  });

  it('names an unparsable line and accepts entries of older versions only before the chain', () => {
    const { files, head } = makeLog([3]);
    const broken = clone(files);
    broken[0]!.lines[1] = broken[0]!.lines[1]!.slice(0, 30);
    expect(verifyChain(broken, head).problem).toMatchObject({ kind: 'edited', line: 2 });
    const legacy = [
      {
        name: '2026-09.jsonl',
        lines: [JSON.stringify({ at: '2026-09-01T00:00:00.000Z', operator: '', method: 'm', entity: 'e', summary: '旧' })],
      },
      ...clone(files),
    ];
    const r = verifyChain(legacy, head);
    expect(r).toMatchObject({ ok: true, legacy: 1, entries: 3 });
    expect(describeChainReport(r)).toContain('1条旧版本程序写下的记录');
  });
});
