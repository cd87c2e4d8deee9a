/**
 * The live sync status line, always visible while live sync is on: what the replicator is doing, in one
 * sentence per state. Whole sentences with placeholders, never fragments glued together, so a translator can
 * reorder them.
 */

import { translate, type Locale } from '../i18n';

export type LiveState = 'off' | 'connecting' | 'syncing' | 'connected' | 'offline' | 'refused';

export interface LiveStatus {
  state: LiveState;
  /** Records being sent or received in the current step (syncing). */
  pending: number;
  /** ISO time of the last pass that completed both ways, '' if none yet. */
  lastSyncedAt: string;
  /** Why it is offline or refused, one sentence. */
  reason: string;
  /** Records that stay on this computer because of the database's classification ceiling (last push pass). */
  withheld: number;
  /** Documents on the server that could not be opened with the team key and were not taken. */
  unreadable: number;
  /** The database's classification ceiling (a level id), once connected; null for none. */
  ceiling?: string | null;
}

export const OFF: LiveStatus = { state: 'off', pending: 0, lastSyncedAt: '', reason: '', withheld: 0, unreadable: 0 };

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

/** `time` formats an ISO time for the reader (the UI passes its locale's formatter); `locale` is the sentence's language. */
export function statusLine(s: LiveStatus, time: (iso: string) => string = (iso) => iso, locale: Locale = 'en'): string {
  const at = s.lastSyncedAt ? time(s.lastSyncedAt) : '';
  switch (s.state) {
    case 'off':
      return translate(locale, 'shell.live.off');
    case 'connecting':
      return translate(locale, 'shell.live.connecting');
    case 'syncing':
      return translate(locale, 'shell.live.syncing', { count: s.pending });
    case 'connected':
      return at ? translate(locale, 'shell.live.connectedAt', { at }) : translate(locale, 'shell.live.connected');
    case 'offline':
      return at ? translate(locale, 'shell.live.offlineAt', { reason: s.reason, at }) : translate(locale, 'shell.live.offline', { reason: s.reason });
    case 'refused':
      return translate(locale, 'shell.live.refused', { reason: s.reason });
  }
}

/** The ceiling's effect, said where the user can see it. */
export function withheldLine(withheld: number, ceilingLabel: string): string {
  if (!withheld) return '';
  return withheld === 1
    ? fill('1 record stays on this computer: it is classified above this database’s ceiling ({ceiling}).', { ceiling: ceilingLabel })
    : fill('{n} records stay on this computer: they are classified above this database’s ceiling ({ceiling}).', { n: withheld, ceiling: ceilingLabel });
}
