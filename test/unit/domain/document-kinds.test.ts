import { describe, expect, it } from 'vitest';
import { officialFormat } from '../../../electron/core/domain/document-kinds.js';

const settings = { bureauName: '福州市市场监督管理局' };

describe('officialFormat: kind, mark, 附注 and 版记 from the settings', () => {
  it('defaults: decisions in 文件格式 with 主动公开 and the office as 印发机关; letters in 信函格式', () => {
    expect(officialFormat(settings, 'reviewDecision', '2029-10-12')).toEqual({
      kind: 'file',
      mark: '福州市市场监督管理局文件',
      note: '（此件主动公开）',
      colophon: { copyTo: [], issuingOffice: '福州市市场监督管理局办公室', printedOn: '2029-10-12' },
    });
    expect(officialFormat(settings, 'rejectionNotice', '2026-11-25')).toEqual({ kind: 'letter', mark: '福州市市场监督管理局' });
    expect(officialFormat(settings, 'publicityNotice', '2026-09-28')).toEqual({ kind: 'announcement', mark: '福州市市场监督管理局' });
  });

  it('follows the settings: mark, office, 抄送, kind and 公开方式 per document', () => {
    const f = officialFormat(
      {
        ...settings,
        fileMark: '福州市知识产权局文件',
        issuingOffice: '福州市市场监督管理局知识产权处',
        copyTo: ['市委办公厅', '市政府办公厅'],
        documentFormats: { assessmentNotice: { disclosure: 'onRequest' }, acceptanceNotice: { kind: 'file', disclosure: 'none' } },
      },
      'assessmentNotice',
      '2026-12-01',
    );
    expect(f.mark).toBe('福州市知识产权局文件');
    expect(f.note).toBe('（此件依申请公开）');
    expect(f.colophon).toEqual({
      copyTo: ['市委办公厅', '市政府办公厅'],
      issuingOffice: '福州市市场监督管理局知识产权处',
      printedOn: '2026-12-01',
    });
    const accept = officialFormat(
      { ...settings, documentFormats: { acceptanceNotice: { kind: 'file', disclosure: 'none' } } },
      'acceptanceNotice',
      '2026-11-25',
    );
    expect(accept.kind).toBe('file');
    expect(accept.note).toBe('（此件不予公开）');
  });
});
