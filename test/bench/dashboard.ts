/** Dashboard bench rows: 首页 figures over the synthetic folder (10 batches, 50,000 score sheets, 300 centers × 5 years). */
import { openDesk } from '../../electron/core/app.js';
import { median, timeIt, type Row } from './stats.js';

export async function dashboardRows(dataDir: string): Promise<Row[]> {
  const desk = await openDesk({ dataDir, host: 'cli', log: () => undefined });
  try {
    const call = async (): Promise<void> => {
      const r = await desk.invoke('stats.dashboard', {});
      if (!r.ok) throw new Error(`bench call failed: ${r.error.message}`);
    };
    const first = await timeIt(call);
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) warm.push(await timeIt(call));
    return [
      {
        measure: 'stats.dashboard, first call (loads every batch, score and centers part)',
        result: first,
        unit: 'ms',
        baseline: 3000,
        baselineName: 'responsive',
      },
      { measure: 'stats.dashboard, warm', result: median(warm), unit: 'ms', baseline: 500, baselineName: 'responsive' },
    ];
  } finally {
    await desk.close();
  }
}
