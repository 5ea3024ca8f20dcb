import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Vendor chunks: keep the big libraries apart so no single file is huge and app code caches well. */
const vendorGroups = [
  // pdf.js is imported on first preview only (renderer/components/pdfjs.ts): its own chunk, not in the start-up bundle.
  // Ids with a query (the worker's `?url`, a one-line module the app needs at start) stay out of the vendor chunks.
  { name: 'vendor-pdfjs', test: /node_modules[\\/]pdfjs-dist[\\/][^?]*$/, priority: 50 },
  { name: 'vendor-echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 40 },
  { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
  { name: 'vendor-icons', test: /node_modules[\\/]@ant-design[\\/]icons(-svg)?[\\/]/, priority: 20 },
  { name: 'vendor-antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@emotion|dayjs)[\\/]/, priority: 10 },
  { name: 'vendor', test: /node_modules[\\/][^?]*$/, priority: 0 },
];

export default defineConfig({
  root: path.join(root, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: path.join(root, 'dist', 'renderer'),
    emptyOutDir: true,
    target: 'es2022',
    // CSP is script-src 'self': never inline the module preload polyfill.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
});
