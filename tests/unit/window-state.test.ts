import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWindowState, restoreWindowState, trackWindowState, type Rect, type TrackedWindow } from '../../src-main/window-state';

const laptop: Rect = { x: 0, y: 0, width: 1366, height: 740 };
const external: Rect = { x: 1366, y: 0, width: 2560, height: 1400 };

describe('the window opens where it was left', () => {
  it('keeps a place that is still on a screen, maximised or not', () => {
    const saved = { bounds: { x: 1500, y: 100, width: 1400, height: 900 }, maximized: true };
    expect(restoreWindowState(saved, [laptop, external])).toEqual(saved);
  });

  it('centres the default size when the monitor it was on is gone', () => {
    const saved = { bounds: { x: 1500, y: 100, width: 1400, height: 900 }, maximized: false };
    expect(restoreWindowState(saved, [laptop])).toEqual({ bounds: { x: 43, y: 0, width: 1280, height: 740 }, maximized: false });
  });

  it('pulls a window hanging off the edge back inside, and never below the minimum size', () => {
    const saved = { bounds: { x: 1000, y: 500, width: 300, height: 200 }, maximized: false };
    expect(restoreWindowState(saved, [laptop])).toEqual({ bounds: { x: 566, y: 180, width: 800, height: 560 }, maximized: false });
  });

  it('ignores a damaged or hand-edited file', () => {
    const centred = restoreWindowState(undefined, [laptop]);
    for (const bad of [null, 'x', { bounds: { x: 'a', y: 0, width: 100, height: 100 } }, { bounds: { x: 0, y: 0, width: Infinity, height: 1 } }]) {
      expect(restoreWindowState(bad, [laptop])).toEqual(centred);
    }
  });

  const dir = mkdtempSync(join(tmpdir(), 'attache-window-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is saved when the window closes and read back at the next start', async () => {
    const file = join(dir, 'window-state.json');
    const listeners = new Map<string, () => void>();
    let bounds: Rect = { x: 10, y: 20, width: 1000, height: 700 };
    let destroyed = false;
    const win: TrackedWindow = {
      getNormalBounds: () => bounds,
      isMaximized: () => false,
      isDestroyed: () => destroyed,
      on: (event, listener) => listeners.set(event, listener),
    };
    const flush = trackWindowState(win, file, 50);
    bounds = { x: 30, y: 40, width: 1100, height: 720 };
    listeners.get('move')!();
    listeners.get('close')!();
    destroyed = true;
    await flush();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ bounds: { x: 30, y: 40, width: 1100, height: 720 }, maximized: false });
    // On the 740-pixel laptop screen the 720-pixel window is pulled up so its bottom edge stays on screen.
    expect(readWindowState(file, [laptop])).toEqual({ bounds: { x: 30, y: 20, width: 1100, height: 720 }, maximized: false });
    expect(readWindowState(join(dir, 'missing.json'), [laptop]).bounds.width).toBe(1280);
  });
});
