/**
 * The effective workspace settings, one rule for every reader: the screens (through data/settings),
 * pack selection, sync selection and the command line. The settings are one synced record with a fixed
 * id that does not exist until someone first changes a setting.
 *
 * The level list and the default level are separate fields, each merged on its own, so a merge can pair
 * one desk's list with the other desk's default (one removed level "x" while the other made "x" the
 * default). Such a record keeps its list, which briefings refer to, and takes its first level as the
 * default; only a record that fails the schema falls back to the defaults.
 */
import { readLetterheadFields } from './letterhead';
import { SETTINGS_ID, type ClassificationLevel, type Settings, type SettingsFields, type WorkspaceData } from './model';
import { validateFields } from './schemas';
import { DEFAULT_SETTINGS, levelNameKey, uniqueLevels } from './classification';

/** Rules beyond the schema for an edit of the settings: labels unique (ignoring case), ids unique, the default one of the levels. */
export function checkLevels(levels: readonly ClassificationLevel[], defaultId: string): Record<string, string> | undefined {
  const seen = new Set<string>();
  for (const l of levels) {
    const key = levelNameKey(l.label);
    if (seen.has(key)) return { classificationLevels: `There are two levels named ${l.label.trim()}` };
    seen.add(key);
  }
  if (new Set(levels.map((l) => l.id)).size !== levels.length) return { classificationLevels: 'Two levels share an id' };
  if (!levels.some((l) => l.id === defaultId)) return { defaultClassification: 'The default level must be one of the levels; choose another default first' };
  return undefined;
}

/** A fresh copy of the defaults, so a caller that edits what it got never changes them. */
export function defaultSettings(): SettingsFields {
  return structuredClone(DEFAULT_SETTINGS);
}

/** The settings a stored record stands for: its fields if it is live and sound, else the defaults. */
export function effectiveSettings(record: Settings | undefined): SettingsFields {
  if (!record || record.deleted) return defaultSettings();
  // The letterhead's fields are read one by one (an unsound one takes its default, never costing the levels).
  const letterhead = readLetterheadFields(record);
  const levelsChecked = validateFields('settings', { ...defaultSettings(), classificationLevels: record.classificationLevels, defaultClassification: record.defaultClassification });
  if (!levelsChecked.ok) return { ...defaultSettings(), ...letterhead };
  // A list stored before the import repaired repeats (or written by other software) reads without them.
  const classificationLevels = uniqueLevels(levelsChecked.value.classificationLevels);
  const { defaultClassification } = levelsChecked.value;
  // The schema keeps at least one level.
  if (!classificationLevels.some((l) => l.id === defaultClassification)) return { classificationLevels, defaultClassification: classificationLevels[0]!.id, ...letterhead };
  return { classificationLevels, defaultClassification, ...letterhead };
}

/** The effective settings of a workspace held in memory (a sync file, a merge, a pack's input). */
export function settingsOfData(data: Pick<WorkspaceData, 'settings'>): SettingsFields {
  return effectiveSettings(data.settings.find((s) => s.id === SETTINGS_ID));
}
