import { z } from 'zod';

/** One API method: zod schemas for what goes in and what comes out. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Chinese summary, used in the audit log and `desk --list`. */
  summary: string;
  /** true when the method changes stored data (it is then audited). */
  writes: boolean;
}

export function method<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}

/** Empty input object: `{}` (extra keys refused). */
export const NoInput = z.object({}).strict();

/** Calendar date as YYYY-MM-DD (the only date form that crosses the API). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, '日期不存在');

/** ISO timestamp with time zone. */
export const IsoTime = z.string().datetime({ offset: true });
