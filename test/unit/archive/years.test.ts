import { describe, expect, it } from 'vitest';
import { yearOfKeyedPart, yearOfRef, yearsOfWrite } from '../../../electron/core/archive/years.js';

describe('which year a write touches', () => {
  it('reads the year of keyed parts and of batch, application and objection ids', () => {
    expect(yearOfKeyedPart('2026-1')).toBe(2026);
    expect(yearOfKeyedPart('2026')).toBe(2026);
    expect(yearOfKeyedPart('abc')).toBeNull();
    expect(yearOfRef('2026-1')).toBe(2026);
    expect(yearOfRef('2025-2-0013')).toBe(2025);
    expect(yearOfRef(' 2026-1-O2 ')).toBe(2026);
    expect(yearOfRef('C12')).toBeNull();
    expect(yearOfRef('E3')).toBeNull();
    expect(yearOfRef('2026')).toBeNull();
    expect(yearOfRef(2026)).toBeNull();
    expect(yearOfRef(undefined)).toBeNull();
  });

  it('finds the years named by a write method’s input', () => {
    expect(yearsOfWrite('batches.update', { id: '2026-2', title: 'x' })).toEqual([2026]);
    expect(yearsOfWrite('batches.create', { year: 2027, title: 'x' })).toEqual([2027]);
    expect(yearsOfWrite('applications.saveDraft', { id: '2026-1-0003' })).toEqual([2026]);
    expect(yearsOfWrite('applications.create', { batchId: '2025-1', applicant: {} })).toEqual([2025]);
    expect(yearsOfWrite('objections.resolve', { objectionId: '2026-1-O1', outcome: 'dismissed' })).toEqual([2026]);
    expect(yearsOfWrite('scoring.enterSheet', { applicationId: '2026-1-0001', expertId: 'E1' })).toEqual([2026]);
    expect(yearsOfWrite('summaries.save', { year: 2026, centerId: 'C1' })).toEqual([2026]);
    expect(yearsOfWrite('triennial.decide', { centerId: 'C1', decidedOn: '2029-10-12' })).toEqual([2029]);
    expect(yearsOfWrite('agreements.record', { centerId: 'C1', parties: ['福州市知识产权维权援助中心'], signedOn: '2026-12-01' })).toEqual([
      2026,
    ]);
  });

  it('never locks numbering, settings, the calendar, experts or the archive itself; prints are checked against the record', () => {
    expect(yearsOfWrite('settings.update', { operatorName: 'x' })).toEqual([]);
    expect(yearsOfWrite('calendar.saveYear', { year: 2026 })).toEqual([]);
    expect(yearsOfWrite('experts.update', { id: 'E1' })).toEqual([]);
    expect(yearsOfWrite('archive.unseal', { year: 2026, reason: '更正' })).toEqual([]);
    expect(yearsOfWrite('archive.seal', { year: 2026 })).toEqual([]);
    expect(yearsOfWrite('formalReview.notice', { applicationId: '2026-1-0001' })).toEqual([]);
    expect(yearsOfWrite('assessments.noticePdf', { year: 2026 })).toEqual([]);
    expect(yearsOfWrite('batches.create', null)).toEqual([]);
  });
});
