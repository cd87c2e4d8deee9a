/**
 * The mission's emblem on a pack's cover: a PNG or JPEG chosen in Settings, checked here by what its bytes
 * are (magic numbers and the image header), never by its file name or the type a browser guesses, so that
 * whatever reaches pdfmake is an image it can embed. Limits: 512 KB and 16–4,096 pixels a side — an emblem
 * printed 64 points wide needs no more, and a larger file would be carried by every pack.
 *
 * The emblem is kept in this installation only (data/emblem.ts, the local meta store), not in the synced
 * settings: sync files travel by USB stick and e-mail and are merged field by field, so half a megabyte of
 * image in every file would be carried for a decoration, and a colleague's choice would silently replace
 * ours. Each desk picks its emblem once. Pure: no DOM.
 */
import { UserError } from '../user-error';
export const EMBLEM_LIMITS = { bytes: 512 * 1024, minSide: 16, maxSide: 4096 } as const;

export type EmblemType = 'image/png' | 'image/jpeg';

export interface Emblem {
  type: EmblemType;
  width: number;
  height: number;
  bytes: Uint8Array;
}

/** A refusal's `message` is English (the CLI); `problem` is the same as a UserError, for a screen to say in its language. */
export type EmblemCheck = { ok: true; emblem: Emblem } | { ok: false; message: string; problem: UserError };

const refuse = (problem: UserError): EmblemCheck => ({ ok: false, message: problem.message, problem });

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const u16 = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u32 = (b: Uint8Array, i: number) => ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;

/** Width and height of a PNG from its IHDR chunk, or a reason it cannot be used. */
function pngSize(b: Uint8Array): { width: number; height: number } | UserError {
  if (b.length < 33 || String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!) !== 'IHDR') return new UserError('error.emblem.pngDamaged');
  // Interlaced PNGs and 16-bit channels are what pdfkit's PNG reader handles worst: asked to be saved again.
  if (b[28] !== 0) return new UserError('error.emblem.interlaced');
  return { width: u32(b, 16), height: u32(b, 20) };
}

/** Width and height of a JPEG from its first start-of-frame marker, or a reason it cannot be used. */
function jpegSize(b: Uint8Array): { width: number; height: number } | UserError {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return new UserError('error.emblem.jpegDamaged');
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    // SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC) carry the frame's size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return { height: u16(b, i + 5), width: u16(b, i + 7) };
    if (marker === 0xd9 || marker === 0xda) break;
    i += 2 + u16(b, i + 2);
  }
  return new UserError('error.emblem.jpegNoSize');
}

/** Whether these bytes can be the pack's emblem, and what they are. */
export function checkEmblem(bytes: Uint8Array): EmblemCheck {
  if (bytes.length === 0) return refuse(new UserError('error.emblem.empty'));
  if (bytes.length > EMBLEM_LIMITS.bytes) return refuse(new UserError('error.emblem.tooLarge', { kb: Math.ceil(bytes.length / 1024), max: EMBLEM_LIMITS.bytes / 1024 }));
  let type: EmblemType;
  let size: { width: number; height: number } | UserError;
  if (PNG_MAGIC.every((v, i) => bytes[i] === v)) {
    type = 'image/png';
    size = pngSize(bytes);
  } else if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    type = 'image/jpeg';
    size = jpegSize(bytes);
  } else return refuse(new UserError('error.emblem.notImage'));
  if (size instanceof UserError) return refuse(size);
  const { width, height } = size;
  if (width < EMBLEM_LIMITS.minSide || height < EMBLEM_LIMITS.minSide || width > EMBLEM_LIMITS.maxSide || height > EMBLEM_LIMITS.maxSide)
    return refuse(new UserError('error.emblem.size', { width, height, min: EMBLEM_LIMITS.minSide, max: EMBLEM_LIMITS.maxSide }));
  return { ok: true, emblem: { type, width, height, bytes } };
}

/** The emblem as pdfmake embeds it: a data URL (base64 without btoa's string limits, in Node and the browser). */
export function emblemDataUrl(emblem: Emblem): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const b = emblem.bytes;
  const out: string[] = [];
  let chunk = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i]! << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    chunk +=
      alphabet[(n >> 18) & 63]! +
      alphabet[(n >> 12) & 63]! +
      (i + 1 < b.length ? alphabet[(n >> 6) & 63]! : '=') +
      (i + 2 < b.length ? alphabet[n & 63]! : '=');
    if (chunk.length >= 8192) {
      out.push(chunk);
      chunk = '';
    }
  }
  out.push(chunk);
  return `data:${emblem.type};base64,${out.join('')}`;
}

/** The writer's image: checked bytes as a data URL with their pixel size. */
export function emblemImage(emblem: Emblem): { dataUrl: string; width: number; height: number } {
  return { dataUrl: emblemDataUrl(emblem), width: emblem.width, height: emblem.height };
}
