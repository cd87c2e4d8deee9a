import { afterEach, describe, expect, it, vi } from 'vitest';
import { Autosaver, type SaveStatus } from '../../src-renderer/src/data/autosave';
import { AttacheDb } from '../../src-renderer/src/data/db';
import { DRAFT_LIMIT, loadDraft, saveDraft } from '../../src-renderer/src/data/drafts';

const db = () => new AttacheDb(`dr-${Math.random()}`);

describe('drafts', () => {
  it('keep the half-written statement per briefing, and an empty one clears it', async () => {
    const d = db();
    await saveDraft(d, 'b1', { speakerId: 'p1', kind: 'request', text: 'Half a sen', tags: ['x'] });
    await saveDraft(d, 'b2', { speakerId: null, kind: 'statement', text: 'Other briefing', tags: [] });
    expect(await loadDraft(d, 'b1')).toMatchObject({ speakerId: 'p1', kind: 'request', text: 'Half a sen', tags: ['x'] });
    // What the capture panel saves once the statement is recorded: the empty draft clears it.
    await saveDraft(d, 'b1', { speakerId: null, kind: 'statement', text: '', tags: [] });
    expect(await loadDraft(d, 'b1')).toBeUndefined();
    expect((await loadDraft(d, 'b2'))?.text).toBe('Other briefing');
  });

  it('hold a 100 KB paste whole (more than a statement may be), and cut only beyond the draft limit', async () => {
    const d = db();
    const paste = 'x'.repeat(100_000);
    expect(await saveDraft(d, 'b', { speakerId: null, kind: 'statement', text: paste, tags: [] })).toEqual({ truncated: false });
    expect((await loadDraft(d, 'b'))?.text).toHaveLength(100_000);
    const huge = 'y'.repeat(DRAFT_LIMIT + 10);
    expect(await saveDraft(d, 'b', { speakerId: null, kind: 'statement', text: huge, tags: [] })).toEqual({ truncated: true });
    expect((await loadDraft(d, 'b'))?.text).toHaveLength(DRAFT_LIMIT);
  });

  it('keep the chosen speaker after a statement is saved, and vanish when wholly empty', async () => {
    const d = db();
    await saveDraft(d, 'b', { speakerId: 'p1', kind: 'statement', text: '', tags: [] });
    expect((await loadDraft(d, 'b'))?.speakerId).toBe('p1');
    await saveDraft(d, 'b', { speakerId: null, kind: 'statement', text: ' ', tags: [] });
    expect(await loadDraft(d, 'b')).toBeUndefined();
  });
});

describe('Autosaver', () => {
  afterEach(() => vi.useRealTimers());

  it('writes only the latest value of a field after the pause, and everything at once on flush', async () => {
    vi.useFakeTimers();
    const writes: string[] = [];
    const statuses: SaveStatus[] = [];
    const s = new Autosaver(400, (st) => statuses.push(st));
    s.schedule('title', async () => void writes.push('T'));
    s.schedule('title', async () => void writes.push('Ti'));
    s.schedule('location', async () => void writes.push('L'));
    await vi.advanceTimersByTimeAsync(399);
    expect(writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(writes).toEqual(['Ti', 'L']);
    s.schedule('title', async () => void writes.push('Tit'));
    await s.flush();
    expect(writes).toEqual(['Ti', 'L', 'Tit']);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('drops a cancelled value and reports a failed write', async () => {
    const errors: unknown[] = [];
    const s = new Autosaver(10, (st, e) => st === 'error' && errors.push(e));
    let wrote = false;
    s.schedule('a', async () => void (wrote = true));
    s.cancel('a');
    await s.flush();
    expect(wrote).toBe(false);
    s.schedule('b', async () => {
      throw new Error('disk full');
    });
    await s.flush();
    expect(s.status).toBe('error');
    expect(String(errors[0])).toContain('disk full');
  });
});
