/**
 * Certificates bench row: 300 certificates of one decision in one PDF (fonts subset once), warm
 * fonts. Baseline: 2.5 s target, i.e. 20x faster than Word + LibreOffice at about 150 ms each (45 s).
 */
import { loadFontSet } from '../../electron/core/documents/fonts/registry.js';
import { renderCertificates, type CertificateInput } from '../../electron/core/documents/pdf/certificate.js';
import { timeIt, type Row } from './stats.js';

const LONG = '福建省福州市闽江口纺织化纤与新材料产业技术创新战略联盟暨知识产权综合服务有限公司';

export async function certificateRows(): Promise<Row[]> {
  loadFontSet();
  const list: CertificateInput[] = Array.from({ length: 300 }, (_, i) => ({
    certificateNumber: `FZIPC-2026-${String(i + 1).padStart(3, '0')}`,
    hostUnit: i % 10 === 0 ? LONG : `福州闽江第${i + 1}号科技有限公司`,
    centerName: '福州市纺织化纤产业知识产权协同保护与运营中心',
    validFrom: '2026-10-12',
    validUntil: '2029-10-11',
    authority: '福州市市场监督管理局',
    issuedOn: '2026-10-12',
  }));
  let bytes = 0;
  const ms = await timeIt(async () => {
    bytes = (await renderCertificates(list, { onProgress: () => undefined })).length;
  });
  return [
    { measure: '300 certificates', result: ms, unit: 'ms', baseline: 2500, baselineName: 'target (20x Word+LibreOffice)' },
    { measure: '300 certificates, size per page', result: bytes / 300 / 1024, unit: 'KB', baseline: 150, baselineName: 'target' },
  ];
}
