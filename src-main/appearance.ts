import { readFileSync } from 'node:fs';
import { BrowserWindow, nativeTheme } from 'electron';
import { writeFileAtomic } from './atomic-write';

/**
 * The window's colour theme as the renderer's Settings → Appearance chose it ('system', 'light', 'dark'),
 * kept by the main process too so the next start paints the right colour before the page has loaded: a
 * dark room never sees a pale window. `nativeTheme.themeSource` also turns the native menus, dialogs and
 * scroll bars dark or light with the page.
 */
export type WindowTheme = 'system' | 'light' | 'dark';
export const WINDOW_THEMES: readonly WindowTheme[] = ['system', 'light', 'dark'];

// tokens.css's --canvas in each theme: what the page paints first.
const CANVAS = { light: '#f5f6f8', dark: '#11151c' } as const;

export function isWindowTheme(value: unknown): value is WindowTheme {
  return typeof value === 'string' && (WINDOW_THEMES as readonly string[]).includes(value);
}

/** The saved choice, or 'system' when none was kept or the file is unreadable. */
export function readWindowTheme(file: string): WindowTheme {
  try {
    const saved = (JSON.parse(readFileSync(file, 'utf8')) as { theme?: unknown }).theme;
    return isWindowTheme(saved) ? saved : 'system';
  } catch {
    return 'system';
  }
}

/** The colour a new or resized window shows before the page paints. */
export function windowBackground(): string {
  return nativeTheme.shouldUseDarkColors ? CANVAS.dark : CANVAS.light;
}

/** Apply a choice to the native theme and every window now. */
export function applyWindowTheme(theme: WindowTheme): void {
  nativeTheme.themeSource = theme;
  for (const win of BrowserWindow.getAllWindows()) win.setBackgroundColor(windowBackground());
}

/** Apply and keep a choice the renderer reported (only when it changed: the renderer reports it at every start). */
export async function keepWindowTheme(file: string, theme: WindowTheme): Promise<void> {
  if (theme === readWindowTheme(file) && nativeTheme.themeSource === theme) return;
  applyWindowTheme(theme);
  await writeFileAtomic(file, new TextEncoder().encode(JSON.stringify({ theme })));
}
