/**
 * Role rules (pure): which role a launch asks for, what each role may reach, and which double-clicked file a
 * role accepts. The two roles never share a data folder; in 专家模式 the secretariat's areas and pages are refused.
 */
import { OPEN_FILE_LABELS, ROLE_LABELS, type DeskRole, type OpenFileKind, DESK_ROLES } from '../contract/setup-labels.js';

export type { DeskRole };

/** The role named on the command line: `--role=expert|secretariat` (or `--role expert`), or the older `--expert`. */
export function roleFromArgs(argv: readonly string[]): DeskRole | undefined {
  let role: DeskRole | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--expert') role = 'expert';
    else if (a === '--role' || a.startsWith('--role=')) {
      const v = a === '--role' ? argv[++i] : a.slice('--role='.length);
      if (isDeskRole(v)) role = v;
    }
  }
  return role;
}

export function isDeskRole(v: unknown): v is DeskRole {
  return typeof v === 'string' && (DESK_ROLES as readonly string[]).includes(v);
}

/** API areas (contract/index.ts `contractAreas`) an expert's laptop may call: its own work, files, paths and the system cards. */
const EXPERT_AREAS: ReadonlySet<string> = new Set(['expert', 'files', 'localPaths', 'system', 'setup']);

/** The API area of the expert's own work (importing a package, scoring, exporting the result, wiping). */
const EXPERT_WORK_AREA = 'expert';

/**
 * True when a method of `area` may run in `role`. 专家模式 reaches only its own areas; the secretariat reaches
 * everything but the expert's own work, so an expert package is never imported into the secretariat's data folder
 * (the two roles never mix on one machine; a test drives the expert's side through a desk opened as an expert's).
 */
export function areaAllowedInRole(role: DeskRole, area: string): boolean {
  return role === 'expert' ? EXPERT_AREAS.has(area) : area !== EXPERT_WORK_AREA;
}

/** The Chinese refusal of a method the role does not reach (`method`, e.g. `expert.importPackage`). */
export function areaRefusal(role: DeskRole, method: string): string {
  return role === 'expert'
    ? `这台电脑用作“${ROLE_LABELS.expert}”，不能使用秘书处的功能（${method}）。秘书处的工作请在秘书处工作台上办理。`
    : `这台电脑用作“${ROLE_LABELS.secretariat}”，不能使用评审专家的功能（${method}）。评审包请在评审专家的电脑上（${ROLE_LABELS.expert}）导入和评分。`;
}

/** The renderer's start page for a role. */
export function startRouteOf(role: DeskRole): string {
  return role === 'expert' ? '/expert' : '/home';
}

/** True when `route` (a hash route such as `/settings/audit`) belongs to `role`'s pages. */
export function routeAllowedInRole(role: DeskRole, route: string): boolean {
  const expertRoute = route === '/expert' || route.startsWith('/expert/');
  return role === 'expert' ? expertRoute : !expertRoute;
}

/** Which role opens a kind of file. */
export function roleForFileKind(kind: OpenFileKind): DeskRole {
  return kind === 'expertPackage' ? 'expert' : 'secretariat';
}

/** undefined when `role` takes the file; otherwise the Chinese message naming the file, what it is and where it belongs. */
export function wrongKindMessage(role: DeskRole, kind: OpenFileKind | 'yearArchive' | 'unknown', fileName: string): string | undefined {
  if (kind === 'yearArchive')
    return `“${fileName}”是 zip 压缩文件（年度档案就是这种文件），工作台不以双击方式打开它。如要校验年度档案，请在秘书处工作台的“年度档案 › 校验档案文件”中选择它。`;
  if (kind === 'unknown')
    return `无法打开“${fileName}”：工作台只打开评审包（.ipcdpkg）、评分结果文件（.ipcdres）和备份文件（.ipcdesk-backup），而这个文件不是其中之一（或已损坏）。`;
  const owner = roleForFileKind(kind);
  if (owner === role) return undefined;
  return owner === 'expert'
    ? `“${fileName}”是${OPEN_FILE_LABELS[kind]}，要在评审专家的电脑上（专家模式）导入；这台电脑是${ROLE_LABELS.secretariat}，不能打开它。`
    : `“${fileName}”是${OPEN_FILE_LABELS[kind]}，要交回秘书处，在${ROLE_LABELS.secretariat}上打开；这台电脑用作${ROLE_LABELS.expert}，不能打开它。`;
}
