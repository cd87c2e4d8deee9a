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

export function fromBase64(text: string): Uint8Array | undefined {
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
