/**
 * Migrations run in order on open, each taking the raw JSON parts of version N to N+1.
 * A snapshot is taken before the first one runs. Version 1 is the first schema: nothing to do yet.
 */
export type RawParts = Record<string, unknown>;
export interface Migration {
  from: number;
  to: number;
  describe: string;
  migrate(parts: RawParts): RawParts;
}

export const migrations: Migration[] = [];

/** The migrations that take a store from `from` to `to`, in order; throws when a step is missing. */
export function migrationPath(from: number, to: number, list: readonly Migration[] = migrations): Migration[] {
  const path: Migration[] = [];
  let v = from;
  while (v < to) {
    const step = list.find((m) => m.from === v);
    if (!step) throw new Error(`no migration from schema version ${v}`);
    path.push(step);
    v = step.to;
  }
  return path;
}
