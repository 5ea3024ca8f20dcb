/**
 * The type-aware promise rules are on: a floating promise and a promise handed to a void callback fail lint,
 * and the `void` / awaited forms pass. The probe is written for the moment to a path the test tsconfig holds (the
 * type information comes from the TypeScript project service, which reads the file from disk).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const eslint = new ESLint({ cwd: root });

async function rulesHit(code: string): Promise<(string | null)[]> {
  const file = path.join(root, 'test', 'unit', 'lint', `promise-probe-${process.pid}-${Math.random().toString(36).slice(2)}.ts`);
  await fs.writeFile(file, code);
  try {
    const [result] = await eslint.lintFiles([file]);
    return result!.messages.map((m) => m.ruleId);
  } finally {
    await fs.rm(file, { force: true });
  }
}

const prelude = 'async function save(): Promise<void> {}\nexport function on(cb: () => void): void { cb(); }\n';

describe('type-aware promise rules', () => {
  it('a floating promise fails', async () => {
    expect(await rulesHit(`${prelude}export function go(): void { save(); }\n`)).toContain('@typescript-eslint/no-floating-promises');
  }, 60_000);

  it('a promise-returning function where a void callback is expected fails', async () => {
    expect(await rulesHit(`${prelude}on(save);\n`)).toContain('@typescript-eslint/no-misused-promises');
  }, 60_000);

  it('void and awaited promises pass', async () => {
    expect(await rulesHit(`${prelude}on(() => void save());\nexport async function go(): Promise<void> { await save(); }\n`)).toEqual([]);
  }, 60_000);
});
