/**
 * What a form takes from a stored record while it writes it (ui/lib/ownWrites.ts): a snapshot read before the
 * form's own write landed does not put the old value back; the write itself, and anyone's later edit, do.
 */
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import { OwnWrites } from '../../src-renderer/src/ui/lib/ownWrites';

const at = (wall: number, counter = 0, node = 'aaaa') => formatHlc(wall, counter, node);

describe('a form’s own writes against late snapshots', () => {
  it('keeps a field alone while it is written, then takes only snapshots at least as new as the write', () => {
    const own = new OwnWrites<'tags' | 'caveat'>();
    expect(own.admits('tags', at(1))).toBe(true);
    own.begin('tags');
    // The answer to an earlier write (the caveat's), read before the tag was stored.
    expect(own.admits('tags', at(1))).toBe(false);
    // Other fields are not held.
    expect(own.admits('caveat', at(1))).toBe(true);
    own.end('tags', at(5));
    expect(own.admits('tags', at(1))).toBe(false);
    expect(own.admits('tags', at(4, 9))).toBe(false);
    expect(own.admits('tags', undefined)).toBe(false);
    // The write's own echo is taken, and from then on every snapshot (a colleague's older clock included).
    expect(own.admits('tags', at(5))).toBe(true);
    expect(own.admits('tags', at(2))).toBe(true);
  });

  it('takes someone’s later edit, keeps to the newest of overlapping writes, and forgets a failed one', () => {
    const own = new OwnWrites<'tags'>();
    own.begin('tags');
    own.begin('tags');
    own.end('tags', at(7));
    // One of two writes still under way.
    expect(own.admits('tags', at(9))).toBe(false);
    own.end('tags', at(6));
    expect(own.admits('tags', at(6, 5))).toBe(false);
    // Another window's edit after the form's write.
    expect(own.admits('tags', at(8, 0, 'bbbb'))).toBe(true);

    own.begin('tags');
    own.end('tags');
    expect(own.admits('tags', at(1))).toBe(true);
  });
});
