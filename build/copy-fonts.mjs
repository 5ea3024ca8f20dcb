// Copies the four bundled Noto weights and the OFL licence into assets/fonts. Idempotent; no deps.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'assets', 'fonts');
const nm = path.join(root, 'node_modules', '@expo-google-fonts');

const FILES = {
  'NotoSerifSC-Regular.ttf': 'noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  'NotoSerifSC-Bold.ttf': 'noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  'NotoSansSC-Regular.ttf': 'noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  'NotoSansSC-Bold.ttf': 'noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  'OFL.txt': 'noto-serif-sc/LICENSE_FONT',
};

fs.mkdirSync(outDir, { recursive: true });
let copied = 0;
for (const [name, rel] of Object.entries(FILES)) {
  const src = path.join(nm, rel);
  const dest = path.join(outDir, name);
  if (!fs.existsSync(src)) {
    console.error(`copy-fonts: missing ${src} (run npm ci first)`);
    process.exit(1);
  }
  const s = fs.statSync(src);
  const d = fs.existsSync(dest) ? fs.statSync(dest) : null;
  if (d && d.size === s.size && d.mtimeMs >= s.mtimeMs) continue;
  const tmp = `${dest}.tmp-${process.pid}`;
  fs.copyFileSync(src, tmp);
  fs.renameSync(tmp, dest);
  copied++;
}
console.log(`copy-fonts: ${copied} copied, ${Object.keys(FILES).length - copied} up to date -> ${path.relative(root, outDir)}`);
