/**
 * 本机用途 (what this computer is for) and the files the desk opens by double-click: names and the one sentence
 * each role is explained with. Zod-free, so the renderer imports them by value.
 */

/** The two roles of an installed desk; each keeps its own data folder. */
export const DESK_ROLES = ['secretariat', 'expert'] as const;
export type DeskRole = (typeof DESK_ROLES)[number];

export const ROLE_LABELS: Record<DeskRole, string> = {
  secretariat: '秘书处工作台',
  expert: '评审专家（离线评分）',
};

/** One sentence per role, shown on the first-start screen and in 设置. */
export const ROLE_SENTENCES: Record<DeskRole, string> = {
  secretariat: '市知识产权局秘书处办理申报受理、专家评审组织、公示认定和中心管理的电脑。',
  expert: '评审专家本人的电脑：导入秘书处给的评审包，离线打分，再把评分结果文件交回。',
};

/** Files the desk opens by double-click (file associations), and the yearly archive it recognises but does not open. */
export const OPEN_FILE_KINDS = ['expertPackage', 'resultFile', 'backupFile'] as const;
export type OpenFileKind = (typeof OPEN_FILE_KINDS)[number];

export const OPEN_FILE_LABELS: Record<OpenFileKind | 'yearArchive', string> = {
  expertPackage: '评审包',
  resultFile: '评分结果文件',
  backupFile: '备份文件',
  yearArchive: '年度档案',
};

/** The extension each associated kind is saved with (exchange/package.ts, exchange/result.ts, backup-file/manifest.ts). */
export const OPEN_FILE_EXTENSIONS: Record<OpenFileKind, string> = {
  expertPackage: '.ipcdpkg',
  resultFile: '.ipcdres',
  backupFile: '.ipcdesk-backup',
};
