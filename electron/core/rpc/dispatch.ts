import { contract, isMethodName, type Envelope } from '../contract/index.js';
import type { HandlerContext, HandlerTable } from '../handlers/types.js';
import { invalidInput, toApiError } from './errors.js';
import { assertPrintable } from './printable.js';

/**
 * The one entry point every host uses: look the method up (own properties only), validate the input
 * (then check that its printed free text can be printed), call the handler, and always resolve to an envelope — never throw.
 */
export async function dispatch(table: HandlerTable, name: string, raw: unknown, ctx: HandlerContext): Promise<Envelope<unknown>> {
  if (typeof name !== 'string' || !isMethodName(name) || !Object.prototype.hasOwnProperty.call(table, name)) {
    return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `没有名为“${String(name).slice(0, 60)}”的功能。` } };
  }
  const spec = contract[name];
  const parsed = spec.input.safeParse(raw === undefined || raw === null ? {} : raw);
  if (!parsed.success) return { ok: false, error: invalidInput(parsed.error.issues) };
  try {
    // Free text no font can print is refused here, before anything is stored or numbered.
    assertPrintable(spec.input, parsed.data);
    const handler = table[name] as (input: unknown, ctx: HandlerContext) => unknown;
    const value = await handler(parsed.data, ctx);
    return { ok: true, value: spec.output.parse(value) };
  } catch (err) {
    const error = toApiError(err);
    if (error.code === 'INTERNAL') ctx.log?.(`[${name}] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return { ok: false, error };
  }
}
