import { defaultLetterhead } from './letterhead';
import type { ClassificationLevel, SettingsFields } from './model';
import { firstOccurrences } from './first-occurrences';

/** A common default; each mission replaces it with its own scheme in Settings. */
export const DEFAULT_LEVELS: ClassificationLevel[] = [
  { id: 'unclassified', label: 'UNCLASSIFIED' },
  { id: 'restricted', label: 'RESTRICTED' },
  { id: 'confidential', label: 'CONFIDENTIAL' },
  { id: 'secret', label: 'SECRET' },
];

export const DEFAULT_SETTINGS: SettingsFields = {
  classificationLevels: DEFAULT_LEVELS,
  defaultClassification: 'unclassified',
  ...defaultLetterhead(),
};

/** Rank of a level in the ordered list; unknown levels rank above everything so a ceiling never lets them through. */
export function levelRank(levels: readonly ClassificationLevel[], id: string): number {
  const i = levels.findIndex((l) => l.id === id);
  return i === -1 ? levels.length : i;
}

export function levelLabel(levels: readonly ClassificationLevel[], id: string): string {
  return levels.find((l) => l.id === id)?.label ?? id.toUpperCase();
}

export function withinCeiling(levels: readonly ClassificationLevel[], id: string, ceiling: string): boolean {
  return levelRank(levels, id) <= levelRank(levels, ceiling);
}

/** The most restrictive of the given levels (the banner of a document that includes them all). */
export function highestLevel(levels: readonly ClassificationLevel[], ids: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const id of ids) if (best === undefined || levelRank(levels, id) > levelRank(levels, best)) best = id;
  return best;
}

/** "CONFIDENTIAL // EYES ONLY" */
export function bannerText(levels: readonly ClassificationLevel[], id: string, caveats: readonly string[] = []): string {
  const unique = [...new Set(caveats.map((c) => c.trim()).filter(Boolean))];
  return [levelLabel(levels, id), ...unique].join(' // ');
}

/**
 * A level's portion mark without brackets, as "(C)" prints it before a cable's paragraph: the short form
 * set in Settings, else the initials of the label's words ("TOP SECRET" → "TS", "UNCLASSIFIED" → "U").
 */
export function levelShort(levels: readonly ClassificationLevel[], id: string): string {
  const level = levels.find((l) => l.id === id);
  const set = level?.short?.trim();
  if (set) return set;
  const label = level?.label ?? id;
  const initials = label
    .split(/[\s\-/]+/u)
    .map((w) => Array.from(w.replace(/[^\p{L}\p{N}]/gu, ''))[0] ?? '')
    .join('')
    .toLocaleUpperCase('en-GB');
  return initials || '?';
}

/** Level names are one name when they differ only in case and outer spaces (the Settings editor's rule). */
export const levelNameKey = (label: string): string => label.trim().toLocaleUpperCase();

/**
 * The levels without repeats (by id, then by name), first occurrence kept: the invariants' repair
 * (core/sync/invariants.ts), and how readers take a stored list.
 */
export function uniqueLevels(levels: readonly ClassificationLevel[]): ClassificationLevel[] {
  return firstOccurrences(firstOccurrences(levels, (l) => l.id).kept, (l) => levelNameKey(l.label)).kept;
}
