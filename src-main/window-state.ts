/**
 * The main window's size, position and maximised state, remembered across launches in the profile folder.
 * The rule that decides where a remembered window may go is pure (no Electron), so it is tested without
 * the binary: a window saved on a monitor that is gone, or a file edited by hand, never opens off screen.
 */
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from './atomic-write';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 840 } as const;
export const MIN_SIZE = { width: 800, height: 560 } as const;
/** How much of the window (its top edge, where the title bar is) must lie on a screen for it to be reachable. */
const VISIBLE_MARGIN = 64;

function isFiniteInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 1e6;
}

function overlap(a: Rect, b: Rect): Rect {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return { x, y, width: Math.min(a.x + a.width, b.x + b.width) - x, height: Math.min(a.y + a.height, b.y + b.height) - y };
}

/**
 * Where the window opens: the remembered bounds when they are well-formed and their top edge lies on one of
 * the screens now attached (clamped to that screen's size), otherwise the default size centred on the
 * primary screen. `workAreas[0]` is the primary screen.
 */
export function restoreWindowState(saved: unknown, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  const fallback = (): WindowState => {
    const width = Math.min(DEFAULT_SIZE.width, primary.width);
    const height = Math.min(DEFAULT_SIZE.height, primary.height);
    const x = primary.x + Math.round((primary.width - width) / 2);
    const y = primary.y + Math.round((primary.height - height) / 2);
    return { bounds: { x, y, width, height }, maximized: false };
  };
  if (typeof saved !== 'object' || saved === null) return fallback();
  const { bounds, maximized } = saved as { bounds?: Partial<Rect>; maximized?: unknown };
  if (!bounds || ![bounds.x, bounds.y, bounds.width, bounds.height].every(isFiniteInt)) return fallback();
  const rect = bounds as Rect;
  const titleBar = { x: rect.x, y: rect.y, width: rect.width, height: Math.min(VISIBLE_MARGIN, rect.height) };
  const screen = workAreas.find((area) => {
    const o = overlap(titleBar, area);
    return o.width >= VISIBLE_MARGIN && o.height > 0;
  });
  if (!screen) return fallback();
  const width = Math.min(Math.max(rect.width, MIN_SIZE.width), screen.width);
  const height = Math.min(Math.max(rect.height, MIN_SIZE.height), screen.height);
  // Pull the window back inside the screen it is on, so a bottom or right edge never hangs off it.
  const x = Math.min(Math.max(rect.x, screen.x), screen.x + screen.width - width);
  const y = Math.min(Math.max(rect.y, screen.y), screen.y + screen.height - height);
  return { bounds: { x, y, width, height }, maximized: maximized === true };
}

export function readWindowState(file: string, workAreas: readonly Rect[]): WindowState {
  let saved: unknown;
  try {
    saved = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    saved = undefined; // first launch, or an unreadable file: the default place is right either way
  }
  return restoreWindowState(saved, workAreas);
}

/** The subset of BrowserWindow this needs, so it is tested with a plain object. */
export interface TrackedWindow {
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isDestroyed(): boolean;
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
}

/**
 * Saves the window's state shortly after it stops moving or resizing, and when it closes. Returns `flush`:
 * it saves the state now (if the window is still open) and resolves once every save is on disk; the app
 * awaits it before quitting, because quitting from the menu closes the window only after 'before-quit'.
 */
export function trackWindowState(win: TrackedWindow, file: string, delayMs = 500): () => Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    if (win.isDestroyed()) return;
    const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
    const bytes = new TextEncoder().encode(JSON.stringify(state));
    writing = writing.then(() => writeFileAtomic(file, bytes)).catch((error: unknown) => {
      // Losing the window's place is not worth interrupting anyone for.
      console.warn('[attache] could not remember the window position:', error);
    });
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  };
  for (const event of ['resize', 'move'] as const) win.on(event, later);
  for (const event of ['maximize', 'unmaximize', 'close'] as const) win.on(event, save);
  return () => {
    if (timer !== undefined || !win.isDestroyed()) save();
    return writing;
  };
}
