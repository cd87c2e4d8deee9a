/**
 * The theme tokens (src-renderer/src/ui/theme/tokens.css) hold WCAG AA in both themes: every text colour on
 * every surface it is used on at 4.5:1, control borders at 3:1. And the classification levels' banner
 * colours: the convention's defaults, a name the convention does not know, and text that always reads.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LEVELS } from '../../src-renderer/src/core/classification';
import { contrastRatio, parseHex, textOn } from '../../src-renderer/src/core/contrast';
import { bannerColours, conventionColour, CONVENTION_COLOURS, defaultLevelColour, levelColour, recolourLevel } from '../../src-renderer/src/core/level-colour';

const css = readFileSync(resolve(import.meta.dirname, '../../src-renderer/src/ui/theme/tokens.css'), 'utf8');

/** Each token's light and dark value, following var() references. */
function tokens(): Map<string, [string, string]> {
  const raw = new Map<string, string>();
  for (const m of css.matchAll(/(--[\w-]+):\s*([^;]+);/g)) raw.set(m[1]!, m[2]!.trim());
  const resolveToken = (name: string): [string, string] => {
    const value = raw.get(name);
    if (!value) throw new Error(`no token ${name}`);
    const ref = /^var\((--[\w-]+)\)$/.exec(value);
    if (ref) return resolveToken(ref[1]!);
    const pair = /^light-dark\(\s*(#[0-9a-f]{3,6})\s*,\s*(#[0-9a-f]{3,6})\s*\)$/i.exec(value);
    if (pair) return [pair[1]!, pair[2]!];
    throw new Error(`${name} is not a light-dark() pair of #hex colours: ${value}`);
  };
  const out = new Map<string, [string, string]>();
  for (const name of raw.keys()) {
    try {
      out.set(name, resolveToken(name));
    } catch {
      // Not a colour (sizes, fonts, shadows).
    }
  }
  return out;
}

const T = tokens();
const SURFACES = ['--paper', '--canvas', '--raised', '--sunken'];
const TEXT_ON_SURFACES = ['--ink', '--muted', '--accent', '--danger', '--ok', '--warn', '--event', '--kind-figure', '--kind-request', '--kind-proposal', '--kind-decision'];
const PAIRS: [string, string, number][] = [
  ...TEXT_ON_SURFACES.flatMap((t) => SURFACES.map((s): [string, string, number] => [t, s, 4.5])),
  ['--accent', '--accent-soft', 4.5],
  ['--ink', '--accent-soft', 4.5],
  ['--danger', '--danger-soft', 4.5],
  ['--ink', '--danger-soft', 4.5],
  ['--ok', '--ok-soft', 4.5],
  ['--ink', '--ok-soft', 4.5],
  ['--warn', '--warn-soft', 4.5],
  ['--ink', '--warn-soft', 4.5],
  ['--event', '--event-soft', 4.5],
  ['--kind-figure', '--kind-figure-soft', 4.5],
  ['--kind-request', '--kind-request-soft', 4.5],
  ['--kind-proposal', '--kind-proposal-soft', 4.5],
  ['--kind-decision', '--kind-decision-soft', 4.5],
  ['--ink', '--highlight', 4.5],
  ['--ink', '--mark', 4.5],
  ['--ink', '--form-soft', 4.5],
  ['--muted', '--form-soft', 4.5],
  ['--ins', '--ins-soft', 4.5],
  ['--del', '--del-soft', 4.5],
  ['--heading', '--paper', 4.5],
  ['--heading', '--canvas', 4.5],
  ...['figure', 'proposal', 'request', 'announcement', 'decision'].map((k): [string, string, number] => [`--kind-edge-${k}`, '--paper', 3]),
  ['--accent-text', '--accent', 4.5],
  ['--inverse-text', '--inverse-bg', 4.5],
  ['--nav-text', '--navy', 4.5],
  ['--nav-muted', '--navy', 4.5],
  ['--gold', '--navy', 3],
  ['--control-border', '--paper', 3],
  ['--control-border', '--canvas', 3],
  ['--accent', '--paper', 3],
];

describe('theme tokens', () => {
  for (const [theme, i] of [['light', 0], ['dark', 1]] as const) {
    it(`meet AA in the ${theme} theme`, () => {
      const failures = PAIRS.flatMap(([fg, bg, min]) => {
        const ratio = contrastRatio(T.get(fg)![i], T.get(bg)![i]);
        return ratio < min ? [`${fg} on ${bg}: ${ratio.toFixed(2)} < ${min}`] : [];
      });
      expect(failures).toEqual([]);
    });
  }
});

describe('contrast', () => {
  it('measures as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#fff', '#ffffff')).toBe(1);
    expect(parseHex('red')).toBeUndefined();
  });
  it('picks the text that reads best, always at least AA', () => {
    expect(textOn('#c8102e').text).toBe('#ffffff');
    expect(textOn('#ff8c00').text).toBe('#000000');
    for (let v = 0; v < 256; v += 5) {
      const grey = `#${v.toString(16).padStart(2, '0').repeat(3)}`;
      expect(textOn(grey).ratio).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('level colours', () => {
  it('follow the convention for the default levels', () => {
    expect(DEFAULT_LEVELS.map((l) => defaultLevelColour(DEFAULT_LEVELS, l.id))).toEqual([
      CONVENTION_COLOURS.unclassified,
      CONVENTION_COLOURS.restricted,
      CONVENTION_COLOURS.confidential,
      CONVENTION_COLOURS.secret,
    ]);
    expect(conventionColour('TOP SECRET')).toBe(CONVENTION_COLOURS.topSecret);
    expect(conventionColour('EU RESTRICTED')).toBe(CONVENTION_COLOURS.restricted);
    expect(conventionColour('NATO SECRET')).toBe(CONVENTION_COLOURS.secret);
  });
  it('fall back on rank for names the convention does not know', () => {
    const levels = [
      { id: 'a', label: 'OPEN' },
      { id: 'b', label: 'INTERNAL' },
      { id: 'c', label: 'SENSITIVE' },
    ];
    expect(levels.map((l) => defaultLevelColour(levels, l.id))).toEqual([CONVENTION_COLOURS.unclassified, CONVENTION_COLOURS.confidential, CONVENTION_COLOURS.secret]);
  });
  it('take a level’s own colour, and go back to the default when it is cleared', () => {
    const mine = recolourLevel(DEFAULT_LEVELS, 'secret', '#7A1F3D');
    expect(levelColour(mine, 'secret')).toBe('#7a1f3d');
    expect(bannerColours(mine, 'secret')).toMatchObject({ background: '#7a1f3d', text: '#ffffff' });
    expect(levelColour(recolourLevel(mine, 'secret', undefined), 'secret')).toBe(CONVENTION_COLOURS.secret);
    expect(DEFAULT_LEVELS.find((l) => l.id === 'secret')).not.toHaveProperty('colour');
  });
});
