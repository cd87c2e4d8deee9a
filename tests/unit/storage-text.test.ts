/** Settings → Storage's wording (ui/settings/storageText.ts): sizes in human units, and each persistence case. */
import { describe, expect, it } from 'vitest';
import { bytesText } from '../../src-renderer/src/core/sizes';
import { persistenceText, useText } from '../../src-renderer/src/ui/settings/storageText';

describe('storage sizes', () => {
  it('are written in binary units with one decimal below ten', () => {
    const cases: [number, string][] = [
      [0, '0 bytes'],
      [512, '512 bytes'],
      [1024, '1 KB'],
      [1536, '1.5 KB'],
      [73_728, '72 KB'],
      [2.4 * 2 ** 20, '2.4 MB'],
      [9.96 * 2 ** 20, '10 MB'],
      [240 * 2 ** 20, '240 MB'],
      [10 * 2 ** 30, '10 GB'],
      [3 * 2 ** 40, '3 TB'],
    ];
    for (const [bytes, text] of cases) expect(bytesText(bytes), String(bytes)).toBe(text);
  });

  it('give the share of the allowed space used', () => {
    expect(useText({ usage: 73_728, quota: 10 * 2 ** 30 })).toBe('72 KB of 10 GB (less than 1%)');
    expect(useText({ usage: 0, quota: 2 ** 30 })).toBe('0 bytes of 1 GB (0%)');
    expect(useText({ usage: 900 * 2 ** 20, quota: 2 ** 30 })).toBe('900 MB of 1 GB (88%)');
    expect(useText({ usage: 2 ** 20, quota: 0 })).toBe('1 MB of 0 bytes (100%)');
  });
});

describe('persistence wording', () => {
  it('warns in the browser unless it keeps the workspace for good, and points to backups or the desktop app', () => {
    expect(persistenceText('persistent', 'browser').tone).toBe('ok');
    for (const p of ['best-effort', 'unknown'] as const) {
      const t = persistenceText(p, 'browser');
      expect(t.tone).toBe('warn');
      expect(`${t.title} ${t.detail}`).toMatch(/may clear|cannot say/);
      expect(t.detail).toMatch(/Keep backups, or install the desktop app/);
    }
    expect(persistenceText('best-effort', 'browser').title).toBe('The browser may clear this workspace when disk space runs low.');
  });

  it('speaks of the desktop app, not a browser, in Electron', () => {
    expect(persistenceText('persistent', 'electron')).toMatchObject({ tone: 'ok', title: 'The desktop app keeps this workspace for good.' });
    expect(persistenceText('best-effort', 'electron').tone).toBe('warn');
    for (const p of ['persistent', 'best-effort', 'unknown'] as const) expect(JSON.stringify(persistenceText(p, 'electron'))).not.toMatch(/browser/);
  });
});
