/**
 * The Pack dialog's live counts as the pack worker computes them (data/pack-preview.ts), against real
 * IndexedDB semantics (fake-indexeddb): the same answer as selecting over a fresh read of the workspace,
 * kept current by every write, for the latest options only, and nothing once released.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { PackOptions } from '../../src-renderer/src/core/pack/options';
import { packOptions } from '../../src-renderer/src/core/pack/options';
import { previewOf, selectPack, type PackPreview } from '../../src-renderer/src/core/pack/select';
import { AttacheDb } from '../../src-renderer/src/data/db';
import { loadExample } from '../../src-renderer/src/data/example';
import { checkedBriefingTotals } from '../../src-renderer/src/data/briefing-totals';
import { PackPreviewer } from '../../src-renderer/src/data/pack-preview';
import { readWorkspaceData } from '../../src-renderer/src/data/snapshot';
import { appendStatement } from '../../src-renderer/src/data/statements';
import { Workspace } from '../../src-renderer/src/data/workspace';

let n = 0;
const opened: { db: AttacheDb; previewer: PackPreviewer }[] = [];

afterEach(async () => {
  for (const { db, previewer } of opened.splice(0)) {
    previewer.release();
    db.close();
    await db.delete();
  }
});

/** A previewer on the example workspace, with every preview it delivers. */
async function setup() {
  const db = new AttacheDb(`pack-preview-${++n}`);
  const ws = await Workspace.open(db);
  await loadExample(ws);
  const seen: { preview: PackPreview; options: PackOptions }[] = [];
  const errors: unknown[] = [];
  const previewer = new PackPreviewer(db, { onPreview: (preview, options) => seen.push({ preview, options }), onError: (e) => errors.push(e) });
  opened.push({ db, previewer });
  /** Wait for the next preview after `since` previews, and return it. */
  const next = async (since: number) => {
    await expect.poll(() => seen.length).toBeGreaterThan(since);
    return seen[seen.length - 1]!;
  };
  /** What a fresh read of the whole workspace gives for these options. */
  const fresh = async (options: PackOptions) => previewOf(selectPack(await readWorkspaceData(db, { liveOnly: true }), options));
  return { db, ws, previewer, seen, errors, next, fresh };
}

describe('pack preview (the dialog’s live counts, in the pack worker)', () => {
  it('answers as a fresh read of the workspace would, and follows every write', async () => {
    const { ws, db, previewer, seen, errors, next, fresh } = await setup();
    const all = packOptions({});
    previewer.watch(all);
    const first = await next(0);
    expect(first.preview).toEqual(await fresh(all));
    expect(first.preview.counts.briefings).toBe(1);

    const briefingId = (await db.briefings.toCollection().first())!.id;
    await appendStatement(ws, briefingId, { speakerId: null, kind: 'figure', text: 'Over 12 tons seized.', tags: [] });
    const afterAdd = await next(seen.length);
    expect(afterAdd.preview.counts.statements).toBe(first.preview.counts.statements + 1);
    expect(afterAdd.preview).toEqual(await fresh(all));

    // A ceiling below the briefing's level leaves it out and names it.
    await ws.update('briefings', briefingId, { classification: 'secret' });
    const ceiling = packOptions({ ceiling: 'restricted' });
    previewer.watch(ceiling);
    await expect.poll(() => seen.at(-1)?.preview.counts.excluded).toBe(1);
    expect(seen.at(-1)!.options).toBe(ceiling);
    expect(seen.at(-1)!.preview).toEqual(await fresh(ceiling));
    expect(seen.at(-1)!.preview.excluded.map((e) => e.classificationLabel)).toEqual(['SECRET']);

    await ws.remove('briefings', briefingId);
    await expect.poll(() => seen.at(-1)?.preview.counts).toEqual({ briefings: 0, statements: 0, actions: 0, excluded: 0 });
    expect(errors).toEqual([]);
  });

  it('delivers the latest options only when they change faster than it reads', async () => {
    const { previewer, seen, next } = await setup();
    const options = ['unclassified', 'restricted', 'confidential', 'secret'].map((ceiling) => packOptions({ ceiling }));
    // All four arrive while the first read is under way: only the last is worked out and delivered.
    for (const o of options) previewer.watch(o);
    await next(0);
    await new Promise((r) => setTimeout(r, 50));
    expect(seen.map((s) => s.options)).toEqual([options.at(-1)]);
  });

  it('stops following writes and drops its copy once released, also when it only prepared', async () => {
    const { ws, db, previewer, seen, next, fresh } = await setup();
    // Dexie keeps its listeners in `subscribers` (not in its typings): a released previewer must not be among them.
    const listening = () => (Dexie.on.storagemutated as unknown as { subscribers: unknown[] }).subscribers.length;
    const before = listening();
    previewer.prepare();
    expect(listening()).toBe(before + 1);
    previewer.release();
    expect(listening()).toBe(before);

    const all = packOptions({});
    previewer.watch(all);
    await next(0);
    previewer.release();
    expect(listening()).toBe(before);
    const count = seen.length;
    const briefingId = (await db.briefings.toCollection().first())!.id;
    await appendStatement(ws, briefingId, { speakerId: null, kind: 'statement', text: 'Unseen.', tags: [] });
    await new Promise((r) => setTimeout(r, 50));
    expect(seen.length).toBe(count);
    // Watched again, it reads afresh: the write made while released is counted.
    previewer.watch(all);
    const again = await next(count);
    expect(again.preview).toEqual(await fresh(all));
  });

  it('folds what it read into a digest once it has answered, from which the next opening reads, writes since included', async () => {
    const { ws, db, previewer, seen, next, fresh } = await setup();
    const all = packOptions({});
    expect((await checkedBriefingTotals(db)).basis.digested).toBe(false);
    previewer.watch(all);
    await next(0);
    await expect.poll(async () => (await checkedBriefingTotals(db)).basis.digested).toBe(true);
    // The fold wrote no row, so nothing else was delivered.
    await new Promise((r) => setTimeout(r, 50));
    expect(seen.length).toBe(1);
    previewer.release();

    const briefingId = (await db.briefings.toCollection().first())!.id;
    await appendStatement(ws, briefingId, { speakerId: null, kind: 'decision', text: 'Agreed after the fold.', tags: [] });
    expect((await checkedBriefingTotals(db)).basis).toMatchObject({ digested: true, rowsRead: 1 });
    previewer.watch(all);
    const again = await next(1);
    expect(again.preview).toEqual(await fresh(all));
    expect(again.preview.counts.statements).toBe(seen[0]!.preview.counts.statements + 1);
  });
});
