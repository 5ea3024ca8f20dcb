/**
 * 中心名录 search (centers.list `search`): the same matcher as 申报登记 (domain/name-search.ts) — center name or
 * host unit (any part), the host unit's USCC, or the pinyin initials of either name.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/core/app.js';
import { testClock, tempDir } from '../helpers/temp.js';
import { designatedCenters } from '../helpers/centers.js';

describe('centers.list search', () => {
  const clock = testClock('2026-03-10T02:00:00.000Z');
  let t: ReturnType<typeof tempDir>;
  let desk: Desk;
  beforeEach(async () => {
    t = tempDir();
    desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now, log: () => undefined });
    await designatedCenters(desk, clock);
  });
  afterEach(async () => {
    await desk.close();
    t.cleanup();
  });

  const names = async (search?: string) =>
    (await desk.call('centers.list', search === undefined ? {} : { search })).map((c) => c.name).sort();

  it('finds centers by name, host unit, USCC and pinyin initials, as the applications list does', async () => {
    expect(await names()).toHaveLength(3);
    expect(await names('软件')).toEqual(['福州市软件信息产业知识产权协同保护与运营中心']);
    // host unit 福州榕城新材料有限公司 → 化工新材料 center
    expect(await names('榕城')).toEqual(['福州市化工新材料产业知识产权协同保护与运营中心']);
    // pinyin initials of the center name (纺织化纤 → fzhx) and of the host unit (福州软件园 → fzrjy)
    expect(await names('fzhx')).toEqual(['福州市纺织化纤产业知识产权协同保护与运营中心']);
    expect(await names('FZRJY')).toEqual(['福州市软件信息产业知识产权协同保护与运营中心']);
    const [first] = await desk.call('centers.list', { search: '纺织' });
    expect(first!.hostUscc).toBeTruthy();
    expect(await names(first!.hostUscc!.slice(-6).toLowerCase())).toEqual([first!.name]);
    expect(await names('不存在的单位')).toEqual([]);
  });
});
