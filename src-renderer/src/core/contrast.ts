/**
 * WCAG 2 contrast: relative luminance of an sRGB colour and the ratio between two, as the success criteria
 * 1.4.3 (text, 4.5:1) and 1.4.11 (controls, 3:1) define them. Used by Settings to check a level's banner
 * colour and by the tests that hold the theme tokens to AA.
 */

/** `#rrggbb` (or `#rgb`) to its three channels 0–255; undefined for anything else. */
export function parseHex(hex: string): [number, number, number] | undefined {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return undefined;
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

export function relativeLuminance([r, g, b]: readonly [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The contrast ratio of two colours, from 1 (the same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const ca = parseHex(a);
  const cb = parseHex(b);
  if (!ca || !cb) return 1;
  const [hi, lo] = [relativeLuminance(ca), relativeLuminance(cb)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** AA for normal text. */
export const TEXT_CONTRAST = 4.5;

/** Black or white, whichever reads better on `background`, and how well. */
export function textOn(background: string): { text: '#000000' | '#ffffff'; ratio: number } {
  const black = contrastRatio('#000000', background);
  const white = contrastRatio('#ffffff', background);
  return black >= white ? { text: '#000000', ratio: black } : { text: '#ffffff', ratio: white };
}
