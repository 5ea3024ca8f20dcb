/** 申报批次一览表 (PDF and Excel): the batches of a year, or of all years. */
import { formatChineseDate } from '../../domain/batches.js';
import { bureauDate } from '../../domain/clock.js';
import { renderBatchRosterXlsx } from '../../documents/excel/batch-roster.js';
import { renderBatchListPdf } from '../../documents/pdf/batch-list.js';
import type { ServiceContext } from '../context.js';
import { listBatches } from '../records.js';
import type { GeneratedDocument } from './generated.js';

function rosterFileName(year: number | undefined, generatedOn: string, ext: 'pdf' | 'xlsx'): string {
  return `申报批次一览表${year ? `-${year}年` : ''}-${formatChineseDate(generatedOn)}.${ext}`;
}

export async function batchRosterXlsxDocument(ctx: ServiceContext, year?: number): Promise<GeneratedDocument> {
  const generatedOn = bureauDate(ctx.clock());
  const data = await renderBatchRosterXlsx({
    batches: listBatches(ctx, year),
    settings: ctx.store.read('settings').settings,
    generatedOn,
    ...(year ? { year } : {}),
  });
  return { fileName: rosterFileName(year, generatedOn, 'xlsx'), data };
}

export async function batchListPdfDocument(ctx: ServiceContext, year?: number): Promise<GeneratedDocument> {
  const generatedOn = bureauDate(ctx.clock());
  const data = await renderBatchListPdf({
    batches: listBatches(ctx, year),
    settings: ctx.store.read('settings').settings,
    generatedOn,
    ...(year ? { year } : {}),
  });
  return { fileName: rosterFileName(year, generatedOn, 'pdf'), data };
}
