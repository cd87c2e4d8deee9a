/**
 * Hybrid logical clock. Every edit is stamped with one; the sync merge picks the newest stamp per field.
 *
 * A stamp is a fixed-width string so that plain string comparison is clock order, which lets IndexedDB
 * index it and lets "changed since" be a key range:
 *   `${wall ms, 13 digits}-${counter, 4 hex}-${node id}`
 * The node id is part of the stamp, so two installations can never issue the same stamp and ties
 * break deterministically by node id.
 */
export type Hlc = string;

export interface HlcState {
  /** Wall-clock part of the last stamp issued or seen (ms since epoch). */
  wall: number;
  counter: number;
  node: string;
}

const MAX_COUNTER = 0xffff;
/** Stamps more than this far ahead of our wall clock are suspicious (see sync guard rails). */
export const MAX_DRIFT_MS = 24 * 60 * 60 * 1000;

export const HLC_PATTERN = /^\d{13}-[0-9a-f]{4}-[0-9a-z]{1,32}$/;

export function nodeIdFromInstallationId(installationId: string): string {
  return installationId.replace(/-/g, '').toLowerCase();
}

export function formatHlc(wall: number, counter: number, node: string): Hlc {
  return `${String(wall).padStart(13, '0')}-${counter.toString(16).padStart(4, '0')}-${node}`;
}

export function parseHlc(stamp: Hlc): { wall: number; counter: number; node: string } {
  if (!HLC_PATTERN.test(stamp)) throw new Error(`Not a clock stamp: ${stamp.slice(0, 60)}`);
  const [wall, counter, node] = stamp.split('-') as [string, string, string];
  return { wall: Number(wall), counter: parseInt(counter, 16), node };
}

export function isHlc(value: unknown): value is Hlc {
  return typeof value === 'string' && HLC_PATTERN.test(value);
}

export function hlcWall(stamp: Hlc): number {
  return Number(stamp.slice(0, 13));
}

export function hlcNode(stamp: Hlc): string {
  return stamp.slice(19);
}

export function initialHlcState(node: string): HlcState {
  return { wall: 0, counter: 0, node };
}

/** Issue a stamp for a local event. Mutates `state`. */
export function tick(state: HlcState, now: number): Hlc {
  if (now > state.wall) {
    state.wall = now;
    state.counter = 0;
  } else {
    state.counter += 1;
    if (state.counter > MAX_COUNTER) {
      // Counter exhausted within one millisecond: borrow the next millisecond rather than wrap.
      state.wall += 1;
      state.counter = 0;
    }
  }
  return formatHlc(state.wall, state.counter, state.node);
}

/** Fold a stamp seen from elsewhere into our clock so our next stamp sorts after it. Mutates `state`. */
export function observe(state: HlcState, remote: Hlc, now: number): void {
  const r = parseHlc(remote);
  const wall = Math.max(state.wall, r.wall, now);
  if (wall === state.wall && wall === r.wall) state.counter = Math.max(state.counter, r.counter);
  else if (wall === r.wall) state.counter = r.counter;
  else if (wall !== state.wall) state.counter = 0;
  state.wall = wall;
}

/** The smallest possible stamp: "changed since" from the beginning. */
export const HLC_ZERO: Hlc = formatHlc(0, 0, '0');

/**
 * A valid stamp that sorts just below `clock`, so a "changed since" range that starts at it includes
 * `clock`. (It may also let through a few stamps of the same instant from other nodes; sending a record
 * twice is harmless.)
 */
export function hlcJustBelow(clock: Hlc): Hlc {
  const { wall, counter } = parseHlc(clock);
  const top = 'z'.repeat(32);
  if (counter > 0) return formatHlc(wall, counter - 1, top);
  return wall > 0 ? formatHlc(wall - 1, 0xffff, top) : HLC_ZERO;
}
