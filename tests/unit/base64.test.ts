/** fromBase64 (core/sync/digest.ts) decodes the canonical form itself and must agree with atob on every text. */
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../src-renderer/src/core/sync/digest';

function viaAtob(text: string): Uint8Array | undefined {
  try {
    const s = atob(text);
    return Uint8Array.from(s, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** A small deterministic generator, so a failure repeats. */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32);
}

describe('fromBase64', () => {
  it('gives back the bytes of every length', () => {
    const next = random(1);
    for (let len = 0; len < 300; len++) {
      const bytes = Uint8Array.from({ length: len }, () => Math.floor(next() * 256));
      expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    }
  });

  it('decides as atob does: whitespace, missing or stray padding, foreign characters, wide characters', () => {
    const next = random(2);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const odd = '= \n\t-_.é\u0100\u{1F600}';
    for (let k = 0; k < 20_000; k++) {
      let text = '';
      const len = Math.floor(next() * 14);
      for (let i = 0; i < len; i++) text += next() < 0.85 ? alphabet[Math.floor(next() * 64)] : [...odd][Math.floor(next() * [...odd].length)];
      expect(fromBase64(text), JSON.stringify(text)).toEqual(viaAtob(text));
    }
    for (const text of ['', '=', '==', '====', 'QQ==', 'QQ=', 'QQ', 'QUI=', 'QUJD', 'Q===', 'QQ==QQ==', ' QUJD', 'QUJD\n', 'QU=D']) {
      expect(fromBase64(text), JSON.stringify(text)).toEqual(viaAtob(text));
    }
  });
});
