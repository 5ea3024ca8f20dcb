/** 申报汇总表 (Excel): the applications a list filter selects, of one batch or of all. */
import type { ListFilters } from '../../contract/applications/methods.js';
import { APPLICATION_STATUS_LABELS } from '../../domain/application-status.js';
import { queryRows } from '../../domain/application-query.js';
import { formatChineseDate } from '../../domain/batches.js';
import { bureauDate } from '../../domain/clock.js';
import { ROUTE_LABELS } from '../../domain/lists.js';
import { renderApplicationRosterXlsx } from '../../documents/excel/application-roster.js';
import type { ServiceContext } from '../context.js';
import { allApplications, batchLabel, findBatch } from '../records.js';
import type { GeneratedDocument } from './generated.js';

function filterText(f: Partial<ListFilters>): string {
  const parts: string[] = [];
  if (f.status?.length) parts.push(`状态：${f.status.map((s) => APPLICATION_STATUS_LABELS[s]).join('、')}`);
  if (f.district?.length) parts.push(`县（市）区：${f.district.join('、')}`);
  if (f.industry?.length) parts.push(`产业：${f.industry.join('、')}`);
  if (f.route) parts.push(`申报方式：${ROUTE_LABELS[f.route]}`);
  if (f.search) parts.push(`搜索：${f.search}`);
  return parts.join('；');
}

/** The roster of the applications `filters` selects (sorted as the list is). */
export async function applicationRosterDocument(ctx: ServiceContext, filters: Partial<ListFilters>): Promise<GeneratedDocument> {
  const apps = await allApplications(ctx, filters.batchId);
  const byId = new Map(apps.map((a) => [a.id, a]));
  const listed = queryRows(apps, filters).map((row) => byId.get(row.id)!);
  const generatedOn = bureauDate(ctx.clock());
  const scope = filters.batchId ? batchLabel(findBatch(ctx, filters.batchId)) : '';
  const data = await renderApplicationRosterXlsx({
    applications: listed,
    settings: ctx.store.read('settings').settings,
    scope,
    filterText: filterText(filters),
    generatedOn,
  });
  return { fileName: `申报汇总表${scope ? `-${scope}` : ''}-${formatChineseDate(generatedOn)}.xlsx`, data };
}
