/**
 * build/electron-builder.yml must ship every file the app needs at run time, and its
 * schema must satisfy the installed electron-builder (checked offline, no Electron download).
 */
import { builtinModules, createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { OPEN_FILE_EXTENSIONS } from '../../electron/core/contract/setup-labels.js';
import { BUNDLED_SOURCES } from '../../electron/core/documents/fonts/registry.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const req = createRequire(import.meta.url);
// js-yaml and the schema check come with electron-builder (app-builder-lib); no extra dependency.
const builderLib = req.resolve('app-builder-lib');
const yaml = createRequire(builderLib)('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = createRequire(builderLib)('./util/config/config.js') as {
  validateConfiguration(config: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>;
};

interface Target {
  target: string;
  arch?: string[];
}
interface FileAssociation {
  ext: string;
  name: string;
  mimeType?: string;
}
interface BuilderConfig {
  appId: string;
  fileAssociations: FileAssociation[];
  deb: { packageName: string; depends: string[]; fpm: string[] };
  productName: string;
  directories: { output: string };
  files: string[];
  asarUnpack?: string[];
  win: { target: Target[] };
  linux: { target: Target[] };
  nsis: {
    oneClick: boolean;
    allowToChangeInstallationDirectory: boolean;
    installerLanguages: string[];
    perMachine: boolean;
    createStartMenuShortcut: boolean;
    shortcutName: string;
    include: string;
  };
  electronFuses?: Record<string, boolean>;
}

const config = yaml.load(readFileSync(path.join(root, 'build/electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
  scripts: Record<string, string>;
};
const buildScript = readFileSync(path.join(root, 'build/build-electron.mjs'), 'utf8');
const mainSource = readFileSync(path.join(root, 'electron/main/main.ts'), 'utf8');

/** The include pattern that ships `file` (and no later `!` pattern that drops it). */
function shipped(file: string): boolean {
  let inc = false;
  for (const p of config.files) {
    const neg = p.startsWith('!');
    const glob = neg ? p.slice(1) : p;
    const re = new RegExp(
      `^${glob
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*\*/g, '\u0000')
        .replace(/\*/g, '[^/]*')
        .replace(/\u0000/g, '.*')}$`,
    );
    if (re.test(file)) inc = !neg;
  }
  return inc;
}

/** True when a `!` pattern of `files` matches `file`. */
function droppedByPattern(file: string): boolean {
  return config.files.some((p) => p.startsWith('!') && globRe(p.slice(1)).test(file));
}

function globRe(glob: string): RegExp {
  return new RegExp(
    `^${glob
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*\*/g, '\u0000')
      .replace(/\*/g, '[^/]*')
      .replace(/\u0000/g, '.*')}$`,
  );
}

describe('electron-builder config', () => {
  it('passes the schema of the installed electron-builder', async () => {
    await expect(validateConfiguration(config, { isEnabled: false, add() {} })).resolves.toBeUndefined();
  });

  it('names the app and output folder', () => {
    expect(config.appId).toBe('cn.gov.fuzhou.ipcenterdesk');
    expect(config.productName).toBeTruthy();
    expect(config.directories.output).toBe('release');
    expect(pkg.scripts.dist).toContain('build/electron-builder.yml');
  });

  it('ships main, preload, renderer, fonts and package.json', () => {
    for (const f of [
      'package.json',
      'dist-electron/main.cjs',
      'dist-electron/preload.cjs',
      'dist-electron/digest-worker.cjs',
      'dist/renderer/index.html',
      'dist/renderer/assets/index-abc.js',
      'assets/fonts/NotoSerifSC-Regular.ttf',
      'assets/fonts/NotoSerifSC-Black.ttf',
      'assets/fonts/NotoSansSC-Bold.ttf',
      'assets/fonts/LXGWWenKai-Regular.ttf',
      'assets/fonts/OFL.txt',
      'assets/fonts/OFL-LXGWWenKai.txt',
    ]) {
      expect(shipped(f), f).toBe(true);
    }
    expect(shipped('electron/main/main.ts')).toBe(false);
    expect(shipped('test/unit/dist-config.test.ts')).toBe(false);
  });

  it('never drops a runtime dependency that main.cjs requires', () => {
    for (const dep of Object.keys(pkg.dependencies)) {
      if (dep.startsWith('@expo-google-fonts/') || dep.startsWith('@fontsource/')) continue; // copied to assets/fonts at build time
      expect(
        config.files.some((p) => p.startsWith('!') && p.includes(`node_modules/${dep}`)),
        dep,
      ).toBe(false);
    }
    expect(config.asarUnpack).toContain('assets/fonts/**');
  });

  it('package.json main is the file the build produces, next to the preload main.ts loads', () => {
    expect(pkg.main).toBe('dist-electron/main.cjs');
    expect(shipped(pkg.main)).toBe(true);
    expect(buildScript).toContain("'dist-electron'");
    expect(buildScript).toContain("fileName: 'main.cjs'");
    expect(buildScript).toContain("fileName: 'preload.cjs'");
    expect(mainSource).toContain("'preload.cjs'");
    expect(pkg.scripts.build).toContain('build:electron');
    expect(pkg.scripts.build).toContain('copy-fonts');
  });

  it('flips the Electron fuses: no run-as-node, NODE_OPTIONS or inspect; only the integrity-checked app.asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // The keys are the installed electron-builder's own (a misspelt fuse would be dropped, not flipped).
    const scheme = JSON.parse(readFileSync(path.join(path.dirname(builderLib), '..', 'scheme.json'), 'utf8')) as {
      definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
    };
    for (const key of Object.keys(config.electronFuses ?? {}))
      expect(Object.keys(scheme.definitions.FuseOptionsV1.properties), key).toContain(key);
    // The fuse turns ELECTRON_RUN_AS_NODE off, which child_process.fork needs: nothing the app runs may fork.
    const sources = (readdirSync(path.join(root, 'electron'), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    for (const f of sources) expect(readFileSync(path.join(root, 'electron', f), 'utf8'), f).not.toMatch(/\bfork\(/);
  });

  it('builds Windows NSIS + portable (x64) and a Linux AppImage', () => {
    const win = config.win.target.map((t) => `${t.target}:${(t.arch ?? []).join(',')}`);
    expect(win).toEqual(expect.arrayContaining(['nsis:x64', 'portable:x64']));
    expect(config.linux.target.map((t) => t.target)).toContain('AppImage');
    expect(config.nsis.oneClick).toBe(false);
    expect(config.nsis.allowToChangeInstallationDirectory).toBe(true);
    expect(config.nsis.installerLanguages).toContain('zh_CN');
  });
});

describe('installers for two kinds of laptop (issue 15)', () => {
  const scheme = JSON.parse(readFileSync(path.join(path.dirname(builderLib), '..', 'scheme.json'), 'utf8')) as object;

  it("validates against electron-builder's own scheme.json with ajv (as electron-builder does: draft-07, strict off)", () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(scheme);
    const ok = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
    expect(ok).toBe(true);
    // The check bites: a misspelt key is refused.
    expect(validate({ ...config, fileAssociation: [] })).toBe(false);
  });

  it('associates the review package, the result file and the backup file — never the yearly archive zip', () => {
    expect(config.fileAssociations.map((a) => `.${a.ext}`).sort()).toEqual(Object.values(OPEN_FILE_EXTENSIONS).sort());
    expect(config.fileAssociations.some((a) => /zip/i.test(a.ext))).toBe(false);
    for (const a of config.fileAssociations) expect(a.mimeType, a.ext).toMatch(/^application\/x-ipcdesk-/);
  });

  it('Windows: per-user Chinese NSIS with both Start-menu entries (the second starts --role=expert) and a portable x64', () => {
    expect(config.nsis).toMatchObject({ perMachine: false, createStartMenuShortcut: true, shortcutName: '产业知识产权中心认定工作台' });
    expect(config.nsis.installerLanguages).toEqual(['zh_CN']);
    const nsh = readFileSync(path.join(root, config.nsis.include));
    expect([...nsh.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 with BOM: makensis reads the Chinese names right
    const text = nsh.toString('utf8');
    expect(text).toMatch(
      /!macro customInstall[\s\S]*CreateShortCut "\$\{EXPERT_SHORTCUT\}" "\$INSTDIR\\\$\{APP_EXECUTABLE_FILENAME\}" "--role=expert"/,
    );
    expect(text).toContain('评审专家模式.lnk');
    expect(text).toMatch(/!macro customUnInstall[\s\S]*Delete "\$\{EXPERT_SHORTCUT\}"/);
    expect(config.win.target.map((t) => `${t.target}:${(t.arch ?? []).join(',')}`)).toEqual(['nsis:x64', 'portable:x64']);
  });

  it("Linux: deb for x64 and arm64 with Electron's dependencies and a second menu entry naming the package type; AppImage kept", () => {
    const deb = config.linux.target.find((t) => t.target === 'deb');
    expect(deb?.arch).toEqual(['x64', 'arm64']);
    expect(config.linux.target.map((t) => t.target)).toContain('AppImage');
    for (const dep of ['libgtk-3-0', 'libnss3', 'libgbm1', 'libasound2', 'libxss1', 'xdg-utils', 'libsecret-1-0'])
      expect(
        config.deb.depends.some((d) => d.split(' | ').includes(dep)),
        dep,
      ).toBe(true);
    const mapping = config.deb.fpm.find((a) => a.endsWith('/usr/share/applications/ip-center-desk-expert.desktop'))!;
    const desktop = readFileSync(path.join(root, mapping.split('=')[0]!), 'utf8');
    expect(desktop).toMatch(/^Exec=\/usr\/bin\/ip-center-desk --role=expert %U$/m);
    expect(desktop).toMatch(/^MimeType=application\/x-ipcdesk-package;$/m);
    expect(desktop).toContain('Name[zh_CN]=产业知识产权中心认定工作台 · 评审专家模式');
  });
});

describe('the packaged app holds every file the built bundle loads', () => {
  const mainCjs = path.join(root, 'dist-electron', 'main.cjs');
  let bundle: string;
  beforeAll(() => {
    if (!existsSync(mainCjs))
      execFileSync(process.execPath, [path.join(root, 'build', 'build-electron.mjs')], { cwd: root, stdio: 'pipe' });
    bundle = readFileSync(mainCjs, 'utf8');
  }, 120_000);

  it('every package main.cjs requires is a production dependency that is not filtered out (pdfkit stays external)', () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const required = [...new Set([...bundle.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!))].filter((r) => !builtins.has(r));
    const pkgName = (r: string) => (r.startsWith('@') ? r.split('/').slice(0, 2).join('/') : r.split('/')[0]!);
    expect(required).toContain('pdfkit');
    for (const r of required) {
      if (r === 'electron') continue;
      expect(Object.keys(pkg.dependencies), r).toContain(pkgName(r));
      // electron-builder adds production dependencies itself; no `!` pattern of ours may drop one.
      expect(droppedByPattern(`node_modules/${pkgName(r)}/package.json`), r).toBe(false);
    }
    // pdfkit reads its AFM data with fs: unpacked from the asar.
    expect(config.asarUnpack).toContain('node_modules/pdfkit/js/data/**');
  });

  it('the renderer, the preload and every bundled font the registry may load are shipped (fonts unpacked)', () => {
    expect(bundle).toContain('"dist", "renderer"');
    expect(bundle).toContain('"preload.cjs"');
    for (const f of ['dist/renderer/index.html', 'dist-electron/preload.cjs']) expect(shipped(f), f).toBe(true);
    for (const font of Object.keys(BUNDLED_SOURCES)) {
      expect(bundle, font).toContain(font);
      expect(shipped(`assets/fonts/${font}`), font).toBe(true);
    }
    expect(config.asarUnpack).toContain('assets/fonts/**');
  });
});
