/**
 * The statements' and follow-ups' binary columns (core/search/fact-columns.ts) read and written by the tests'
 * own code, from the layout as documented there, not by the module under test: a test edits a chunk's raw
 * values and checks that the load refuses what it should.
 */
export interface RawColumns {
  head: { k: 'cols'; t: string; n: number; names: string[]; x: unknown[]; ids: { sh: unknown[]; b: unknown[]; r: unknown[] } };
  /** The raw varints of each column, as written (zigzagged steps, plus 1 or 2). */
  sh: number[];
  b: number[];
  r: number[];
  /** Each row's tags, by place among the names. */
  tags: number[][];
  kd: number[];
}

export const zig = (n: number) => (n >= 0 ? n * 2 : -n * 2 - 1);

export function readColumns(bytes: Uint8Array): RawColumns {
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
  const head = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + length))) as RawColumns['head'];
  let at = 4 + length;
  const varint = () => {
    let v = 0;
    let scale = 1;
    for (;;) {
      const b = bytes[at++]!;
      v += (b & 0x7f) * scale;
      if (b < 0x80) return v;
      scale *= 128;
    }
  };
  const column = () => Array.from({ length: head.n }, varint);
  const sh = column();
  const b = column();
  const r = column();
  const tags = Array.from({ length: head.n }, () => Array.from({ length: varint() }, varint));
  const kd = head.t === 'statements' ? Array.from({ length: head.n }, varint) : [];
  return { head, sh, b, r, tags, kd };
}

export function writeColumns(c: RawColumns): Uint8Array {
  const out: number[] = [];
  const varint = (v: number) => {
    while (v >= 0x80) {
      out.push((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    out.push(v);
  };
  for (const column of [c.sh, c.b, c.r]) column.forEach(varint);
  for (const names of c.tags) [names.length, ...names].forEach(varint);
  c.kd.forEach(varint);
  const head = new TextEncoder().encode(JSON.stringify(c.head));
  const bytes = new Uint8Array(4 + head.length + out.length);
  new DataView(bytes.buffer).setUint32(0, head.length, true);
  bytes.set(head, 4);
  bytes.set(out, 4 + head.length);
  return bytes;
}
