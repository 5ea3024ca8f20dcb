/** Bench rows: sealing a year (300 centers, 1 GB attachments) and verifying it. (Being built.) */
import type { Row } from './stats.js';

export async function archiveRows(): Promise<Row[]> {
  return [];
}
