/**
 * The audit log's hash chain (pure: no I/O). Every entry carries its sequence number, the sha256 of the
 * entry before it (across the monthly files) and its own sha256, so an edited, deleted, inserted or
 * reordered line is found by walking the lines in order. The line of an entry is exactly
 * `<body JSON without "hash">` with `,"hash":"<sha256 of that body>"` added before the closing brace.
 */
import { createHash } from 'node:crypto';
import type { AuditEntry } from '../contract/system.js';

/** The `prev` of the first entry of a chain. */
export const GENESIS = '0'.repeat(64);

/** Where the chain ends: the last entry's sequence number and hash (0 and GENESIS for an empty log). */
export interface ChainHead {
  seq: number;
  hash: string;
}

export const EMPTY_HEAD: ChainHead = { seq: 0, hash: GENESIS };

export function sha256Hex(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/** An entry without its chain fields, as the store hands it to the log. */
export type UnchainedEntry = Omit<AuditEntry, 'seq' | 'prev' | 'hash'>;

/** Chain `entry` after `head`: the stored line (no newline) and the new head. */
export function chainLine(entry: UnchainedEntry, head: ChainHead): { line: string; entry: AuditEntry; head: ChainHead } {
  const body = { seq: head.seq + 1, prev: head.hash, ...entry };
  const bodyJson = JSON.stringify(body);
  const hash = sha256Hex(bodyJson);
  const line = `${bodyJson.slice(0, -1)},"hash":"${hash}"}`;
  return { line, entry: { ...body, hash } as AuditEntry, head: { seq: body.seq, hash } };
}

/** What one stored line is: a chained entry (with its hash checked), an older unchained entry, or not an entry. */
export type ParsedLine =
  | { kind: 'chained'; entry: AuditEntry & { seq: number; prev: string; hash: string }; hashOk: boolean }
  | { kind: 'legacy'; entry: AuditEntry }
  | { kind: 'unparsable' };

export function parseLine(line: string): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { kind: 'unparsable' };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { kind: 'unparsable' };
  const obj = value as Record<string, unknown>;
  if (typeof obj.hash !== 'string' || typeof obj.seq !== 'number' || typeof obj.prev !== 'string') {
    return typeof obj.at === 'string' && typeof obj.method === 'string'
      ? { kind: 'legacy', entry: obj as unknown as AuditEntry }
      : { kind: 'unparsable' };
  }
  const { hash, ...body } = obj;
  const hashOk = sha256Hex(JSON.stringify(body)) === hash && line === `${JSON.stringify(body).slice(0, -1)},"hash":"${hash}"}`;
  return { kind: 'chained', entry: obj as unknown as AuditEntry & { seq: number; prev: string; hash: string }, hashOk };
}

export type ChainProblemKind = 'edited' | 'deleted' | 'inserted' | 'reordered' | 'truncated';

export interface ChainProblem {
  kind: ChainProblemKind;
  /** Month file (e.g. 2026-11.jsonl) and 1-based line; for a missing tail, the last file and the line after its end. */
  file: string;
  line: number;
  message: string;
}

export interface ChainReport {
  ok: boolean;
  /** Chained entries checked. */
  entries: number;
  /** Entries written before the chain existed (older versions of the app): counted, not verifiable. */
  legacy: number;
  files: number;
  head: ChainHead;
  problem?: ChainProblem;
}

interface Located {
  file: string;
  line: number;
  parsed: ParsedLine;
}

const KIND_WORDS: Record<ChainProblemKind, string> = {
  edited: '被改动',
  deleted: '之前有记录被删除',
  inserted: '是被插入的记录',
  reordered: '顺序被调换',
  truncated: '之后的记录被删除',
};

function problem(kind: ChainProblemKind, at: { file: string; line: number }, detail: string): ChainProblem {
  return { kind, file: at.file, line: at.line, message: `操作日志 ${at.file} 第${at.line}行${KIND_WORDS[kind]}：${detail}` };
}

/**
 * Walk every line of every month file in order and name the first edited, deleted, inserted or
 * reordered entry. `expectedHead` (from the store's part manifest) catches entries cut from the end.
 * A torn or empty last line is not expected here: the store repairs it on open.
 */
export function verifyChain(files: readonly { name: string; lines: readonly string[] }[], expectedHead?: ChainHead): ChainReport {
  const all: Located[] = [];
  for (const f of files)
    f.lines.forEach((text, i) => {
      if (text !== '') all.push({ file: f.name, line: i + 1, parsed: parseLine(text) });
    });
  let head: ChainHead = EMPTY_HEAD;
  let chained = 0;
  let legacy = 0;
  const seen = new Map<number, { file: string; line: number; hash: string }>();
  const report = (p?: ChainProblem): ChainReport => ({
    ok: !p,
    entries: chained,
    legacy,
    files: files.length,
    head,
    ...(p ? { problem: p } : {}),
  });

  for (let i = 0; i < all.length; i++) {
    const cur = all[i]!;
    const p = cur.parsed;
    if (p.kind === 'unparsable') return report(problem('edited', cur, '这一行不是完整的日志记录（无法解析）。'));
    if (p.kind === 'legacy') {
      if (chained > 0) return report(problem('inserted', cur, '这一行没有校验值，而它之前的记录都有。'));
      legacy++;
      continue;
    }
    const e = p.entry;
    if (!p.hashOk) return report(problem('edited', cur, `第${e.seq}条记录的内容与它的校验值不符。`));
    const expected = head.seq + 1;
    if (e.seq > expected) {
      const later = all.slice(i + 1).find((x) => x.parsed.kind === 'chained' && x.parsed.entry.seq === expected);
      if (later)
        return report(
          problem('reordered', cur, `此处应为第${expected}条记录，却是第${e.seq}条；第${expected}条在 ${later.file} 第${later.line}行。`),
        );
      return report(
        problem(
          'deleted',
          cur,
          `此处应为第${expected}条记录，却是第${e.seq}条：第${expected}${e.seq - 1 > expected ? `–${e.seq - 1}` : ''}条记录缺失。`,
        ),
      );
    }
    if (e.seq < expected) {
      const earlier = seen.get(e.seq);
      if (!earlier) return report(problem('reordered', cur, `此处应为第${expected}条记录，却是第${e.seq}条。`));
      // Two lines say they are entry n: the genuine one is the one entry n+1 chains to.
      const next = all.slice(i + 1).find((x) => x.parsed.kind === 'chained' && x.parsed.entry.seq === e.seq + 1);
      const nextPrev = next?.parsed.kind === 'chained' ? next.parsed.entry.prev : undefined;
      if (nextPrev === e.hash && earlier.hash !== e.hash)
        return report(
          problem(
            'inserted',
            earlier,
            `第${e.seq}条记录出现两次，其后的记录接在 ${cur.file} 第${cur.line}行那一条之后，这一行不属于日志。`,
          ),
        );
      return report(problem('inserted', cur, `第${e.seq}条记录重复出现。`));
    }
    if (e.prev !== head.hash) {
      // The line before was changed (its hash recomputed) or put in: if this entry chains to the one
      // before that, the previous line was inserted; otherwise the previous line was edited.
      const prevLoc = all[i - 1];
      const before = i >= 2 ? all[i - 2] : undefined;
      const beforeHash = before?.parsed.kind === 'chained' ? before.parsed.entry.hash : GENESIS;
      if (prevLoc && e.prev === beforeHash)
        return report(problem('inserted', prevLoc, `第${e.seq}条记录接在它前面那条记录之后，这一行不属于日志。`));
      return report(problem('edited', prevLoc ?? cur, `第${e.seq}条记录所存的前一条校验值与实际不符。`));
    }
    head = { seq: e.seq, hash: e.hash };
    seen.set(e.seq, { file: cur.file, line: cur.line, hash: e.hash });
    chained++;
  }
  if (expectedHead && expectedHead.seq > 0) {
    const last = all.at(-1);
    const at = last ? { file: last.file, line: last.line + 1 } : { file: files.at(-1)?.name ?? '（无日志文件）', line: 1 };
    if (head.seq < expectedHead.seq)
      return report(
        problem(
          'truncated',
          at,
          `数据清单记录日志应有${expectedHead.seq}条记录，实际只有${head.seq}条：第${head.seq + 1}–${expectedHead.seq}条缺失。`,
        ),
      );
    if (head.seq === expectedHead.seq && head.hash !== expectedHead.hash) {
      return report(problem('edited', last ?? at, `最后一条记录与数据清单记录的校验值不符。`));
    }
  }
  return report();
}

/** The verifier's answer in one Chinese sentence. */
export function describeChainReport(r: ChainReport): string {
  if (r.problem) return `${r.problem.message}（此前的${r.entries}条记录完好）`;
  const legacy = r.legacy > 0 ? `；另有${r.legacy}条旧版本程序写下的记录没有校验值，无法校验` : '';
  return `操作日志完整：${r.files}个月份文件共${r.entries}条记录，逐条校验无改动、删除、插入或调换${legacy}。`;
}
