/**
 * Storage full (core/storage-errors.ts and where it is used): the error is recognised however Dexie or our
 * own layers wrap it, every write says what became of the user's work, typed text is kept (retried, and
 * in localStorage when IndexedDB refuses it), and an import that runs out of space changes nothing.
 * The real quota is exercised in Chromium by tests/web/storage.spec.ts.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { messageOf } from '../../src-renderer/src/core/errors';
import { isStorageFull, notSaved, storageFullMessage, type StorageWrite } from '../../src-renderer/src/core/storage-errors';
import { Autosaver, type SaveStatus } from '../../src-renderer/src/data/autosave';
import { AttacheDb } from '../../src-renderer/src/data/db';
import { loadDraft, saveDraft } from '../../src-renderer/src/data/drafts';
import { applyImport, exportWorkspace, previewImport } from '../../src-renderer/src/data/sync';
import { readUnsaved } from '../../src-renderer/src/data/unsaved';
import { briefingFields } from './fixtures';
import { dump, installation, localState } from './sync-helpers';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';

afterEach(() => {
  vi.restoreAllMocks();
});

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** localStorage as a browser has it (Node has none): a Map behind the Storage methods the app calls. */
function fakeLocalStorage(): Map<string, string> {
  const items = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, String(v)),
    removeItem: (k: string) => void items.delete(k),
  });
  return items;
}

describe('recognising storage full', () => {
  it('sees the quota error itself, Dexie’s wrappings and our own', () => {
    const aborted = new Dexie.AbortError('Transaction aborted', quota());
    expect(isStorageFull(quota())).toBe(true);
    expect(isStorageFull(new Dexie.QuotaExceededError('Quota exceeded'))).toBe(true);
    expect(isStorageFull(aborted)).toBe(true);
    expect(isStorageFull(new Dexie.BulkError('1 of 2 operations failed', { 1: quota() }))).toBe(true);
    expect(isStorageFull(new Error('The import failed and nothing was changed', { cause: aborted }))).toBe(true);
    // Firefox's name for a full localStorage.
    expect(isStorageFull(Object.assign(new Error('full'), { name: 'NS_ERROR_DOM_QUOTA_REACHED' }))).toBe(true);
  });

  it('does not mistake other failures for it, and survives odd throws', () => {
    expect(isStorageFull(new Dexie.AbortError('Transaction aborted'))).toBe(false);
    expect(isStorageFull(new Dexie.ConstraintError('Key already exists'))).toBe(false);
    expect(isStorageFull(new Error('QuotaExceededError mentioned in a message only'))).toBe(false);
    for (const odd of [undefined, null, 'QuotaExceededError', 42, {}]) expect(isStorageFull(odd)).toBe(false);
    const loop: { name: string; cause?: unknown } = { name: 'Error' };
    loop.cause = loop;
    expect(isStorageFull(loop)).toBe(false);
  });
});

describe('the storage-full message', () => {
  it('says the store is full, that nothing stored was harmed, and what became of the work', () => {
    const said: Record<StorageWrite, RegExp> = {
      typing: /Nothing was lost: your text is kept here and in a draft/,
      statement: /The statement was not saved, but nothing was lost: it is kept here and in the draft/,
      import: /Nothing was imported, and nothing already stored was changed/,
      restore: /Nothing was restored, and nothing already stored was changed/,
      change: /This change was not saved; everything saved before is intact/,
    };
    for (const [what, pattern] of Object.entries(said) as [StorageWrite, RegExp][]) {
      const message = storageFullMessage(what);
      expect(message).toMatch(/^The disk or the browser’s storage for Attaché is full\. /);
      expect(message).toMatch(pattern);
      expect(message).toMatch(/Free some disk space/);
      expect(message).not.toMatch(/QuotaExceeded|DOMException/);
    }
  });

  it('is what every report of an error gives, and is not prefixed with "Not saved"', () => {
    expect(messageOf(new Dexie.AbortError('Transaction aborted', quota()))).toBe(storageFullMessage('change'));
    expect(messageOf(new Error('Something else'))).toBe('Something else');
    expect(notSaved(storageFullMessage('typing'))).toBe(storageFullMessage('typing'));
    expect(notSaved('That briefing no longer exists')).toBe('Not saved: That briefing no longer exists');
  });
});

describe('typing while storage is full', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('keeps the value waiting and tries it again until it is written, quietly in "error" meanwhile', async () => {
    vi.useFakeTimers();
    const statuses: SaveStatus[] = [];
    const s = new Autosaver(10, (st) => statuses.push(st), 1000);
    let full = true;
    const written: string[] = [];
    s.schedule('title', async () => {
      if (full) throw new Dexie.AbortError('Transaction aborted', quota());
      written.push('Title');
    });
    await vi.advanceTimersByTimeAsync(10);
    expect(statuses).toEqual(['pending', 'saving', 'error']);
    expect(s.has('title')).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(statuses.at(-1)).toBe('error');
    expect(statuses.filter((st) => st === 'saving')).toHaveLength(1);
    full = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(written).toEqual(['Title']);
    expect(statuses.at(-1)).toBe('saved');
    expect(s.has('title')).toBe(false);
  });

  it('lets a newer value replace the one waiting, and gives up at once on other failures', async () => {
    vi.useFakeTimers();
    const s = new Autosaver(10, () => {}, 1000);
    const written: string[] = [];
    s.schedule('title', async () => {
      throw quota();
    });
    await vi.advanceTimersByTimeAsync(10);
    s.schedule('title', async () => void written.push('newer'));
    await vi.advanceTimersByTimeAsync(2000);
    expect(written).toEqual(['newer']);

    s.schedule('location', async () => {
      throw new Error('That briefing no longer exists');
    });
    await vi.advanceTimersByTimeAsync(10);
    expect(s.has('location')).toBe(false);
  });

  it('keeps the statement draft in localStorage when IndexedDB refuses it, and prefers it while it is the newer', async () => {
    const items = fakeLocalStorage();
    const db = new AttacheDb(`storage-drafts-${Math.random()}`);
    await saveDraft(db, 'b1', { speakerId: null, kind: 'statement', text: 'First words', tags: [] }, 1000);
    const put = vi.spyOn(db.drafts, 'put').mockRejectedValue(new Dexie.AbortError('Transaction aborted', quota()));
    const e = await saveDraft(db, 'b1', { speakerId: 'p1', kind: 'request', text: 'First words and more', tags: ['x'] }, 2000).catch((x: unknown) => x);
    expect(isStorageFull(e)).toBe(true);
    expect(items.size).toBe(1);
    expect(await loadDraft(db, 'b1')).toMatchObject({ speakerId: 'p1', kind: 'request', text: 'First words and more', tags: ['x'] });

    // Once IndexedDB takes drafts again, the copy in localStorage goes.
    put.mockRestore();
    await saveDraft(db, 'b1', { speakerId: 'p1', kind: 'request', text: 'First words and more.', tags: ['x'] }, 3000);
    expect(items.size).toBe(0);
    expect((await loadDraft(db, 'b1'))?.text).toBe('First words and more.');
  });

  it('prefers the stored draft when it is the newer, and survives a browser without localStorage', async () => {
    const items = fakeLocalStorage();
    const db = new AttacheDb(`storage-drafts-${Math.random()}`);
    items.set('attache.unsaved.draft.b1', JSON.stringify({ id: 'b1', speakerId: null, kind: 'statement', text: 'Old rescue', tags: [], updatedAt: 1 }));
    await saveDraft(db, 'b2', { speakerId: null, kind: 'statement', text: 'Elsewhere', tags: [] });
    await db.drafts.put({ id: 'b1', speakerId: null, kind: 'statement', text: 'Newer in IndexedDB', tags: [], updatedAt: 5 });
    expect((await loadDraft(db, 'b1'))?.text).toBe('Newer in IndexedDB');

    vi.stubGlobal('localStorage', undefined);
    expect(readUnsaved('draft.b1')).toBeUndefined();
    vi.spyOn(db.drafts, 'put').mockRejectedValue(quota());
    await expect(saveDraft(db, 'b1', { speakerId: null, kind: 'statement', text: 'Only on screen', tags: [] })).rejects.toThrow();
  });
});

describe('an import that runs out of space', () => {
  it('changes nothing — records, clock, peers — and reports storage full through its own wording', async () => {
    const a = await installation('A');
    const b = await installation('B');
    for (let i = 0; i < 3; i++) await a.ws.create('organisations', { ...V2_FIELDS.organisations(), name: `Ministry ${i}`, acronym: '', country: '' });
    for (let i = 0; i < 3; i++) await a.ws.create('briefings', briefingFields({ title: `From A ${i}` }));
    await b.ws.create('briefings', briefingFields({ title: 'Already at B' }));
    const file = await exportWorkspace(a.ws);
    const before = { data: await dump(b.ws), local: await localState(b.ws) };
    const preview = await previewImport(b.ws, file.bytes);
    // The browser refuses the import part-way, after the organisations were written: Dexie rejects the
    // briefings' write with the aborted transaction.
    const bulkPut = vi.spyOn(b.ws.db.table('briefings'), 'bulkPut').mockRejectedValue(new Dexie.AbortError('Transaction aborted', quota()));
    const e = await applyImport(b.ws, preview).catch((x: unknown) => x);
    expect(bulkPut).toHaveBeenCalled();
    expect(isStorageFull(e)).toBe(true);
    expect(String(e)).toMatch(/nothing was changed/);
    expect({ data: await dump(b.ws), local: await localState(b.ws) }).toEqual(before);
    bulkPut.mockRestore();
    await applyImport(b.ws, preview);
    expect(await b.ws.db.briefings.count()).toBe(4);
    expect(await b.ws.db.organisations.count()).toBe(3);
  });
});
