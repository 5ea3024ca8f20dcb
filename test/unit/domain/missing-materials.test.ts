import { describe, expect, it } from 'vitest';
import { missingMaterials, missingMaterialsMessage } from '../../../electron/core/domain/application-query.js';

describe('missing materials at submission', () => {
  it('lists the required items (1–6) without a file, numbered and titled; item 7 is optional', () => {
    const materials = [1, 2, 3, 4, 5, 6, 7].map((no) => ({ no, files: no === 1 ? [{}] : [] })) as never;
    const items = missingMaterials({ materials });
    expect(items.map((m) => m.no)).toEqual([2, 3, 4, 5, 6]);
    expect(items[0]).toEqual({ no: 2, title: '营业执照或法人登记证复印件（加盖公章）' });
  });
  it('the message lists every missing item and asks for an acknowledgement', () => {
    const text = missingMaterialsMessage([
      { no: 2, title: '营业执照或法人登记证复印件（加盖公章）' },
      { no: 5, title: '中心办公场所证明' },
    ]);
    expect(text).toContain('申报材料尚缺2项：2. 营业执照或法人登记证复印件（加盖公章）；5. 中心办公场所证明。');
    expect(text).toContain('请确认缺项清单后再提交');
  });
});
