/**
 * In-app PDF preview (pdf.js): pages drawn to canvas as they scroll into view, page count and current page,
 * zoom 适合宽度 / 100%, PageUp/PageDown/Home/End. One component for every document the app shows: a file it
 * exported (`{ kind: 'file', path }`, read through files.readExport) or bytes in hand (a live preview).
 * A new source keeps the pages drawn so far on screen until its own pages are drawn (no flicker while typing).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, Button, Flex, Segmented, Spin, Typography } from 'antd';
import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { errorMessage } from '../rpc';
import {
  CSS_PX_PER_PT,
  isCancelled,
  isInvalidPdf,
  openPdf,
  sourceBytes,
  type PDFDocumentProxy,
  type PdfSource,
  type RenderTask,
} from './pdfjs';

export type { PdfSource } from './pdfjs';

export interface PdfPreviewProps {
  source: { kind: 'bytes'; data: Uint8Array } | { kind: 'file'; path: string };
  /** Height of the whole preview (toolbar and pages) in CSS px; 600 when not given. */
  height?: number;
}

/** 适合宽度, 整页 (the whole page in view, to judge the layout), 100 % (printed size). */
type Zoom = 'fit' | 'page' | 'actual';
interface Size {
  w: number;
  h: number;
}
interface Loaded {
  proxy: PDFDocumentProxy;
  /** Each page's size at 100 % in CSS px. */
  sizes: Size[];
}

/** Space around and between pages, CSS px. */
const PAD = 12;
const GAP = 12;
const TOOLBAR = 40;

function loadError(err: unknown): string {
  if (isInvalidPdf(err)) return '文件不是有效的 PDF，或已损坏。请重新生成后再预览。';
  return errorMessage(err);
}

/** Loads the source; the previous document stays until the next one is ready, then is destroyed. */
function usePdfDocument(source: PdfSource): { doc: Loaded | null; loading: boolean; error: string | null } {
  const [doc, setDoc] = useState<Loaded | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const key = source.kind === 'bytes' ? source.data : source.path;

  useEffect(() => {
    let stale = false;
    let adopted = false;
    let destroy: (() => Promise<void>) | null = null;
    setLoading(true);
    setError(null);
    (async () => {
      const bytes = await sourceBytes(source);
      if (stale) return;
      const task = await openPdf(bytes);
      destroy = () => task.destroy();
      if (stale) return;
      const proxy = await task.promise;
      const sizes: Size[] = [];
      for (let n = 1; n <= proxy.numPages && !stale; n++) {
        const vp = (await proxy.getPage(n)).getViewport({ scale: CSS_PX_PER_PT });
        sizes.push({ w: vp.width, h: vp.height });
      }
      if (stale) return;
      adopted = true;
      setDoc({ proxy, sizes });
    })()
      .catch((err: unknown) => {
        if (stale) return;
        setError(loadError(err));
        setDoc(null);
      })
      .finally(() => {
        if (!stale) setLoading(false);
      });
    return () => {
      stale = true;
      if (!adopted) void destroy?.();
    };
    // The source's identity is its bytes or its path: a new object for the same file loads nothing again.
  }, [source.kind, key]);

  // A replaced or unmounted document frees its worker-side copy.
  useEffect(() => {
    return () => void doc?.proxy.loadingTask.destroy();
  }, [doc]);

  return { doc, loading, error };
}

/** One page: a box of the page's size; drawn when near the visible area, its canvas freed when far from it. */
function PdfPage({
  proxy,
  pageNo,
  size,
  scale,
  root,
}: {
  proxy: PDFDocumentProxy;
  pageNo: number;
  size: Size;
  scale: number;
  root: HTMLElement;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    // One screen above and below counts as near: scrolling shows drawn pages, a long document keeps few canvases.
    const io = new IntersectionObserver((entries) => setNear(entries.some((e) => e.isIntersecting)), { root, rootMargin: '100% 0px' });
    io.observe(el);
    return () => io.disconnect();
  }, [root]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    if (!near) {
      for (const c of el.querySelectorAll('canvas')) c.width = c.height = 0;
      el.replaceChildren();
      delete el.dataset.rendered;
      return;
    }
    let stale = false;
    let task: RenderTask | null = null;
    (async () => {
      const page = await proxy.getPage(pageNo);
      if (stale) return;
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: scale * CSS_PX_PER_PT });
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = '100%';
      canvas.style.height = '100%';
      canvas.style.display = 'block';
      canvas.setAttribute('aria-label', `第 ${pageNo} 页`);
      task = page.render({ canvas, viewport, ...(ratio !== 1 ? { transform: [ratio, 0, 0, ratio, 0, 0] } : {}) });
      await task.promise;
      if (stale) return;
      // Swap only once drawn: the earlier canvas (other zoom or an earlier version) stays until then.
      for (const c of el.querySelectorAll('canvas')) c.width = c.height = 0;
      el.replaceChildren(canvas);
      el.dataset.rendered = 'true';
      setFailed(null);
    })().catch((err: unknown) => {
      if (!stale && !isCancelled(err)) setFailed(loadError(err));
    });
    return () => {
      stale = true;
      task?.cancel();
    };
  }, [near, proxy, pageNo, scale]);

  return (
    <div
      className="pdf-preview-page"
      data-page={pageNo}
      style={{
        width: size.w * scale,
        height: size.h * scale,
        margin: `0 auto ${GAP}px`,
        background: '#fff',
        boxShadow: '0 1px 4px rgba(0,0,0,0.25)',
        position: 'relative',
      }}
    >
      <div ref={box} style={{ width: '100%', height: '100%' }} />
      {failed ? (
        <Typography.Text type="danger" style={{ position: 'absolute', top: 16, left: 16, right: 16 }}>
          第 {pageNo} 页无法显示：{failed}
        </Typography.Text>
      ) : null}
    </div>
  );
}

export function PdfPreview({ source, height = 600 }: PdfPreviewProps) {
  const { doc, loading, error } = usePdfDocument(source);
  const [zoom, setZoom] = useState<Zoom>('fit');
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const [view, setView] = useState({ width: 0, height: 0 });
  const [current, setCurrent] = useState(1);
  const pages = doc?.sizes.length ?? 0;

  useEffect(() => {
    if (!scroller) return;
    const ro = new ResizeObserver(() => setView({ width: scroller.clientWidth, height: scroller.clientHeight }));
    ro.observe(scroller);
    return () => ro.disconnect();
  }, [scroller]);

  const scale = useMemo(() => {
    if (zoom === 'actual' || !doc || view.width <= 0) return 1;
    const byWidth = (view.width - 2 * PAD) / Math.max(...doc.sizes.map((s) => s.w));
    const byHeight = (view.height - 2 * PAD) / Math.max(...doc.sizes.map((s) => s.h));
    return Math.max(0.1, zoom === 'page' ? Math.min(byWidth, byHeight) : byWidth);
  }, [zoom, doc, view]);

  /** Top of each page inside the scroller, CSS px. */
  const tops = useMemo(() => {
    const out: number[] = [];
    let y = PAD;
    for (const s of doc?.sizes ?? []) {
      out.push(y);
      y += s.h * scale + GAP;
    }
    return out;
  }, [doc, scale]);

  const pageAt = useCallback(
    (scrollTop: number, viewHeight: number): number => {
      const probe = scrollTop + viewHeight * 0.3;
      let n = 1;
      tops.forEach((top, i) => {
        if (top <= probe) n = i + 1;
      });
      return n;
    },
    [tops],
  );

  useEffect(() => {
    if (scroller) setCurrent(Math.min(pageAt(scroller.scrollTop, scroller.clientHeight), Math.max(1, pages)));
  }, [scroller, pageAt, pages]);

  const goTo = (n: number): void => {
    if (!scroller || !pages) return;
    const page = Math.min(Math.max(1, n), pages);
    scroller.scrollTop = (tops[page - 1] ?? 0) - PAD / 2;
    setCurrent(page);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (!scroller || !pages || e.ctrlKey || e.altKey || e.metaKey) return;
    const at = pageAt(scroller.scrollTop, scroller.clientHeight);
    const target =
      e.key === 'PageDown'
        ? at + 1
        : e.key === 'PageUp'
          ? // Back to the top of this page first when it is scrolled part-way, as a reader expects.
            scroller.scrollTop > (tops[at - 1] ?? 0) - PAD / 2 + 4
            ? at
            : at - 1
          : e.key === 'Home'
            ? 1
            : e.key === 'End'
              ? pages
              : null;
    if (target === null) return;
    e.preventDefault();
    goTo(target);
  };

  const status = loading ? (
    <Flex align="center" gap={6} data-testid="pdf-loading">
      <Spin size="small" />
      <Typography.Text type="secondary">正在加载预览…</Typography.Text>
    </Flex>
  ) : null;

  return (
    <div className="pdf-preview" data-testid="pdf-preview" style={{ height, display: 'flex', flexDirection: 'column' }}>
      <Flex align="center" gap={12} style={{ height: TOOLBAR, flex: 'none' }} wrap={false}>
        <Typography.Text data-testid="pdf-page-count">{doc ? `共 ${pages} 页` : '共 — 页'}</Typography.Text>
        <Flex align="center" gap={4}>
          <Button
            size="small"
            icon={<UpOutlined />}
            title="上一页（PageUp）"
            aria-label="上一页"
            disabled={!doc || current <= 1}
            onClick={() => goTo(current - 1)}
          />
          <Typography.Text data-testid="pdf-current-page" className="desk-nowrap">
            第 {doc ? current : '—'} / {doc ? pages : '—'} 页
          </Typography.Text>
          <Button
            size="small"
            icon={<DownOutlined />}
            title="下一页（PageDown）"
            aria-label="下一页"
            disabled={!doc || current >= pages}
            onClick={() => goTo(current + 1)}
          />
        </Flex>
        <Segmented<Zoom>
          size="small"
          value={zoom}
          onChange={setZoom}
          options={[
            { label: '适合宽度', value: 'fit' },
            { label: '整页', value: 'page' },
            { label: '100%', value: 'actual' },
          ]}
          aria-label="缩放"
        />
        {status}
      </Flex>
      {error ? (
        <Alert type="error" showIcon title="无法显示预览" description={error} data-testid="pdf-error" style={{ marginBottom: 8 }} />
      ) : null}
      <div
        ref={setScroller}
        hidden={Boolean(error)}
        tabIndex={0}
        role="document"
        aria-label="PDF 预览（PageUp/PageDown 翻页）"
        data-testid="pdf-pages"
        onKeyDown={onKeyDown}
        onScroll={(e) => setCurrent(pageAt(e.currentTarget.scrollTop, e.currentTarget.clientHeight))}
        style={{ flex: 1, minHeight: 0, overflow: 'auto', background: '#e6e8eb', padding: PAD, borderRadius: 4, outlineOffset: -2 }}
      >
        {doc && scroller
          ? doc.sizes.map((size, i) => <PdfPage key={i} proxy={doc.proxy} pageNo={i + 1} size={size} scale={scale} root={scroller} />)
          : null}
        {!doc && !error && !loading ? <Typography.Text type="secondary">没有可显示的内容。</Typography.Text> : null}
      </div>
    </div>
  );
}
