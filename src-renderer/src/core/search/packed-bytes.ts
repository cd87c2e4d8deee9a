import { SearchIndexDamagedError } from './postings';

/**
 * Bytes for the parts of a saved index that are many small numbers or ids, one per document (a million and
 * more at scale 10): reading from IndexedDB costs about the same per byte whatever the value (measured in
 * Chromium: 65–85 MB/s, strings or buffers alike), and bytes need no parsing. A binary chunk is its JSON
 * head (what it is, and the few values that do not fit its columns) then its columns:
 *
 *   [head length: u32, little-endian] [head: UTF-8 JSON] [columns]
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Appends bytes to a buffer that doubles as it fills. */
export class ByteWriter {
  private buf = new Uint8Array(1024);
  private at = 0;

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.at + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.at));
    this.buf = next;
  }

  byte(v: number): void {
    this.room(1);
    this.buf[this.at++] = v;
  }

  bytes(v: Uint8Array): void {
    this.room(v.length);
    this.buf.set(v, this.at);
    this.at += v.length;
  }

  /** An unsigned integer in seven-bit groups, low first (LEB128): a step between short ids is mostly one byte. */
  varint(v: number): void {
    this.room(8);
    while (v >= 0x80) {
      this.buf[this.at++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    this.buf[this.at++] = v;
  }

  get length(): number {
    return this.at;
  }

  /** The bytes written so far, as a view (not a copy). */
  get written(): Uint8Array {
    return this.buf.subarray(0, this.at);
  }

  /** What was written, as one chunk with `head` before it. */
  chunk(head: object): Uint8Array {
    const json = encoder.encode(JSON.stringify(head));
    const out = new Uint8Array(4 + json.length + this.at);
    new DataView(out.buffer).setUint32(0, json.length, true);
    out.set(json, 4);
    out.set(this.buf.subarray(0, this.at), 4 + json.length);
    return out;
  }
}

/** Reads a binary chunk's columns in order; anything past its end is a damaged index. */
export class ByteReader {
  private at: number;

  constructor(
    private readonly buf: Uint8Array,
    from: number,
  ) {
    this.at = from;
  }

  varint(): number {
    // Most values are a byte (a step of one, a place near the last): no loop for them.
    const first = this.buf[this.at];
    if (first !== undefined && first < 0x80) {
      this.at += 1;
      return first;
    }
    let v = 0;
    let scale = 1;
    for (;;) {
      if (this.at >= this.buf.length || scale > 2 ** 49) throw new SearchIndexDamagedError();
      const b = this.buf[this.at++]!;
      v += (b & 0x7f) * scale;
      if (b < 0x80) return v;
      scale *= 128;
    }
  }

  /** How many bytes are left to read. */
  get left(): number {
    return this.buf.length - this.at;
  }

  /** The next `n` bytes, as a view (not a copy). */
  take(n: number): Uint8Array {
    if (!(n >= 0 && this.at + n <= this.buf.length)) throw new SearchIndexDamagedError();
    const out = this.buf.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }

  /** Every byte read: a chunk with more after its columns was not written by this layout. */
  end(): void {
    if (this.at !== this.buf.length) throw new SearchIndexDamagedError();
  }
}

/** A binary chunk's head (parsed) and a reader at its columns. */
export function openChunk(bytes: Uint8Array): { head: unknown; columns: ByteReader } {
  if (bytes.length < 4) throw new SearchIndexDamagedError();
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
  if (4 + length > bytes.length) throw new SearchIndexDamagedError();
  let head: unknown;
  try {
    head = JSON.parse(decoder.decode(bytes.subarray(4, 4 + length)));
  } catch {
    throw new SearchIndexDamagedError();
  }
  return { head, columns: new ByteReader(bytes, 4 + length) };
}
