import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/core/app.js';
import { tempDir, testClock } from '../helpers/temp.js';
import { fail, fullApplicant, ok, seedBatches } from '../helpers/applications.js';

describe('choice lists editable in 设置', () => {
  let t: ReturnType<typeof tempDir>;
  let desk: Desk;
  const clock = testClock('2026-03-10T02:00:00.000Z');
  beforeEach(async () => {
    t = tempDir();
    desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now, log: () => undefined });
    await seedBatches(desk);
  });
  afterEach(async () => {
    await desk.close();
    t.cleanup();
  });

  it('serves the DOMAIN.md defaults until the bureau edits them', async () => {
    const lists = await desk.call('settings.lists', {});
    expect(lists.districts).toContain('鼓楼区');
    expect(lists.districts).toContain('福州高新区');
    expect(lists.industries.slice(0, 3)).toEqual(['电子信息', '化工新材料', '纺织化纤']);
    expect(lists.materialItems).toHaveLength(7);
    expect(lists.unitTypes.map((u) => u.label)).toEqual(['企业', '行业协会', '科研院所', '高等院校', '其他']);
  });

  it('an edited list is used by forms and by the Excel template', async () => {
    const before = await fail(
      desk.invoke('applications.create', {
        batchId: '2026-1',
        applicant: { ...fullApplicant('福州某某科技有限公司', 3), industry: '低空经济' },
      }),
    );
    expect(before.message).toContain('低空经济');
    const lists = await desk.call('settings.lists', {});
    await ok(desk.invoke('settings.update', { industries: [...lists.industries, '低空经济'] }));
    await ok(
      desk.invoke('applications.create', {
        batchId: '2026-1',
        applicant: { ...fullApplicant('福州某某科技有限公司', 3), industry: '低空经济' },
      }),
    );
    const file = await desk.call('applications.exportTemplate', {});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file.path) as unknown as ArrayBuffer);
    const text = JSON.stringify(wb.worksheets.map((ws) => ws.getSheetValues()));
    expect(text).toContain('低空经济');
  });

  it('refuses an empty list or duplicates, with a Chinese message, and changes nothing', async () => {
    expect((await fail(desk.invoke('settings.update', { districts: [] }))).message).toContain('至少保留一项');
    expect((await fail(desk.invoke('settings.update', { industries: ['食品', '食品'] }))).message).toContain('重复');
    expect((await desk.call('settings.lists', {})).districts).toContain('鼓楼区');
  });
});
