import { Fragment, useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { Breadcrumb, Button, Empty, Flex, Modal, Spin, Typography } from 'antd';
import {
  ArrowUpOutlined,
  DesktopOutlined,
  ExportOutlined,
  FileOutlined,
  FileZipOutlined,
  FolderFilled,
  FolderOutlined,
  HddOutlined,
  HomeOutlined,
} from '@ant-design/icons';
import type { LocalEntry, LocalListing, LocalPlace, LocalPlaceKind } from '../../electron/core/contract/index.js';
import { desk } from '../rpc';
import { formatDateTime, formatSize } from '../format';
import { ErrorAlert } from './ErrorAlert';
import { refocusAutoFocus } from './refocusAutoFocus';

export type PickKind = 'folder' | 'file';

interface Props {
  open: boolean;
  pick: PickKind;
  /** File endings shown when picking a file, e.g. ['.zip'] (all files when absent). */
  extensions?: string[];
  /** What is typed in the field: the picker starts there (or in its folder). */
  initialPath?: string;
  onPick: (path: string) => void;
  onClose: () => void;
}

const PLACE_ICONS: Record<LocalPlaceKind, ReactNode> = {
  home: <HomeOutlined />,
  desktop: <DesktopOutlined />,
  documents: <FolderOutlined />,
  exports: <ExportOutlined />,
  drive: <HddOutlined />,
};

/** Rows the list moves by on PageUp/PageDown. */
const PAGE = 10;
const ROW_COLUMNS = '20px minmax(0, 1fr) 76px 112px';

/** The folder a typed path sits in (`E:\备份\x.zip` → `E:\备份`, `/media/usb` → `/media`), or null at a root. */
export function parentOfTyped(p: string): string | null {
  const t = p.trim().replace(/[\\/]+$/, '');
  const i = Math.max(t.lastIndexOf('/'), t.lastIndexOf('\\'));
  if (i < 0) return null;
  const head = t.slice(0, i);
  if (head === '') return t[0] ?? null; // `/x` → `/`
  if (/^[A-Za-z]:$/.test(head)) return `${head}\\`;
  return head;
}

/** The root of the home folder (`/`, `C:\`): a drive there is the computer's own disk, not a USB stick. */
function rootOf(p: string): string {
  return /^[A-Za-z]:/.test(p) ? `${p.slice(0, 2).toUpperCase()}\\` : '/';
}

function firstRemovable(places: LocalPlace[]): LocalPlace | undefined {
  const home = places.find((p) => p.kind === 'home');
  const root = home ? rootOf(home.path) : null;
  return places.find((p) => p.kind === 'drive' && p.path.toUpperCase() !== root);
}

function fileIcon(name: string): ReactNode {
  return /\.zip$/i.test(name) ? <FileZipOutlined /> : <FileOutlined />;
}

/**
 * 浏览…: pick a folder or a file on this computer (the API lists it, so the desktop app and the web host behave
 * the same). Places on the left, the path as a breadcrumb with 上一级, the folder's entries in a keyboard list:
 * ↑/↓ move, Enter opens a folder or picks a file, Backspace goes up, Esc cancels.
 */
export function PathPickerModal({ open, pick, extensions, initialPath, onPick, onClose }: Props) {
  const [places, setPlaces] = useState<LocalPlace[]>([]);
  const [listing, setListing] = useState<LocalListing | null>(null);
  const [active, setActive] = useState(-1);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const request = useRef(0);
  const baseId = useId();
  const optionId = (i: number) => `${baseId}-entry-${i}`;
  const extKey = (extensions ?? []).join('|');

  const list = useCallback(
    (path: string) => desk.call('localPaths.list', { path, pick, ...(extKey ? { extensions: extKey.split('|') } : {}) }),
    [pick, extKey],
  );

  /** Show a listing; the active row is `focusPath` (the folder we came up from), the selected file, or the first. */
  const show = useCallback((out: LocalListing, focusPath?: string) => {
    setListing(out);
    const want = focusPath ?? out.selected;
    const at = want ? out.entries.findIndex((e) => e.path === want) : -1;
    setActive(at >= 0 ? at : out.entries.length ? 0 : -1);
  }, []);

  /** Open a folder (or a file's folder). Failures leave the current listing in place with the error above it. */
  const go = useCallback(
    async (path: string, opts: { focusPath?: string; focusList?: boolean } = {}) => {
      const ticket = ++request.current;
      setLoading(true);
      try {
        const out = await list(path);
        if (ticket !== request.current) return;
        setError(null);
        show(out, opts.focusPath);
        if (opts.focusList) listRef.current?.focus({ preventScroll: true });
      } catch (err) {
        if (ticket === request.current) setError(err);
      } finally {
        if (ticket === request.current) setLoading(false);
      }
    },
    [list, show],
  );

  // Opening: the places, then the start folder — the typed path (or its folder), else the first USB stick/drive, else home.
  useEffect(() => {
    if (!open) return;
    const ticket = ++request.current;
    setListing(null);
    setActive(-1);
    setError(null);
    setLoading(true);
    void (async () => {
      let found: LocalPlace[] = [];
      try {
        found = await desk.call('localPaths.places', {});
      } catch {
        /* the list below still starts at home (`~`) */
      }
      if (ticket !== request.current) return;
      setPlaces(found);
      const typed = initialPath?.trim() ?? '';
      const parent = typed ? parentOfTyped(typed) : null;
      const starts = [typed, parent, firstRemovable(found)?.path, found.find((p) => p.kind === 'home')?.path ?? '~'].filter(
        (p): p is string => !!p,
      );
      let lastError: unknown = null;
      for (const start of starts) {
        try {
          const out = await list(start);
          if (ticket !== request.current) return;
          show(out);
          setLoading(false);
          return;
        } catch (err) {
          lastError = err;
        }
      }
      if (ticket !== request.current) return;
      setError(lastError);
      setLoading(false);
    })();
    // initialPath is read when the picker opens, not followed while it is open
  }, [open, list, show]);

  useEffect(() => {
    if (active >= 0) document.getElementById(`${baseId}-entry-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, listing, baseId]);

  const entries = listing?.entries ?? [];
  const current = active >= 0 ? entries[active] : undefined;
  const pickedFile = pick === 'file' && current?.kind === 'file' ? current : undefined;

  const up = () => {
    if (listing?.parent) void go(listing.parent, { focusPath: listing.path, focusList: true });
  };

  const choose = (entry: LocalEntry) => {
    if (entry.kind === 'folder') void go(entry.path, { focusList: true });
    else onPick(entry.path);
  };

  const onListKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const last = entries.length - 1;
    const move = (to: number) => {
      e.preventDefault();
      if (last >= 0) setActive(Math.max(0, Math.min(last, to)));
    };
    switch (e.key) {
      case 'ArrowDown':
        return move(active + 1);
      case 'ArrowUp':
        return move(active <= 0 ? 0 : active - 1);
      case 'PageDown':
        return move(active + PAGE);
      case 'PageUp':
        return move(active - PAGE);
      case 'Home':
        return move(0);
      case 'End':
        return move(last);
      case 'Enter':
        e.preventDefault();
        if (current && !loading) choose(current);
        return;
      case 'Backspace':
        e.preventDefault();
        if (!loading) up();
        return;
      default:
    }
  };

  const onEntryClick = (e: MouseEvent, entry: LocalEntry, i: number) => {
    if (e.detail > 1) return; // the rest of a double-click: the folder is already opening
    setActive(i);
    listRef.current?.focus({ preventScroll: true });
    if (entry.kind === 'folder') void go(entry.path, { focusList: true });
  };

  const what = pick === 'folder' ? '文件夹' : extensions?.length ? `${extensions.join('、')} 文件` : '文件';
  const hint =
    pick === 'folder'
      ? '单击文件夹打开；进入要选择的文件夹后，点“选择此文件夹”。键盘：↑/↓ 移动，回车打开，退格返回上一级，Esc 取消。'
      : `只显示文件夹和 ${what}。单击文件夹打开，双击文件选择。键盘：↑/↓ 移动，回车打开或选择，退格返回上一级，Esc 取消。`;
  const target = pick === 'folder' ? listing?.path : pickedFile?.path;

  return (
    <Modal
      open={open}
      afterOpenChange={refocusAutoFocus}
      title={pick === 'folder' ? '选择文件夹' : '选择文件'}
      width={760}
      onCancel={onClose}
      destroyOnHidden
      keyboard
      styles={{ body: { paddingTop: 4 } }}
      footer={
        <Flex align="center" gap={8}>
          <Typography.Text
            type="secondary"
            style={{ flex: 1, minWidth: 0, textAlign: 'left', fontSize: 12, overflowWrap: 'anywhere' }}
            data-testid="path-picker-target"
          >
            {target ? `将选择：${target}` : pick === 'file' ? `请选择一个${what}` : ''}
          </Typography.Text>
          <Button onClick={onClose}>取消</Button>
          {pick === 'folder' ? (
            <Button type="primary" disabled={!listing || loading} onClick={() => listing && onPick(listing.path)}>
              选择此文件夹
            </Button>
          ) : (
            <Button type="primary" disabled={!pickedFile || loading} onClick={() => pickedFile && onPick(pickedFile.path)}>
              选择
            </Button>
          )}
        </Flex>
      }
    >
      <Flex gap={12} style={{ height: 'min(50vh, 460px)', minHeight: 260 }}>
        <nav
          aria-label="常用位置"
          style={{ width: 172, flex: 'none', overflowY: 'auto', borderRight: '1px solid #f0f0f0', paddingRight: 8 }}
        >
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, margin: '4px 0 4px 8px' }}>
            常用位置
          </Typography.Text>
          {places.map((p, i) => {
            const here = listing?.path === p.path;
            const firstDrive = p.kind === 'drive' && places[i - 1]?.kind !== 'drive';
            return (
              <Fragment key={`${p.kind}:${p.path}`}>
                {firstDrive ? (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, margin: '12px 0 4px 8px' }}>
                    磁盘与U盘
                  </Typography.Text>
                ) : null}
                <Button
                  type={here ? 'default' : 'text'}
                  block
                  icon={PLACE_ICONS[p.kind]}
                  title={p.path}
                  aria-current={here || undefined}
                  onClick={() => void go(p.path, { focusList: true })}
                  style={{ justifyContent: 'flex-start', marginBottom: 2, overflow: 'hidden', background: here ? '#e6f4ff' : undefined }}
                >
                  <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{p.label}</span>
                </Button>
              </Fragment>
            );
          })}
        </nav>
        <Flex vertical gap={8} style={{ flex: 1, minWidth: 0 }}>
          <Flex align="center" gap={8}>
            <Button size="small" icon={<ArrowUpOutlined />} disabled={!listing?.parent || loading} onClick={up}>
              上一级
            </Button>
            <nav aria-label="当前位置" data-testid="path-picker-crumbs" style={{ flex: 1, minWidth: 0, maxHeight: 48, overflowY: 'auto' }}>
              <Breadcrumb
                separator="›"
                items={(listing?.crumbs ?? []).map((c, i, all) => ({
                  key: c.path,
                  title:
                    i === all.length - 1 ? (
                      <Typography.Text strong aria-current="location">
                        {c.name}
                      </Typography.Text>
                    ) : (
                      <Button
                        type="link"
                        size="small"
                        style={{ padding: 0, height: 'auto' }}
                        onClick={() => void go(c.path, { focusList: true })}
                      >
                        {c.name}
                      </Button>
                    ),
                }))}
              />
            </nav>
          </Flex>
          {error ? (
            <div style={{ marginBottom: -8 }}>
              <ErrorAlert error={error} title="无法打开" onClose={() => setError(null)} />
            </div>
          ) : null}
          <div
            style={{
              position: 'relative',
              flex: 1,
              minHeight: 0,
              border: '1px solid #d9d9d9',
              borderRadius: 6,
              display: 'flex',
              flexDirection: 'column',
              overflow: 'hidden',
            }}
          >
            <div
              aria-hidden
              style={{
                display: 'grid',
                gridTemplateColumns: ROW_COLUMNS,
                gap: 8,
                padding: '4px 10px',
                background: '#fafafa',
                borderBottom: '1px solid #f0f0f0',
                fontSize: 12,
                color: 'rgba(0,0,0,0.45)',
              }}
            >
              <span />
              <span>名称</span>
              <span style={{ textAlign: 'right' }}>大小</span>
              <span>修改日期</span>
            </div>
            <div
              ref={listRef}
              role="listbox"
              aria-label={`${listing?.path ?? ''} 中的${pick === 'folder' ? '文件夹' : '文件夹和文件'}`}
              aria-activedescendant={current ? optionId(active) : undefined}
              tabIndex={0}
              autoFocus
              data-autofocus
              data-testid="path-picker-list"
              onKeyDown={onListKey}
              style={{ flex: 1, overflowY: 'auto', outline: 'none' }}
            >
              {entries.map((entry, i) => {
                const isActive = i === active;
                return (
                  <div
                    key={entry.path}
                    id={optionId(i)}
                    role="option"
                    aria-selected={isActive}
                    title={entry.path}
                    onClick={(e) => onEntryClick(e, entry, i)}
                    onDoubleClick={() => entry.kind === 'file' && onPick(entry.path)}
                    style={{
                      display: 'grid',
                      gridTemplateColumns: ROW_COLUMNS,
                      gap: 8,
                      alignItems: 'start',
                      padding: '4px 10px',
                      cursor: 'pointer',
                      userSelect: 'none',
                      background: isActive ? '#e6f4ff' : undefined,
                      boxShadow: isActive ? 'inset 2px 0 0 #1677ff' : undefined,
                    }}
                  >
                    <span style={{ color: entry.kind === 'folder' ? '#faad14' : '#1677ff' }}>
                      {entry.kind === 'folder' ? <FolderFilled /> : fileIcon(entry.name)}
                    </span>
                    {/* long names wrap: backups on one stick differ only in the date at the end */}
                    <span style={{ overflowWrap: 'anywhere' }}>{entry.name}</span>
                    <span style={{ textAlign: 'right', color: 'rgba(0,0,0,0.45)', whiteSpace: 'nowrap' }}>
                      {entry.size === undefined ? '' : formatSize(entry.size)}
                    </span>
                    <span style={{ color: 'rgba(0,0,0,0.45)', whiteSpace: 'nowrap' }} title={formatDateTime(entry.modifiedAt)}>
                      {formatDateTime(entry.modifiedAt).split(' ')[0]}
                    </span>
                  </div>
                );
              })}
              {listing && !entries.length ? (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={pick === 'folder' ? '此文件夹中没有子文件夹' : `此文件夹中没有子文件夹或 ${what}`}
                />
              ) : null}
              {listing?.truncated ? (
                <Typography.Text type="warning" style={{ display: 'block', padding: '6px 10px' }}>
                  此文件夹内容过多，只列出前 {entries.length} 项；请打开下一级文件夹或直接在输入框中填写路径。
                </Typography.Text>
              ) : null}
            </div>
            {loading ? (
              <Flex align="center" justify="center" style={{ position: 'absolute', inset: 0 }}>
                <Spin delay={150} />
              </Flex>
            ) : null}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {hint}
          </Typography.Text>
        </Flex>
      </Flex>
    </Modal>
  );
}
