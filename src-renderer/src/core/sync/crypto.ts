/**
 * Passphrase encryption of a sync file's body: AES-256-GCM with a key from PBKDF2-SHA256. WebCrypto
 * (`globalThis.crypto.subtle`) exists in Node 20 and in browsers, so the CLI and the app share this code.
 * The header line is the additional authenticated data: changing any header byte makes decryption fail.
 */
import { fromBase64, toBase64 } from './digest';
import type { EncryptionHeader } from './encryption-header';
import { SyncError } from './guards';

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; about a quarter of a second here. */
export const PBKDF2_ITERATIONS = 600_000;
/** Refuse files asking for absurd work (a denial of service on whoever opens them). */
export const MAX_PBKDF2_ITERATIONS = 10_000_000;

const subtle = () => globalThis.crypto.subtle;

/** Also the team key of live sync (core/live/envelope.ts): one derivation, reused for every document. */
export async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await subtle().importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Fresh random parameters for one file: never reuse a salt or an IV. */
export function newEncryptionHeader(iterations = PBKDF2_ITERATIONS): EncryptionHeader {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  return { kdf: 'PBKDF2-SHA256', iterations, salt: toBase64(salt), cipher: 'AES-256-GCM', iv: toBase64(iv) };
}

function params(enc: EncryptionHeader): { salt: Uint8Array; iv: Uint8Array } {
  const salt = fromBase64(enc.salt);
  const iv = fromBase64(enc.iv);
  if (!salt || salt.length < 16 || !iv || iv.length !== 12) throw SyncError.of('invalid', 'error.sync.encryptionMalformed');
  if (!Number.isInteger(enc.iterations) || enc.iterations < 100_000 || enc.iterations > MAX_PBKDF2_ITERATIONS) {
    throw SyncError.of('invalid', 'error.sync.iterations', { iterations: enc.iterations });
  }
  return { salt, iv };
}

export async function encryptBody(plain: Uint8Array, passphrase: string, enc: EncryptionHeader, aad: Uint8Array): Promise<Uint8Array> {
  const { salt, iv } = params(enc);
  const key = await deriveKey(passphrase, salt, enc.iterations);
  return sealWithKey(key, iv, plain, aad);
}

export async function decryptBody(cipher: Uint8Array, passphrase: string, enc: EncryptionHeader, aad: Uint8Array): Promise<Uint8Array> {
  const { salt, iv } = params(enc);
  const key = await deriveKey(passphrase, salt, enc.iterations);
  return openWithKey(key, iv, cipher, aad, () => SyncError.of('wrong-passphrase', 'error.sync.wrongPassphrase'));
}

/** AES-256-GCM with a 128-bit tag appended, as WebCrypto does; the one cipher of files and live sync documents. */
export async function sealWithKey(key: CryptoKey, iv: Uint8Array, plain: Uint8Array, aad: Uint8Array): Promise<Uint8Array> {
  const out = await subtle().encrypt(
    { name: 'AES-GCM', iv: iv as Uint8Array<ArrayBuffer>, additionalData: aad as Uint8Array<ArrayBuffer>, tagLength: 128 },
    key,
    plain as Uint8Array<ArrayBuffer>,
  );
  return new Uint8Array(out);
}

/** GCM cannot tell a wrong key from changed bytes: `failure` says both, in the caller's words. */
export async function openWithKey(key: CryptoKey, iv: Uint8Array, cipher: Uint8Array, aad: Uint8Array, failure: string | (() => SyncError)): Promise<Uint8Array> {
  try {
    const out = await subtle().decrypt(
      { name: 'AES-GCM', iv: iv as Uint8Array<ArrayBuffer>, additionalData: aad as Uint8Array<ArrayBuffer>, tagLength: 128 },
      key,
      cipher as Uint8Array<ArrayBuffer>,
    );
    return new Uint8Array(out);
  } catch {
    throw typeof failure === 'string' ? new SyncError('wrong-passphrase', failure) : failure();
  }
}
