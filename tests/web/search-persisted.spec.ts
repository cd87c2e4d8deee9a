/**
 * The search index saved in IndexedDB (data/search-persist.ts), in Chromium with the real worker and Web
 * Locks: after a reload it answers from the saved index (not rebuilt: the same saved generation), takes in
 * an edit made while the app was closed, and a torn index is rebuilt rather than served.
 */
import { expect, test, type Page } from '@playwright/test';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import { SearchPage } from './pages/SearchPage';
import { searchWorkspace, seed } from './seed';

/** The saved index's commit marker and chunk rows, read straight from its database. */
async function store(page: Page): Promise<{ generation: number; chunks: number } | undefined> {
  return page.evaluate(
    () =>
      new Promise<{ generation: number; chunks: number } | undefined>((resolve, reject) => {
        const req = indexedDB.open('attache-search');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('meta')) return resolve(undefined);
          const get = db.transaction('meta').objectStore('meta').get('marker');
          get.onsuccess = () => {
            const m = get.result as { generation: number; chunks: number } | undefined;
            db.close();
            resolve(m && { generation: m.generation, chunks: m.chunks });
          };
        };
      }),
  );
}

/** Put a record (or a chunk row) straight into a database, as a write the app did not see. */
async function put(page: Page, dbName: string, storeName: string, value: unknown): Promise<void> {
  await page.evaluate(
    ({ dbName, storeName, value }) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open(dbName);
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(storeName, 'readwrite');
          tx.objectStore(storeName).put(value);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { dbName, storeName, value },
  );
}

async function getChunk(page: Page, n: number): Promise<{ n: number; generation: number; text: string }> {
  return page.evaluate(
    (n) =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('attache-search');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const get = req.result.transaction('chunks').objectStore('chunks').get(n);
          get.onsuccess = () => resolve(get.result as { n: number; generation: number; text: string });
        };
      }),
    n,
  );
}

test('the saved search index answers after a reload, takes in what changed while closed, and a torn one is rebuilt', async ({ page }) => {
  const search = new SearchPage(page);
  const w = searchWorkspace();
  await search.open();
  await seed(page, w.rows);
  await search.waitUntilIndexed();
  await search.search('purity');
  await expect(search.result('Statements', 'purity of heroin')).toBeVisible();
  // Saved at the first visit (an empty workspace); the seeded records, written unseen with newer clocks,
  // were read in on top of it at the reload and logged.
  await expect.poll(async () => (await store(page))?.generation ?? 0).toBeGreaterThan(0);
  const saved = (await store(page))!;

  // An edit while the app is closed (a newer clock, as every local edit has): re-read at the next start.
  const edited = { ...w.purity.record, text: 'Proposed research on cannabis seizures along the Northern Route.', hlc: formatHlc(Date.now() + 1000, 0, 'seed') };
  await put(page, 'attache', 'statements', edited);
  await page.reload();
  await search.waitUntilIndexed();
  await search.search('cannabis');
  await expect(search.result('Statements', 'cannabis seizures')).toBeVisible();
  await search.search('purity');
  await expect(search.page.getByText('Nothing matches.')).toBeVisible();
  await search.search('nazar');
  await expect(search.results('Statements')).toHaveCount(2);
  // Loaded, not rebuilt: the saved generation is the same.
  expect((await store(page))!.generation).toBe(saved.generation);

  // A statement written unseen with an old clock (as an import while no search ran): the counts differ,
  // so the index is rebuilt (the saved one answering meanwhile), and finds it.
  const old = { ...w.opium.record, id: '0190e000-0000-7000-8000-0000000000ff', text: 'Locust swarms threatened the wheat harvest.', hlc: formatHlc(1_000, 0, 'seed') };
  await put(page, 'attache', 'statements', old);
  await page.reload();
  await search.waitUntilIndexed();
  await search.search('locust');
  await expect(search.result('Statements', 'Locust swarms')).toBeVisible();
  await expect.poll(async () => (await store(page))!.generation).toBeGreaterThan(saved.generation);
  const rebuilt = (await store(page))!;

  // A chunk that does not belong to its commit marker: the index is rebuilt, and answers the same.
  const chunk = await getChunk(page, 0);
  await put(page, 'attache-search', 'chunks', { ...chunk, generation: chunk.generation + 7 });
  await page.reload();
  await search.waitUntilIndexed();
  await search.search('cannabis');
  await expect(search.result('Statements', 'cannabis seizures')).toBeVisible();
  await search.search('nazar');
  await expect(search.results('Statements')).toHaveCount(2);
  await search.search('locust');
  await expect(search.result('Statements', 'Locust swarms')).toBeVisible();
  await expect.poll(async () => (await store(page))!.generation).toBeGreaterThan(rebuilt.generation);
});
