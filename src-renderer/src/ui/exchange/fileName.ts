/**
 * Default names of the files the Exchange screen writes. A name says who sent it, to whom and when, so
 * that a folder of exchanged files (a USB stick, an e-mail thread) sorts and reads without opening them.
 */
import { todayIso } from '../../core/dates';
import { slug } from '../../core/text';
import { SYNC_FILE_EXTENSION } from '../../core/sync/file-type';

/** The save and open dialogs' filter, under the name the caller gives it in the interface's language. */
export const syncFilters = (name: string) => [{ name, extensions: [SYNC_FILE_EXTENSION] }];

/** `attache-<installation>-to-<colleague>-YYYY-MM-DD.attache`, or `…-full-…` for a full export. */
export function exportFileName(installation: string, colleague: string | undefined, now: Date = new Date()): string {
  const to = colleague?.trim() ? `to-${slug(colleague, 'colleague')}` : 'full';
  return `attache-${slug(installation, 'unnamed')}-${to}-${todayIso(now)}.${SYNC_FILE_EXTENSION}`;
}
