/**
 * An area has one name in every layer: its methods are declared in contract/<area>.ts (or contract/<area>/),
 * handled in handlers/<area>.ts (or handlers/<area>/), and its screens are renderer/pages/<area>/.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contractAreas, methodNames } from '../../../electron/core/contract/index.js';
import { areaMismatches, areaTables } from '../../../electron/core/handlers/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const core = path.join(root, 'electron', 'core');
const kebab = (key: string): string => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Areas whose screens are cards of 设置 (settings) rather than a page of their own. */
const SHOWN_IN_SETTINGS = ['system', 'files', 'backupFile', 'localPaths'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** The area (first path segment, without `.ts`) of the file in `layer` whose text matches `pattern`. */
function areaOfFileWith(layer: string, pattern: RegExp): string[] {
  const dir = path.join(core, layer);
  return sources(dir)
    .filter((file) => pattern.test(readFileSync(file, 'utf8')))
    .map((file) => path.relative(dir, file).split(path.sep)[0]!.replace(/\.ts$/, ''));
}

const escape = (s: string): string => s.replace(/\./g, '\\.');

describe('areas', () => {
  it('each area has one module in contract/ and one in handlers/, named alike', () => {
    for (const key of Object.keys(contractAreas)) {
      const name = kebab(key);
      for (const layer of ['contract', 'handlers']) {
        const asFile = path.join(core, layer, `${name}.ts`);
        const asFolder = path.join(core, layer, name, 'index.ts');
        const found = [asFile, asFolder].filter((p) => {
          try {
            return statSync(p).isFile();
          } catch {
            return false;
          }
        });
        // contract areas made of several modules are composed in contract/index.ts, so the folder needs no index
        const folder = path.join(core, layer, name);
        const hasFolder = (() => {
          try {
            return statSync(folder).isDirectory();
          } catch {
            return false;
          }
        })();
        expect(found.length > 0 || hasFolder, `${layer}/${name}(.ts|/) for area ${key}`).toBe(true);
      }
    }
    expect(Object.keys(areaTables).sort()).toEqual(Object.keys(contractAreas).sort());
  });

  it('every method is declared and handled in the files of its area', () => {
    const areaOf = new Map<string, string>();
    for (const [key, table] of Object.entries(contractAreas)) for (const name of Object.keys(table)) areaOf.set(name, kebab(key));
    expect([...areaOf.keys()].sort()).toEqual([...methodNames].sort());
    for (const [name, area] of areaOf) {
      expect(areaOfFileWith('contract', new RegExp(`'${escape(name)}': method\\(`)), `declaration of ${name}`).toEqual([area]);
      expect(areaOfFileWith('handlers', new RegExp(`^\\s+(async )?'${escape(name)}'(\\(|: )`, 'm')), `handler of ${name}`).toEqual([area]);
    }
  });

  it("the handlers of an area cover exactly the area's methods", () => {
    expect(areaMismatches()).toEqual([]);
    // moving one handler to another area's table is caught
    const { designation, centers, ...rest } = areaTables;
    const { 'centers.list': moved, ...centersLeft } = centers;
    const problems = areaMismatches({ ...rest, centers: centersLeft, designation: { ...designation, 'centers.list': moved } });
    expect(problems).toEqual([
      'centers.list is declared in area centers but not handled there',
      'centers.list is handled in area designation but not declared there',
    ]);
  });

  it('the page folders are the areas (plus none other)', () => {
    const pages = readdirSync(path.join(root, 'renderer', 'pages')).sort();
    const withPages = Object.keys(contractAreas)
      .filter((key) => !SHOWN_IN_SETTINGS.includes(key))
      .map(kebab)
      .sort();
    expect(pages).toEqual(withPages);
  });
});
