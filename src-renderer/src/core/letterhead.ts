/**
 * The mission's letterhead and addressees: what a cable's and a pack's heading carry (the mission's name,
 * From, To, Info, distribution) and the cable's defaults (precedence, line width, portion marks). They are
 * synced settings fields, one per concept, so two desks editing different lines of the letterhead both keep
 * their edit when their files merge. This module owns their defaults, their validation and the one
 * reading every writer uses (`letterheadOf`). Pure: no Dexie, Svelte or DOM.
 */
import { windowText } from './errors';

/** Precedence of a cable, from the least to the most urgent, as foreign ministries' cable systems name them. */
export const PRECEDENCES = ['ROUTINE', 'PRIORITY', 'IMMEDIATE', 'FLASH'] as const;
export type Precedence = (typeof PRECEDENCES)[number];

/** Cable line width, in characters: 69 is the classic telegraph width; ministries' systems take up to 132. */
export const CABLE_WIDTH = { min: 40, max: 132, default: 69 } as const;

/** Lengths of the letterhead's lines and lists, in characters and entries. */
export const LETTERHEAD_LIMITS = { line: 200, entries: 30 } as const;

/** The letterhead as the settings record stores it (each a synced field of its own). */
export interface LetterheadFields {
  /** "Embassy of Ruritania, Dushanbe": printed at the head of a pack; a cable's From when `cableFrom` is empty. */
  missionName: string;
  /** A cable's From line when it differs from the mission's name (e.g. a cable address: "AMEMBASSY DUSHANBE"). */
  cableFrom: string;
  /** A cable's action addressees. */
  cableTo: string[];
  /** A cable's information addressees. */
  cableInfo: string[];
  /** Who receives a pack or a cable's copies, one entry each. */
  distribution: string[];
  cablePrecedence: Precedence;
  /** Characters per line of the plain-text cable. */
  cableWidth: number;
  /** Whether each paragraph of a cable starts with its classification's short form, e.g. "(C)". */
  portionMarks: boolean;
}

export const LETTERHEAD_FIELDS = [
  'missionName',
  'cableFrom',
  'cableTo',
  'cableInfo',
  'distribution',
  'cablePrecedence',
  'cableWidth',
  'portionMarks',
] as const satisfies readonly (keyof LetterheadFields)[];

/** Defaults a fresh workspace (and a record written before these fields existed) reads. Fresh objects on every call. */
export function defaultLetterhead(): LetterheadFields {
  return {
    missionName: 'Embassy',
    cableFrom: '',
    cableTo: ['Ministry of Foreign Affairs'],
    cableInfo: [],
    distribution: [],
    cablePrecedence: 'ROUTINE',
    cableWidth: CABLE_WIDTH.default,
    portionMarks: false,
  };
}

/** The letterhead every writer reads: lines trimmed, empty entries gone, From filled in. */
export interface Letterhead {
  mission: string;
  from: string;
  to: string[];
  info: string[];
  distribution: string[];
  precedence: Precedence;
  width: number;
  portionMarks: boolean;
}

const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();
const cleanList = (l: readonly string[]): string[] => l.map(clean).filter(Boolean);

/** The letterhead of some settings (any object carrying the fields; missing or unsound ones read as their defaults). */
export function letterheadOf(settings: Partial<Record<keyof LetterheadFields, unknown>>): Letterhead {
  const d = defaultLetterhead();
  const f = readLetterheadFields(settings);
  const mission = clean(f.missionName) || d.missionName;
  return {
    mission,
    from: clean(f.cableFrom) || mission,
    to: cleanList(f.cableTo),
    info: cleanList(f.cableInfo),
    distribution: cleanList(f.distribution),
    precedence: f.cablePrecedence,
    width: f.cableWidth,
    portionMarks: f.portionMarks,
  };
}

/** Each field as stored if it is sound, else its default: one unsound field never costs the others. */
export function readLetterheadFields(raw: Partial<Record<keyof LetterheadFields, unknown>>): LetterheadFields {
  const d = defaultLetterhead();
  const line = (v: unknown, fallback: string): string => (typeof v === 'string' && lineProblem(v) === undefined ? v : fallback);
  const list = (v: unknown, fallback: string[]): string[] =>
    Array.isArray(v) && v.every((x): x is string => typeof x === 'string') && listProblem(v) === undefined ? [...v] : fallback;
  return {
    missionName: line(raw.missionName, d.missionName),
    cableFrom: line(raw.cableFrom, d.cableFrom),
    cableTo: list(raw.cableTo, d.cableTo),
    cableInfo: list(raw.cableInfo, d.cableInfo),
    distribution: list(raw.distribution, d.distribution),
    cablePrecedence: isPrecedence(raw.cablePrecedence) ? raw.cablePrecedence : d.cablePrecedence,
    cableWidth: widthProblem(raw.cableWidth) === undefined ? (raw.cableWidth as number) : d.cableWidth,
    portionMarks: typeof raw.portionMarks === 'boolean' ? raw.portionMarks : d.portionMarks,
  };
}

export function isPrecedence(v: unknown): v is Precedence {
  return typeof v === 'string' && (PRECEDENCES as readonly string[]).includes(v);
}

// Control characters (a letterhead line is one line, without tabs) would break a cable's layout or a
// cable system's parser; the message names the problem, not the character.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/*
 * The problems are said when a value is checked, in the window's language (core/errors.ts windowText:
 * Settings → Documents shows them under the field), English in the CLI, the importer's workers and tests.
 */

/** Why a letterhead line cannot be stored, or undefined. */
export function lineProblem(v: string): string | undefined {
  if (CONTROL.test(v)) return windowText('settings.letterhead.oneLine');
  if (v.length > LETTERHEAD_LIMITS.line) return windowText('settings.letterhead.lineTooLong', { max: LETTERHEAD_LIMITS.line });
  return undefined;
}

/** Why an addressee or distribution list cannot be stored, or undefined. */
export function listProblem(v: readonly string[]): string | undefined {
  if (v.length > LETTERHEAD_LIMITS.entries) return windowText('settings.letterhead.tooManyEntries', { max: LETTERHEAD_LIMITS.entries });
  for (const s of v) {
    const p = lineProblem(s);
    if (p) return p;
  }
  return undefined;
}

export function widthProblem(v: unknown): string | undefined {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < CABLE_WIDTH.min || v > CABLE_WIDTH.max)
    return windowText('settings.letterhead.width', { min: CABLE_WIDTH.min, max: CABLE_WIDTH.max });
  return undefined;
}

/** Problems of an edit of the letterhead, by field (undefined: none). */
export function checkLetterhead(f: Partial<LetterheadFields>): Partial<Record<keyof LetterheadFields, string>> | undefined {
  const problems: Partial<Record<keyof LetterheadFields, string>> = {};
  for (const k of ['missionName', 'cableFrom'] as const) {
    const v = f[k];
    if (v !== undefined) {
      const p = lineProblem(v);
      if (p) problems[k] = p;
    }
  }
  for (const k of ['cableTo', 'cableInfo', 'distribution'] as const) {
    const v = f[k];
    if (v !== undefined) {
      const p = listProblem(v);
      if (p) problems[k] = p;
    }
  }
  if (f.cablePrecedence !== undefined && !isPrecedence(f.cablePrecedence)) problems.cablePrecedence = windowText('settings.letterhead.precedence', { list: PRECEDENCES.join(', ') });
  if (f.cableWidth !== undefined) {
    const p = widthProblem(f.cableWidth);
    if (p) problems.cableWidth = p;
  }
  return Object.keys(problems).length ? problems : undefined;
}
