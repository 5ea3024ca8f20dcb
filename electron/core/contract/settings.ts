import { z } from 'zod';
import { method, NoInput } from './define.js';

export const Settings = z.object({
  /** 发文机关 */
  bureauName: z.string().trim().min(1, '请填写发文机关名称').max(40, '发文机关名称不超过40个字'),
  /** 当前操作人 (recorded in the audit log) */
  operatorName: z.string().trim().max(20, '操作人姓名不超过20个字'),
  /** 发文字号前缀, e.g. 榕市监知 → 榕市监知〔2026〕3号 */
  docNumberPrefix: z.string().trim().min(1, '请填写发文字号前缀').max(12, '发文字号前缀不超过12个字'),
  /** 证书编号前缀, e.g. FZIPC → FZIPC-2026-001 */
  certNumberPrefix: z.string().trim().min(1, '请填写证书编号前缀').max(12, '证书编号前缀不超过12个字'),
});
export type Settings = z.infer<typeof Settings>;

export const settingsContract = {
  'settings.get': method({ input: NoInput, output: Settings, writes: false, summary: '读取设置' }),
  'settings.update': method({
    input: Settings.partial().strict(),
    output: Settings,
    writes: true,
    summary: '修改设置',
  }),
};
