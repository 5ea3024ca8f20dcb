/** Child process for the crash test: writes forever, printing each acknowledged write; killed with SIGKILL. */
import { writeSync } from 'node:fs';
import { Store } from '../../../electron/core/store/store.js';

const dataDir = process.argv[2]!;
const store = await Store.open(dataDir, { clock: () => new Date() });
writeSync(1, 'READY\n');
for (;;) {
  const n = await store.write(
    'counters',
    (d) => {
      const next = (d.counters.n ?? 0) + 1;
      d.counters.n = next;
      d.counters[`k${next % 50}`] = next;
      return next;
    },
    (next) => ({ method: 'crash.write', entity: 'counters', summary: `write ${next}` }),
  );
  writeSync(1, `ACK ${n}\n`);
}
