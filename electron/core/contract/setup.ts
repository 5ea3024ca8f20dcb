/**
 * 安装与本机 (setup): what this computer is for (the role, chosen on first start and kept in a small file outside
 * both data folders), the file the desk was asked to open by double-click, 关于 and 导出诊断信息.
 */
import { z } from 'zod';
import { method, NoInput } from './define.js';
import { ExportedFile } from './common.js';
import { FontInfo, HostKind } from './system.js';
import { DESK_ROLES, OPEN_FILE_KINDS } from './setup-labels.js';

export const DeskRoleSchema = z.enum(DESK_ROLES, { message: '请选择“秘书处工作台”或“评审专家（离线评分）”' });

export const RoleState = z.object({
  /** null: not chosen yet (first start); the renderer shows the choice and nothing else. */
  role: DeskRoleSchema.nullable(),
  /** Where the role came from: the role file, a start argument (`--role=expert`, `--expert`) or the host's default. */
  source: z.enum(['file', 'argument', 'default', 'unset']),
  /** The data folder of the role (null before the role is chosen). */
  dataDir: z.string().nullable(),
  /** The role file (null: this host keeps none, e.g. a test or the CLI). */
  roleFile: z.string().nullable(),
  /** False when the role is fixed by a start argument or the host (then 设置 cannot change it). */
  changeable: z.boolean(),
  /** The hash route the role starts at (`/home`, `/expert`). */
  startRoute: z.string(),
});
export type RoleState = z.infer<typeof RoleState>;

/** A file the desk was asked to open (command line, macOS open-file, a second launch), checked and staged by the host. */
export const PendingOpenFile = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ready'),
    kind: z.enum(OPEN_FILE_KINDS),
    fileName: z.string(),
    size: z.number().int().nonnegative(),
    /** 评审包 / 评分结果文件: staged into uploads/ (pass to expert.importPackage / results.preview). */
    uploadId: z.string().optional(),
    /** 备份文件: the path checked by the host (backupFile.inspect reads it where it lies: it can be large). */
    path: z.string().optional(),
    /** The hash route that takes it. */
    route: z.string(),
  }),
  z.object({ status: z.literal('refused'), fileName: z.string(), message: z.string() }),
]);
export type PendingOpenFile = z.infer<typeof PendingOpenFile>;

export const DiskSpace = z.object({ free: z.number().nonnegative(), total: z.number().nonnegative() });

export const AboutInfo = z.object({
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  host: HostKind,
  role: DeskRoleSchema,
  dataDir: z.string(),
  /** Runtime versions: node, electron and chrome (when the desktop host runs), v8. */
  versions: z.record(z.string(), z.string()),
  platform: z.string(),
  fonts: z.array(FontInfo),
  /** Free and total bytes of the data folder's disk (null when the system does not say). */
  disk: DiskSpace.nullable(),
});
export type AboutInfo = z.infer<typeof AboutInfo>;

export const setupContract = {
  'setup.role': method({ input: NoInput, output: RoleState, writes: false, summary: '本机用途' }),
  /**
   * Choose (first start) or change (设置, after a warning) what this computer is for. Writes the role file only;
   * each role has its own data folder, so nothing in either folder changes. Changing an existing choice needs
   * `confirmSwitch: true`.
   */
  'setup.chooseRole': method({
    input: z.object({ role: DeskRoleSchema, confirmSwitch: z.boolean().optional() }).strict(),
    output: RoleState,
    writes: false,
    summary: '选择本机用途',
  }),
  /** The file waiting to be opened (and forget it): the renderer shows it staged in the screen that takes it. */
  'setup.takeOpenFile': method({ input: NoInput, output: PendingOpenFile.nullable(), writes: false, summary: '取得待打开的文件' }),
  'setup.about': method({ input: NoInput, output: AboutInfo, writes: false, summary: '关于本软件' }),
  /** A zip for IT support: versions, settings without personal data, the last 200 audit entries (ids only in 专家模式), the part list. */
  'setup.exportDiagnostics': method({ input: NoInput, output: ExportedFile, writes: false, summary: '导出诊断信息' }),
};
