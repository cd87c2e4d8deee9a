/**
 * The colour of a classification level's on-screen banner. A level may carry its own (Settings); otherwise
 * the common convention by its name — UNCLASSIFIED green, RESTRICTED and CONFIDENTIAL blue, SECRET red,
 * TOP SECRET orange — and, for a name the convention does not know, by its rank. The banner's words always
 * name the level: the colour only helps the eye, never carries the meaning alone.
 */
import type { ClassificationLevel } from './model';
import { levelRank } from './classification';
import { textOn } from './contrast';

export const CONVENTION_COLOURS = {
  unclassified: '#007a33',
  restricted: '#2b6cb0',
  confidential: '#0033a0',
  secret: '#c8102e',
  topSecret: '#ff8c00',
} as const;

/** The convention's colour for a level's name, if the name is one it knows (EU RESTRICTED, NATO SECRET…). */
export function conventionColour(label: string): string | undefined {
  const name = label.toLocaleUpperCase();
  if (/\bTOP\s+SECRET\b|\bCOSMIC\b/.test(name)) return CONVENTION_COLOURS.topSecret;
  if (/\bUNCLASSIFIED\b|\bPUBLIC\b|\bOFFICIAL\b/.test(name)) return CONVENTION_COLOURS.unclassified;
  if (/\bSECRET\b/.test(name)) return CONVENTION_COLOURS.secret;
  if (/\bCONFIDENTIAL\b/.test(name)) return CONVENTION_COLOURS.confidential;
  if (/\bRESTRICTED\b/.test(name)) return CONVENTION_COLOURS.restricted;
  return undefined;
}

/** The default when the name says nothing: the lowest green, the highest red, blue between. */
function rankColour(rank: number, count: number): string {
  if (rank <= 0) return CONVENTION_COLOURS.unclassified;
  if (rank >= count - 1) return CONVENTION_COLOURS.secret;
  return CONVENTION_COLOURS.confidential;
}

export function defaultLevelColour(levels: readonly ClassificationLevel[], id: string): string {
  const level = levels.find((l) => l.id === id);
  return (level && conventionColour(level.label)) ?? rankColour(levelRank(levels, id), levels.length);
}

export function levelColour(levels: readonly ClassificationLevel[], id: string): string {
  return levels.find((l) => l.id === id)?.colour ?? defaultLevelColour(levels, id);
}

/** The banner's background and the text colour that reads on it (black or white, always at least 4.5:1). */
export function bannerColours(levels: readonly ClassificationLevel[], id: string): { background: string; text: string; ratio: number } {
  const background = levelColour(levels, id);
  const { text, ratio } = textOn(background);
  return { background, text, ratio };
}

/** A level whose colour is set (or cleared, `undefined`: back to the default). */
export function recolourLevel(levels: readonly ClassificationLevel[], id: string, colour: string | undefined): ClassificationLevel[] {
  return levels.map((l) => {
    if (l.id !== id) return l;
    const next = { ...l };
    if (colour) next.colour = colour.toLowerCase();
    else delete next.colour;
    return next;
  });
}
