/**
 * The typographic roles of a GB/T 9704-2012 document and what the bureau calls them, as plain data (no zod),
 * so the renderer may import them as values (see eslint.config.js). The font registry
 * (documents/fonts/registry.ts) says which face prints each role.
 */

/** §7: 小标宋 for the title and the red mark (§7.2.4, §7.3.1), 仿宋 for the body (§5.2.1), 黑体 for 一、 and
 *  楷体 for （一） headings (§7.3.3), 宋体 for tables and page numbers (§7.5). */
export const FONT_ROLES = ['fangsong', 'heiti', 'kaiti', 'xiaobiaosong', 'song'] as const;
export type FontRole = (typeof FONT_ROLES)[number];

/** The style each role wants, as a typesetter says it. */
export const FONT_ROLE_LABELS: Record<FontRole, string> = {
  fangsong: '仿宋',
  heiti: '黑体',
  kaiti: '楷体',
  xiaobiaosong: '小标宋',
  song: '宋体',
};

/** Where each role prints. */
export const FONT_ROLE_USES: Record<FontRole, string> = {
  xiaobiaosong: '标题、发文机关标志',
  fangsong: '正文',
  heiti: '一级标题',
  kaiti: '二级标题',
  song: '表格、页码',
};

/** Where the face printing a role comes from: installed on this computer, or shipped with the app. */
export const FONT_SOURCE_LABELS: Record<'system' | 'bundled', string> = {
  system: '本机字体',
  bundled: '随程序提供',
};
