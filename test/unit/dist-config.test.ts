/**
 * build/electron-builder.yml must ship every file the app needs at run time, and its
 * schema must satisfy the installed electron-builder (checked offline, no Electron download).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

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
interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string };
  files: string[];
  asarUnpack?: string[];
  win: { target: Target[] };
  linux: { target: Target[] };
  nsis: { oneClick: boolean; allowToChangeInstallationDirectory: boolean; installerLanguages: string[] };
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
