/** One import in a process of its own (see excel-import.ts): stage the file, import it, report time, peak RSS growth and the refusal. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDesk } from '../../electron/core/app.js';
import { stageUploadFromFile } from '../../electron/core/store/uploads.js';
import type { ImportProbe } from './excel-import.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'desk-bench-xlsx-desk-'));
const desk = await openDesk({ dataDir: dir, host: 'cli', log: () => undefined });
try {
  const batch = await desk.invoke('batches.create', { year: 2026, title: '2026年第一批', opensOn: '2026-03-01', closesOn: '2026-03-31' });
  if (!batch.ok) throw new Error(JSON.stringify(batch));
  const batchId = (batch.value as { id: string }).id;
  const before = process.memoryUsage().rss;
  const t0 = performance.now();
  const { uploadId } = await stageUploadFromFile(desk.dataDir, process.argv[2]!);
  const r = await desk.invoke('applications.importTemplate', { batchId, uploadId, dryRun: false, windowOverrideReason: '性能测试' });
  const ms = performance.now() - t0;
  const peak = process.resourceUsage().maxRSS * 1024;
  const report = r.ok ? (r.value as { applied: number; errors: { message: string }[] }) : null;
  const result: ImportProbe = {
    ms,
    rssGrowthBytes: Math.max(0, peak - before),
    refused: !r.ok || (report!.applied === 0 && report!.errors.length > 0),
    message: r.ok ? (report!.errors[0]?.message ?? `applied ${report!.applied}`) : r.error.message,
  };
  process.send!(result);
} finally {
  await desk.close();
  rmSync(dir, { recursive: true, force: true });
}
