import { DEFAULT_HOLIDAY_TABLES } from '../domain/holidays-data.js';
import { buildCalendar, type WorkingCalendar } from '../domain/working-days.js';
import type { ServiceContext } from './context.js';

/**
 * The working-day calendar in force: the shipped holiday tables, each replaced (or a year added) by the
 * bureau's edited table in 设置 → 节假日安排 (`settings.holidayTables`). Rebuilt when the settings change.
 */
let cached: { overrides: unknown; calendar: WorkingCalendar } | undefined;
export function workingCalendar(ctx: ServiceContext): WorkingCalendar {
  const overrides = ctx.store.read('settings').settings.holidayTables ?? [];
  if (cached?.overrides !== overrides) cached = { overrides, calendar: buildCalendar(DEFAULT_HOLIDAY_TABLES, overrides) };
  return cached.calendar;
}
