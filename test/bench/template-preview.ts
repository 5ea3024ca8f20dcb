/**
 * 文书模板 live preview round trip: POST /rpc/templates.preview to the loopback web host (the renderer's path),
 * with the draft text of the longest default template (认定通知, its list attachment and 版记), the PDF
 * rendered and sent back as base64, the answer parsed. Warm (fonts loaded). Target: < 1 s per keystroke pause.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDesk } from '../../electron/core/app.js';
import { startWebHost } from '../../electron/core/rpc/web-host.js';
import { DEFAULT_TEMPLATES } from '../../electron/core/domain/templates.js';
import { median, timeIt, type Row } from './stats.js';

export async function templatePreviewRows(): Promise<Row[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-preview-'));
  const rendererDir = path.join(dir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>bench</title>');
  const desk = await openDesk({ dataDir: path.join(dir, 'data'), host: 'web', log: () => undefined });
  const host = await startWebHost({ desk, rendererDir });
  try {
    // Sign in once (the token is exchanged for a cookie), as the renderer does.
    const first = await fetch(host.url, { redirect: 'manual' });
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0]!;
    const parts = DEFAULT_TEMPLATES.designationNotice;
    let n = 0;
    const roundTrip = async (): Promise<void> => {
      // Each call a new draft, as while typing.
      const body = JSON.stringify({ id: 'designationNotice', parts: { ...parts, body: `${parts.body!}\n第${++n}次修改。` } });
      const res = await fetch(`${host.origin}/rpc/templates.preview`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: host.origin },
        body,
      });
      const env = (await res.json()) as { ok: boolean; value?: { pdfBase64: string }; error?: { message: string } };
      if (!env.ok || !env.value?.pdfBase64) throw new Error(`preview failed: ${env.error?.message ?? res.status}`);
    };
    await roundTrip(); // warm
    const runs: number[] = [];
    for (let i = 0; i < 7; i++) runs.push(await timeIt(roundTrip));
    return [
      {
        measure: 'template live preview round trip (认定通知, web host), warm',
        result: median(runs),
        unit: 'ms',
        baseline: 1000,
        baselineName: 'target',
      },
    ];
  } finally {
    await host.close();
    await desk.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
