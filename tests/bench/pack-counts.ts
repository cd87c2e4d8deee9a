/**
 * The pack dialog's first counts as a new window waits for them, for the benches: a pack worker of its own
 * (data/pack.worker.ts, the app's, bundled by Vite from this page), asked once; then what the kept totals
 * themselves say, to check the answer against.
 */
import { isEmptyTotals } from '../../src-renderer/src/core/pack/briefing-totals';
import type { PackOptions } from '../../src-renderer/src/core/pack/options';
import { previewOfTotals } from '../../src-renderer/src/core/pack/preview-totals';
import type { PackPreview } from '../../src-renderer/src/core/pack/select';
import { settingsOfData } from '../../src-renderer/src/core/settings';
import type { AttacheDb } from '../../src-renderer/src/data/db';
import type { WorkerReply, WorkerRequest } from '../../src-renderer/src/data/pack-protocol';

/**
 * Ask a new pack worker for the counts of `options` and time the answer from the worker's creation (its
 * module loaded, the totals read), then end it. Meant for a later opening (a digest stored, few rows written
 * since), where the worker folds nothing: after a read of every row it would start a fold that the end cuts off.
 */
export async function countsInNewWorker(dbName: string, options: PackOptions): Promise<{ ms: number; preview: PackPreview }> {
  const start = performance.now();
  const worker = new Worker(new URL('../../src-renderer/src/data/pack.worker.ts', import.meta.url), { type: 'module', name: 'attache-pack-bench' });
  try {
    return await new Promise((resolve, reject) => {
      worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
        const reply = event.data;
        if (reply.type === 'preview') resolve({ ms: performance.now() - start, preview: reply.preview });
        else if (reply.type === 'preview-error') reject(new Error(reply.message));
      });
      worker.addEventListener('error', (event) => reject(new Error(event.message || 'the pack worker failed')));
      const watch: WorkerRequest = { type: 'preview', seq: 1, dbName, options: JSON.parse(JSON.stringify(options)) as PackOptions };
      worker.postMessage(watch);
    });
  } finally {
    worker.terminate();
  }
}

/** Wait until a digest of the totals is stored (the pack worker folds one after its first answer). */
export async function digestStored(db: AttacheDb, timeoutMs = 300_000): Promise<number> {
  const start = performance.now();
  while ((await db.totalsDigest.count()) === 0) {
    if (performance.now() - start > timeoutMs) throw new Error('no totals digest was stored');
    await new Promise((r) => setTimeout(r, 250));
  }
  return performance.now() - start;
}

/** The preview the stored per-briefing rows give, read one by one (the slow path), to check an answer against. */
export async function previewOfStoredRows(db: AttacheDb, options: PackOptions): Promise<PackPreview> {
  const [rows, settings] = await Promise.all([db.briefingTotals.toArray(), db.settings.toArray()]);
  const levels = settingsOfData({ settings: settings.filter((s) => !s.deleted) }).classificationLevels;
  return previewOfTotals(
    rows.filter((r) => !isEmptyTotals(r)),
    levels,
    options,
  );
}
