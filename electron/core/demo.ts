import type { Store } from './store/store.js';
import type { Envelope } from './contract/index.js';

interface Invoker {
  invoke(name: string, raw: unknown): Promise<Envelope<unknown>>;
}

/** Fictional demo data (only into an empty data folder), entered through the API so it is validated and audited. */
export async function seedDemo(desk: Invoker, store: Store): Promise<boolean> {
  if (store.read('batches').batches.length > 0) return false;
  const steps: [string, unknown][] = [
    ['settings.update', { operatorName: '演示用户' }],
    ['batches.create', { year: 2025, title: '2025年第一批产业知识产权协同保护与运营中心申报', opensOn: '2025-04-01', closesOn: '2025-04-30' }],
    ['batches.create', { year: 2025, title: '2025年第二批产业知识产权协同保护与运营中心申报', opensOn: '2025-09-01', closesOn: '2025-09-30' }],
    ['batches.create', { year: 2026, title: '2026年第一批产业知识产权协同保护与运营中心申报', opensOn: '2026-03-02', closesOn: '2026-03-31' }],
    ['batches.create', { year: 2026, title: '2026年第二批产业知识产权协同保护与运营中心申报', opensOn: '2026-11-02', closesOn: '2026-12-15' }],
  ];
  for (const [name, input] of steps) {
    const result = await desk.invoke(name, input);
    if (!result.ok) throw new Error(`demo seed failed at ${name}: ${result.error.message}`);
  }
  for (const id of ['2025-1', '2025-2']) await desk.invoke('batches.update', { id, status: 'designated' });
  await desk.invoke('batches.update', { id: '2026-1', status: 'reviewing' });
  return true;
}
