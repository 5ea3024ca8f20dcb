import { z } from 'zod';
import { Settings } from '../contract/settings.js';
import { Batch } from '../contract/batches.js';

/** The schema version this build of the app reads and writes. */
export const SCHEMA_VERSION = 1;

export const MetaPart = z.object({
  schemaVersion: z.number().int().positive(),
  createdAt: z.string(),
  /** Bureau date (YYYY-MM-DD) of the last daily snapshot. */
  lastDailyBackup: z.string().optional(),
});

export const SettingsPart = z.object({ settings: Settings });
export const BatchesPart = z.object({ batches: z.array(Batch) });
/** Numbering series: key -> last number issued (never reused). */
export const CountersPart = z.object({ counters: z.record(z.string(), z.number().int().nonnegative()) });

export const DEFAULT_SETTINGS: Settings = {
  bureauName: '福州市市场监督管理局',
  operatorName: '',
  docNumberPrefix: '榕市监知',
  certNumberPrefix: 'FZIPC',
};

/**
 * The store is split into small JSON parts so each write stringifies only what it touches.
 * Fixed parts are listed here; later areas add keyed parts (e.g. `batch-2026-1`, `centers-2026`).
 */
export const partSpecs = {
  meta: { schema: MetaPart, initial: (): z.infer<typeof MetaPart> => ({ schemaVersion: SCHEMA_VERSION, createdAt: new Date(0).toISOString() }) },
  settings: { schema: SettingsPart, initial: (): z.infer<typeof SettingsPart> => ({ settings: { ...DEFAULT_SETTINGS } }) },
  batches: { schema: BatchesPart, initial: (): z.infer<typeof BatchesPart> => ({ batches: [] }) },
  counters: { schema: CountersPart, initial: (): z.infer<typeof CountersPart> => ({ counters: {} }) },
} as const;

export type PartName = keyof typeof partSpecs;
export type PartData<P extends PartName> = z.infer<(typeof partSpecs)[P]['schema']>;
export const partNames = Object.keys(partSpecs) as PartName[];

export function partFileName(part: PartName): string {
  return `${part}.json`;
}
