/**
 * In-app PDF preview (pdf.js): pages drawn to canvas as they scroll into view, page count and current page,
 * zoom 适合宽度 / 整页 / 100% and 放大/缩小 (+/−), PageUp/PageDown/Home/End, and for multi-page documents a column
 * of page thumbnails (drawn as they scroll into view too). One component for every document the app shows: a
 * file it exported (`{ kind: 'file', path }`, read through files.readExport) or bytes in hand (a live preview).
 * A new source keeps the pages drawn so far on screen until its own pages are drawn (no flicker while typing).
 *
 * Long documents (a 300-certificate batch): only page 1 is measured before the first page is drawn; every
 * other page takes page 1's size until its own is read in the background, and only pages within a screen of
 * the visible area hold a canvas (the others are empty boxes), so opening and scrolling stay quick.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Alert, Button, Flex, Segmented, Spin, Typography } from 'antd';
import { DownOutlined, MinusOutlined, PlusOutlined, UpOutlined } from '@ant-design/icons';
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
  /** A column of page thumbnails beside the pages when the document has more than one page. */
  thumbnails?: boolean;
  /** Shown at the right end of the toolbar (e.g. 打印, 另存为…). */
  actions?: ReactNode;
}

/** 适合宽度, 整页 (the whole page in view, to judge the layout), 100 % (printed size), or a chosen scale (放大/缩小). */
type Zoom = 'fit' | 'page' | 'actual' | number;
/** The scales 放大/缩小 step through. */
const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 1, 1.25, 1.5, 2, 3, 4];
/** Width of a thumbnail, CSS px, and of its column. */
const THUMB_W = 96;
const THUMB_COLUMN = THUMB_W + 40;
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

/**
 * Loads the source; the previous document stays until the next one is ready, then is destroyed. Only page 1 is
 * measured before the document is shown; the other pages' sizes are read once `measureRest` is true (the view
 * sets it when page 1 is drawn), so on pdf.js's one worker nothing queues ahead of the first page.
 */
function usePdfDocument(source: PdfSource, measureRest: boolean): { doc: Loaded | null; loading: boolean; error: string | null } {
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
      // Page 1 only, then show: the other pages take its size until their own is read (below).
      const vp = (await proxy.getPage(1)).getViewport({ scale: CSS_PX_PER_PT });
      const first: Size = { w: vp.width, h: vp.height };
      if (stale) return;
      adopted = true;
      setDoc({ proxy, sizes: Array.from({ length: proxy.numPages }, () => first) });
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

  // A replaced or unmounted document frees its worker-side copy (new sizes of the same document keep it).
  const proxy = doc?.proxy;
  useEffect(() => {
    return () => void proxy?.loadingTask.destroy();
  }, [proxy]);

  // The other pages' own sizes, in the background once page 1 is drawn (a batch may mix paper sizes).
  useEffect(() => {
    if (!proxy || !measureRest || proxy.numPages < 2) return;
    let stale = false;
    (async () => {
      const changes = new Map<number, Size>();
      const apply = (): void => {
        if (stale || changes.size === 0) return;
        const batch = new Map(changes);
        changes.clear();
        setDoc((d) => (d && d.proxy === proxy ? { proxy, sizes: d.sizes.map((s, i) => batch.get(i) ?? s) } : d));
      };
      const first = (await proxy.getPage(1)).getViewport({ scale: CSS_PX_PER_PT });
      for (let n = 2; n <= proxy.numPages && !stale; n++) {
        const vp = (await proxy.getPage(n)).getViewport({ scale: CSS_PX_PER_PT });
        if (Math.abs(vp.width - first.width) > 0.5 || Math.abs(vp.height - first.height) > 0.5)
          changes.set(n - 1, { w: vp.width, h: vp.height });
        if (n % 50 === 0) apply();
      }
      apply();
    })().catch(() => undefined); // a destroyed document: nothing more to measure
    return () => {
      stale = true;
    };
  }, [proxy, measureRest]);

  return { doc, loading, error };
}

/** One page: a box of the page's size; drawn when near the visible area, its canvas freed when far from it. */
function PdfPage({
  proxy,
  pageNo,
  size,
  scale,
  root,
  thumb = false,
  onDrawn,
}: {
  proxy: PDFDocumentProxy;
  pageNo: number;
  size: Size;
  scale: number;
  root: HTMLElement;
  /** A thumbnail: marked data-thumb (not data-page), no error text. */
  thumb?: boolean;
  /** Called each time the page has been drawn. */
  onDrawn?: () => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const onDrawnRef = useRef(onDrawn);
  onDrawnRef.current = onDrawn;

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
      if (!thumb) canvas.setAttribute('aria-label', `第 ${pageNo} 页`);
      task = page.render({ canvas, viewport, ...(ratio !== 1 ? { transform: [ratio, 0, 0, ratio, 0, 0] } : {}) });
      await task.promise;
      if (stale) return;
      // Swap only once drawn: the earlier canvas (other zoom or an earlier version) stays until then.
      for (const c of el.querySelectorAll('canvas')) c.width = c.height = 0;
      el.replaceChildren(canvas);
      el.dataset.rendered = 'true';
      setFailed(null);
      onDrawnRef.current?.();
    })().catch((err: unknown) => {
      if (!stale && !isCancelled(err)) setFailed(loadError(err));
    });
    return () => {
      stale = true;
      task?.cancel();
    };
  }, [near, proxy, pageNo, scale, thumb]);

  return (
    <div
      className={thumb ? 'pdf-preview-thumb' : 'pdf-preview-page'}
      {...(thumb ? { 'data-thumb': pageNo } : { 'data-page': pageNo })}
      style={{
        width: size.w * scale,
        height: size.h * scale,
        margin: thumb ? '0 auto' : `0 auto ${GAP}px`,
        background: '#fff',
        boxShadow: '0 1px 4px rgba(0,0,0,0.25)',
        position: 'relative',
      }}
    >
      <div ref={box} style={{ width: '100%', height: '100%' }} />
      {failed && !thumb ? (
        <Typography.Text type="danger" style={{ position: 'absolute', top: 16, left: 16, right: 16 }}>
          第 {pageNo} 页无法显示：{failed}
        </Typography.Text>
      ) : null}
    </div>
  );
}

/**
 * The thumbnail column: every page small, drawn as it scrolls into view (once the first page is drawn); the current page is marked and kept in
 * view. A click goes to the page (the keyboard pages through the document itself: PageUp/PageDown).
 */
function Thumbnails({
  doc,
  current,
  onPick,
  draw,
}: {
  doc: Loaded;
  current: number;
  onPick: (page: number) => void;
  /** Draw the thumbnails (false until the first page is drawn: it goes first on pdf.js's one worker). */
  draw: boolean;
}) {
  const [root, setRoot] = useState<HTMLDivElement | null>(null);
  useEffect(() => {
    const el = root?.querySelector<HTMLElement>(`[data-thumb-item="${current}"]`);
    if (!root || !el) return;
    if (el.offsetTop < root.scrollTop || el.offsetTop + el.offsetHeight > root.scrollTop + root.clientHeight)
      root.scrollTop = el.offsetTop - root.clientHeight / 2 + el.offsetHeight / 2;
  }, [root, current]);
  return (
    <div
      ref={setRoot}
      data-testid="pdf-thumbnails"
      aria-label="页面缩略图"
      style={{
        width: THUMB_COLUMN,
        flex: 'none',
        overflowY: 'auto',
        background: '#f4f5f7',
        borderRadius: 4,
        padding: '8px 0',
        position: 'relative',
      }}
    >
      {root
        ? doc.sizes.map((size, i) => (
            <button
              key={i}
              type="button"
              tabIndex={-1}
              data-thumb-item={i + 1}
              aria-label={`第 ${i + 1} 页`}
              aria-current={current === i + 1 ? 'page' : undefined}
              onClick={() => onPick(i + 1)}
              style={{
                display: 'block',
                width: THUMB_W + 16,
                margin: '0 auto 6px',
                padding: 4,
                border: `2px solid ${current === i + 1 ? '#1677ff' : 'transparent'}`,
                borderRadius: 4,
                background: 'transparent',
                cursor: 'pointer',
              }}
            >
              {draw ? (
                <PdfPage proxy={doc.proxy} pageNo={i + 1} size={size} scale={THUMB_W / size.w} root={root} thumb />
              ) : (
                <div style={{ width: THUMB_W, height: (size.h * THUMB_W) / size.w, margin: '0 auto', background: '#fff' }} />
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {i + 1}
              </Typography.Text>
            </button>
          ))
        : null}
    </div>
  );
}

export function PdfPreview({ source, height = 600, thumbnails = false, actions }: PdfPreviewProps) {
  /** The document whose first page has been drawn: thumbnails and the other pages' sizes wait for it. */
  const [drawnProxy, setDrawnProxy] = useState<PDFDocumentProxy | null>(null);
  const [measureRest, setMeasureRest] = useState(false);
  const { doc, loading, error } = usePdfDocument(source, measureRest);
  const firstDrawn = doc !== null && drawnProxy === doc.proxy;
  useEffect(() => setMeasureRest(firstDrawn), [firstDrawn]);
  const [zoom, setZoom] = useState<Zoom>('fit');
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const [view, setView] = useState({ width: 0, height: 0 });
  const [current, setCurrent] = useState(1);
  const pages = doc?.sizes.length ?? 0;
  /** After a zoom the clerk chose: the page to bring back into view once the pages have their new size. */
  const keepPage = useRef<number | null>(null);

  useEffect(() => {
    if (!scroller) return;
    const ro = new ResizeObserver(() => setView({ width: scroller.clientWidth, height: scroller.clientHeight }));
    ro.observe(scroller);
    return () => ro.disconnect();
  }, [scroller]);

  const scale = useMemo(() => {
    if (typeof zoom === 'number') return zoom;
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
      // Binary search: the last page whose top is above the probe (300 pages are searched on every scroll).
      let [lo, hi] = [0, tops.length - 1];
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (tops[mid]! <= probe) lo = mid;
        else hi = mid - 1;
      }
      return lo + 1;
    },
    [tops],
  );

  useEffect(() => {
    if (scroller) setCurrent(Math.min(pageAt(scroller.scrollTop, scroller.clientHeight), Math.max(1, pages)));
  }, [scroller, pageAt, pages]);

  useLayoutEffect(() => {
    const page = keepPage.current;
    if (page === null || !scroller) return;
    keepPage.current = null;
    scroller.scrollTop = (tops[page - 1] ?? 0) - PAD / 2;
    setCurrent(page);
  }, [tops, scroller]);

  const goTo = (n: number): void => {
    if (!scroller || !pages) return;
    const page = Math.min(Math.max(1, n), pages);
    scroller.scrollTop = (tops[page - 1] ?? 0) - PAD / 2;
    setCurrent(page);
  };

  const zoomTo = (z: Zoom): void => {
    keepPage.current = current;
    setZoom(z);
  };
  const zoomIn = (): void => zoomTo(ZOOM_STEPS.find((z) => z > scale + 0.001) ?? ZOOM_STEPS.at(-1)!);
  const zoomOut = (): void => zoomTo([...ZOOM_STEPS].reverse().find((z) => z < scale - 0.001) ?? ZOOM_STEPS[0]!);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (!scroller || !pages || e.ctrlKey || e.altKey || e.metaKey) return;
    if (e.key === '+' || e.key === '=' || e.key === '-') {
      e.preventDefault();
      if (e.key === '-') zoomOut();
      else zoomIn();
      return;
    }
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
      {/* One row in the preview dialog; wraps in a narrow column (the templates page) instead of overflowing. */}
      <Flex align="center" gap={12} style={{ minHeight: TOOLBAR, flex: 'none', rowGap: 4, paddingBlock: 4 }} wrap>
        <Typography.Text data-testid="pdf-page-count" className="desk-nowrap">
          {doc ? `共 ${pages} 页` : '共 — 页'}
        </Typography.Text>
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
          onChange={zoomTo}
          options={[
            { label: '适合宽度', value: 'fit' },
            { label: '整页', value: 'page' },
            { label: '100%', value: 'actual' },
          ]}
          aria-label="缩放"
        />
        <Flex align="center" gap={4}>
          <Button size="small" icon={<MinusOutlined />} title="缩小（-）" aria-label="缩小" disabled={!doc} onClick={zoomOut} />
          <Typography.Text data-testid="pdf-zoom" className="desk-nowrap" style={{ minWidth: 40, textAlign: 'center' }}>
            {doc ? `${Math.round(scale * 100)}%` : '—'}
          </Typography.Text>
          <Button size="small" icon={<PlusOutlined />} title="放大（+）" aria-label="放大" disabled={!doc} onClick={zoomIn} />
        </Flex>
        {status}
        {actions ? (
          <Flex align="center" gap={8} style={{ marginLeft: 'auto' }}>
            {actions}
          </Flex>
        ) : null}
      </Flex>
      {error ? (
        <Alert type="error" showIcon title="无法显示预览" description={error} data-testid="pdf-error" style={{ marginBottom: 8 }} />
      ) : null}
      <Flex gap={8} style={{ flex: 1, minHeight: 0, ...(error ? { display: 'none' } : {}) }}>
        {thumbnails && doc && pages > 1 ? <Thumbnails doc={doc} current={current} onPick={goTo} draw={firstDrawn} /> : null}
        <div
          ref={setScroller}
          tabIndex={0}
          role="document"
          aria-label="PDF 预览（PageUp/PageDown 翻页，+/- 缩放）"
          data-testid="pdf-pages"
          onKeyDown={onKeyDown}
          onScroll={(e) => setCurrent(pageAt(e.currentTarget.scrollTop, e.currentTarget.clientHeight))}
          style={{
            flex: 1,
            minWidth: 0,
            overflow: 'auto',
            background: '#e6e8eb',
            padding: PAD,
            borderRadius: 4,
            outlineOffset: -2,
          }}
        >
          {doc && scroller
            ? doc.sizes.map((size, i) => (
                <PdfPage
                  key={i}
                  proxy={doc.proxy}
                  pageNo={i + 1}
                  size={size}
                  scale={scale}
                  root={scroller}
                  onDrawn={firstDrawn ? undefined : () => setDrawnProxy(doc.proxy)}
                />
              ))
            : null}
          {!doc && !error && !loading ? <Typography.Text type="secondary">没有可显示的内容。</Typography.Text> : null}
        </div>
      </Flex>
    </div>
  );
}
