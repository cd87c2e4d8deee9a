/**
 * SHA-256: WebCrypto for file digests (fast, async), and @noble/hashes (audited, synchronous) for the
 * conflict log's deterministic ids, which the pure, synchronous merge must compute: WebCrypto has no
 * synchronous digest.
 */
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';

/** Synchronous SHA-256 (FIPS 180-4). */
export function sha256Sync(data: Uint8Array): Uint8Array {
  return nobleSha256(data);
}

/** SHA-256 of a (possibly large) byte range, via WebCrypto. */
export async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>));
}

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** Each base64 alphabet character's value by character code (-1: not in the alphabet). */
const BASE64_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) BASE64_VALUE['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;
const b64 = (code: number): number => (code < 128 ? BASE64_VALUE[code]! : -1);

/**
 * Bytes of a base64 text, or undefined when it is not base64. The canonical form (padded, no whitespace: what
 * btoa, toBase64 and CouchDB write) is decoded straight into the bytes — a live pull decodes two of these per
 * record, and atob's binary string in between cost a string per value; anything else takes atob's forgiving
 * rules, so every text decodes (or is refused) exactly as atob decides.
 */
export function fromBase64(text: string): Uint8Array | undefined {
  const n = text.length;
  if (n % 4 === 0) {
    const pad = n && text.charCodeAt(n - 1) === 61 ? (text.charCodeAt(n - 2) === 61 ? 2 : 1) : 0;
    const out = new Uint8Array((n / 4) * 3 - pad);
    const full = pad ? n - 4 : n;
    let j = 0;
    let i = 0;
    let bad = 0;
    for (; i < full; i += 4) {
      const a = b64(text.charCodeAt(i));
      const b = b64(text.charCodeAt(i + 1));
      const c = b64(text.charCodeAt(i + 2));
      const d = b64(text.charCodeAt(i + 3));
      bad |= a | b | c | d;
      const w = (a << 18) | (b << 12) | (c << 6) | d;
      out[j++] = w >> 16;
      out[j++] = (w >> 8) & 255;
      out[j++] = w & 255;
    }
    if (pad) {
      const a = b64(text.charCodeAt(i));
      const b = b64(text.charCodeAt(i + 1));
      const c = pad === 1 ? b64(text.charCodeAt(i + 2)) : 0;
      bad |= a | b | c;
      const w = (a << 18) | (b << 12) | (c << 6);
      out[j] = w >> 16;
      if (pad === 1) out[j + 1] = (w >> 8) & 255;
    }
    // A negative value anywhere (a character outside the alphabet, a stray '=') sets the sign bit.
    if (bad >= 0) return out;
  }
  try {
    const s = atob(text);
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}

/**
 * A UUIDv7-shaped id that is a pure function of `key`: the first 48 bits are `wallMs` (so such ids sort by
 * time like every other id), the rest comes from SHA-256(key), with the version and variant bits set.
 */
export function deterministicId(key: string, wallMs: number): string {
  const hash = sha256Sync(new TextEncoder().encode(key));
  const b = new Uint8Array(16);
  let t = Math.max(0, Math.min(wallMs, 0xffffffffffff));
  for (let i = 5; i >= 0; i--) {
    b[i] = t % 256;
    t = Math.floor(t / 256);
  }
  b.set(hash.subarray(0, 10), 6);
  b[6] = 0x70 | (b[6]! & 0x0f);
  b[8] = 0x80 | (b[8]! & 0x3f);
  const hex = toHex(b);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
