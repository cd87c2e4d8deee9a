/**
 * The fields a form is writing, or has written, to its record: a snapshot of the record read before those
 * writes landed (a live query's answer to an earlier write, arriving late) must not put the old value back
 * on screen. Were it taken, the next edit would build on it: a tag added right after a field was saved
 * vanished, and the tag after it was saved without it. Plain TypeScript (no runes), so it is tested in Node.
 */
import type { Hlc } from '../../core/hlc';

export class OwnWrites<K extends string> {
  /** Writes under way per field. */
  private readonly writing = new Map<K, number>();
  /** Per field, the clock the form's last write of it was stamped with, until a snapshot that new arrives. */
  private readonly clocks = new Map<K, Hlc>();

  /** A write of `field` starts. */
  begin(field: K): void {
    this.writing.set(field, (this.writing.get(field) ?? 0) + 1);
  }

  /** It ended: stored with this clock on the field (the record's `stamps[field].c`), or none when it failed. */
  end(field: K, clock?: Hlc): void {
    const n = (this.writing.get(field) ?? 1) - 1;
    if (n > 0) this.writing.set(field, n);
    else this.writing.delete(field);
    const known = this.clocks.get(field);
    // Clocks of the same format compare as text (core/hlc.ts: fixed-width wall time, then counter).
    if (clock !== undefined && (known === undefined || clock > known)) this.clocks.set(field, clock);
  }

  /**
   * Whether a stored value of `field`, stamped `clock`, may replace what the form shows: not while the form is
   * writing the field, nor when it is older than the form's own last write of it. A snapshot at least that new
   * (the write itself, or someone's later edit) is taken, and from then on every later one.
   */
  admits(field: K, clock: Hlc | undefined): boolean {
    if (this.writing.has(field)) return false;
    const mine = this.clocks.get(field);
    if (mine === undefined) return true;
    if (clock === undefined || clock < mine) return false;
    this.clocks.delete(field);
    return true;
  }
}
