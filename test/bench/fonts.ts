/**
 * Bench rows "fonts: …": a notice in every role's face (小标宋 title, 仿宋 body, 黑体 and 楷体 headings), from a
 * fresh process, so the first notice after start pays the font search and load as the app's does; then warm.
 * pdfkit embeds only the glyphs used, so the bigger bundled fonts cost load time, not PDF size or render time.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FontsProbe } from './fonts-child.js';
import type { Row } from './stats.js';

function probe(): Promise<FontsProbe> {
  const child = fileURLToPath(new URL('./fonts-child.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const p = fork(child, [], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    p.once('message', (m) => resolve(m as FontsProbe));
    p.once('error', reject);
    p.once('exit', (code) => (code ? reject(new Error(`bench child exited with ${code}`)) : undefined));
  });
}

export async function fontsRows(): Promise<Row[]> {
  const r = await probe();
  console.log(`fonts: ${r.faces.join('; ')}`);
  return [
    { measure: 'fonts: font search + load at start', result: r.searchAndLoadMs, unit: 'ms', baseline: 1000, baselineName: 'target' },
    {
      measure: 'fonts: first notice after start (fonts loaded)',
      result: r.firstNoticeMs,
      unit: 'ms',
      baseline: 1000,
      baselineName: 'target',
    },
    { measure: 'fonts: notice, warm', result: r.warmNoticeMs, unit: 'ms', baseline: 150, baselineName: 'target' },
  ];
}
