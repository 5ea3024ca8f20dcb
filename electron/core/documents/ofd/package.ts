/**
 * The OFD container (GB/T 33190-2016 §7.2): a ZIP of the parts, OFD.xml first, written with yazl. Entries
 * carry the document's date so the same document gives the same bytes.
 */
import yazl from 'yazl';

export interface PackageEntry {
  path: string;
  data: Buffer | string;
}

export function zipPackage(entries: readonly PackageEntry[], mtime: Date): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const e of entries) {
    zip.addBuffer(typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : e.data, e.path, { mtime, compress: true });
  }
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise<Buffer>((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}
