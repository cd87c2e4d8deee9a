/**
 * The sentences Settings → Storage shows: whether the workspace is kept for good, and how much space it
 * uses. Pure, so each case's wording is tested without a screen.
 */
import { bytesText } from '../../core/sizes';
import type { Persistence, StorageUse } from '../../data/storage';

/** "2.4 MB of 1.2 GB (less than 1%)" */
export function useText(use: StorageUse): string {
  const percent = use.quota > 0 ? (use.usage / use.quota) * 100 : 100;
  const share = percent > 0 && percent < 1 ? 'less than 1%' : `${Math.min(100, Math.round(percent))}%`;
  return `${bytesText(use.usage)} of ${bytesText(use.quota)} (${share})`;
}

/** Past this share of the allowed space, Settings says the workspace is nearly full. */
export const NEARLY_FULL = 0.9;

export interface PersistenceText {
  tone: 'ok' | 'warn';
  title: string;
  detail: string;
}

export function persistenceText(persistence: Persistence, platform: 'electron' | 'browser'): PersistenceText {
  if (platform === 'electron') {
    return persistence === 'persistent'
      ? {
          tone: 'ok',
          title: 'The desktop app keeps this workspace for good.',
          detail: 'Its data is in the app’s own folder on this computer and is never cleared to free disk space. Backups still protect it from a lost or broken computer.',
        }
      : {
          tone: 'warn',
          title: 'This workspace may be cleared when disk space runs low.',
          detail: 'The storage of this installation does not report itself as kept for good. Keep backups.',
        };
  }
  switch (persistence) {
    case 'persistent':
      return {
        tone: 'ok',
        title: 'This browser keeps the workspace for good.',
        detail: 'It will not clear it to free disk space; only clearing this site’s data in the browser removes it. Keep backups all the same.',
      };
    case 'best-effort':
      return {
        tone: 'warn',
        title: 'The browser may clear this workspace when disk space runs low.',
        detail: 'It has not agreed to keep Attaché’s data for good. Keep backups, or install the desktop app, which keeps its data in its own folder.',
      };
    case 'unknown':
      return {
        tone: 'warn',
        title: 'This browser cannot say whether it keeps the workspace for good.',
        detail: 'It may clear it when disk space runs low. Keep backups, or install the desktop app, which keeps its data in its own folder.',
      };
  }
}
