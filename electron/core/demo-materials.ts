/**
 * Demo material files: one short PDF per checklist item, marked as fictional, so the demo's accepted
 * applications carry their materials like real ones (stored once: attachments are kept by sha256).
 */
import type { Caller } from './demo.js';
import { MATERIAL_ITEMS } from './domain/materials.js';
import { loadFontSet } from './documents/fonts/registry.js';
import { GbDocument } from './documents/pdf/document.js';

async function renderDemoMaterial(title: string): Promise<Buffer> {
  const g = new GbDocument({
    fonts: loadFontSet(),
    title,
    author: '演示数据',
    creationDate: new Date('2026-01-01T00:00:00Z'),
    pageNumbers: false,
  });
  g.title(title);
  g.blank();
  g.paragraph('本文件为“产业知识产权中心认定工作台”演示数据中的虚构申报材料，仅用于熟悉操作，不代表任何真实单位。');
  g.paragraph('正式申报时，请上传加盖公章的原件扫描件或电子文件。');
  return g.finish();
}

/** Attaches demo material files to items `itemNos` of an application (a draft or one sent back for 补正). */
export class DemoMaterials {
  private readonly pdfs = new Map<number, Promise<Buffer>>();

  constructor(private readonly desk: Caller) {}

  private pdf(no: number): Promise<Buffer> {
    let p = this.pdfs.get(no);
    if (!p) {
      const spec = MATERIAL_ITEMS.find((m) => m.no === no);
      p = renderDemoMaterial(`${spec?.title ?? `第${no}项材料`}（演示）`);
      this.pdfs.set(no, p);
    }
    return p;
  }

  async attach(applicationId: string, itemNos: readonly number[]): Promise<void> {
    for (const no of itemNos) {
      const title = MATERIAL_ITEMS.find((m) => m.no === no)?.title ?? `第${no}项材料`;
      const name = `${no}-${title}.pdf`;
      const { uploadId } = await this.desk.call('files.stage', { name, data: new Uint8Array(await this.pdf(no)) }).catch((err: unknown) => {
        throw new Error(`demo seed failed at files.stage: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      });
      await this.desk.call('applications.attachFile', { applicationId, itemNo: no, uploadId, fileName: name }).catch((err: unknown) => {
        throw new Error(`demo seed failed at applications.attachFile: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      });
    }
  }
}

export const ALL_ITEMS: readonly number[] = MATERIAL_ITEMS.map((m) => m.no);
