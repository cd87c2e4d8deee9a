/**
 * Test data the UI has no quick way to make, written straight into the app's IndexedDB as fully stamped
 * records, then the page is reloaded so the app (and its search index) reads them like any stored data.
 * Records are built with the app's own createRecord, so they are exactly what Workspace.create stores.
 * The example workspace is read from its JSON file: core/example.ts imports that JSON with a bare
 * `import`, which Playwright's ESM loader refuses without an import attribute.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { generateNKeysBetween } from 'fractional-indexing';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import type { StoredRecord, SyncedTable, TableFields } from '../../src-renderer/src/core/model';
import { createRecord } from '../../src-renderer/src/core/records';
import { addMissingFields } from '../../src-renderer/src/core/upgrade';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';

export type SeedRow = { table: SyncedTable; record: StoredRecord<SyncedTable> };

let serial = 0;
const newId = () => `0190e000-0000-7000-8000-${(++serial).toString(16).padStart(12, '0')}`;
const clock = () => formatHlc(Date.now(), 0, 'seed');

/** One stamped record (a fresh id unless given). */
export function row<T extends SyncedTable>(table: T, fields: TableFields[T], id = newId()): SeedRow & { id: string } {
  return { table, id, record: createRecord(table, id, fields, clock()) as unknown as StoredRecord<SyncedTable> };
}

/** Write rows into the app's database (waiting for the app to have created it), then reload the page. */
export async function seed(page: Page, rows: SeedRow[]): Promise<void> {
  await page.evaluate(async (items) => {
    const tables = [...new Set(items.map((r) => r.table))];
    // The app opens (and shapes) its database a moment after the page loads. Opening it first would
    // create an empty one, so wait until it exists; an open queued behind the app's upgrade then sees
    // every store.
    const deadline = Date.now() + 15_000;
    let db: IDBDatabase | undefined;
    while (!db) {
      const exists = (await indexedDB.databases()).some((d) => d.name === 'attache' && (d.version ?? 0) > 0);
      if (exists) {
        const opened = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open('attache');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        if (tables.every((t) => opened.objectStoreNames.contains(t))) db = opened;
        else opened.close();
      }
      if (!db) {
        if (Date.now() > deadline) throw new Error(`the app never created its stores: ${tables.join(', ')}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    await new Promise<void>((resolve, reject) => {
      // Written past the data layer, so the per-briefing totals it keeps (the list's counts, the Pack dialog's)
      // are marked out of date in the same transaction, as a large import does: the app counts from the
      // tables until it rebuilds them (data/briefing-totals.ts, TOTALS_MARK).
      const tx = db.transaction([...tables, 'meta'], 'readwrite');
      tx.objectStore('meta').delete('briefingTotals');
      for (const r of items) tx.objectStore(r.table).put(r.record);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, rows);
  await page.reload();
}

/**
 * Keep a read-write transaction on `store` open, as a slow disk or a busy tab would, so the app's writes to
 * that store wait; resolves to the function that lets them through.
 */
export async function holdStore(page: Page, store: string): Promise<() => Promise<void>> {
  await page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('attache');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(name, 'readwrite');
          const objects = tx.objectStore(name);
          const w = window as unknown as { attacheReleaseHold?: boolean };
          w.attacheReleaseHold = false;
          // A transaction stays open while it has requests pending: keep one pending until released.
          const spin = () => {
            if (!w.attacheReleaseHold) objects.get('hold').onsuccess = spin;
          };
          spin();
          tx.oncomplete = () => db.close();
          resolve();
        };
      }),
    store,
  );
  return async () => {
    await page.evaluate(() => {
      (window as unknown as { attacheReleaseHold?: boolean }).attacheReleaseHold = true;
    });
  };
}

/** Every row of one store of the app's database, as stored (deleted ones too), read in the page. */
export function storedRows<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(async (t) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('attache');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      const req = db.transaction(t).objectStore(t).getAll();
      req.onsuccess = () => resolve(req.result as unknown[]);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return rows;
  }, store) as Promise<T[]>;
}

/** The texts of the capture drafts stored in the app's database, to wait for a draft write. */
export async function storedDraftTexts(page: Page): Promise<string[]> {
  return (await storedRows<{ text: string }>(page, 'drafts')).map((d) => d.text);
}

// ── The shipped example (people, tracker and settings specs) ──────────────────────────────────────

type Example = Record<'organisations' | 'people' | 'briefings' | 'statements' | 'actions', ({ id: string } & Record<string, unknown>)[]>;

export function exampleJson(): Example {
  return JSON.parse(readFileSync(resolve(import.meta.dirname, '../../resources/example/briefing-2015-03-17-dushanbe.json'), 'utf8')) as Example;
}

export function exampleRows(): SeedRow[] {
  const ex = exampleJson();
  const clock = formatHlc(Date.UTC(2015, 2, 17), 0, 'example');
  const orders = generateNKeysBetween(null, null, ex.statements.length);
  const rows: SeedRow[] = [];
  for (const table of ['organisations', 'people', 'briefings', 'statements', 'actions'] as const) {
    ex[table].forEach(({ id, ...fields }, i) => {
      const f = table === 'statements' ? { ...fields, order: orders[i] } : fields;
      // The example file leaves out fields at their defaults (other spellings, parents, redirects): the app's loader adds them.
      addMissingFields(table, f);
      rows.push({ table, record: createRecord(table, id, f as unknown as TableFields[typeof table], clock) });
    });
  }
  return rows;
}

// ── Briefings with statements and follow-ups (pack specs) ─────────────────────────────────────────

export function briefingRow(fields: Partial<TableFields['briefings']> & { title: string }): SeedRow & { id: string } {
  return row('briefings', { ...V2_FIELDS.briefings(),
    startsAt: '2015-04-01T09:00',
    location: 'Embassy',
    format: 'meeting',
    organiserIds: [],
    audience: 'Heads of mission',
    classification: 'unclassified',
    caveat: '',
    tags: [],
    summary: '',
    ...fields,
  });
}

export function actionRow(briefingId: string, title: string, due = '2015-05-01'): SeedRow {
  return row('actions', { ...V2_FIELDS.actions(), kind: 'task', briefingId, statementId: null, title, owner: 'Political Officer', due, place: '', status: 'open', priority: 'normal', notes: '', tags: [] });
}

export function statementRow(briefingId: string, text: string, order: string): SeedRow {
  return row('statements', { briefingId, speakerId: null, kind: 'statement', text, tags: [], order });
}

/**
 * A workspace big enough that generating its pack takes seconds (≈ 2 pages per briefing): time to
 * watch the progress bar and to cancel.
 */
export function largeWorkspace(briefings: number): SeedRow[] {
  const paragraph =
    'The minister reviewed cooperation on border management, counter-narcotics and regional trade, and asked partners to align their programmes with the national strategy for the coming years. ';
  const rows: SeedRow[] = [];
  for (let i = 0; i < briefings; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const b = briefingRow({
      title: `Bulk briefing ${i + 1}`,
      startsAt: `2016-02-${day}T10:00`,
      tags: ['bulk'],
      summary: Array.from({ length: 6 }, () => paragraph.repeat(3)).join('\n\n'),
    });
    rows.push(b);
    for (let s = 0; s < 8; s++) rows.push(statementRow(b.id, paragraph.repeat(2), `a${s}`));
    rows.push(actionRow(b.id, `Bulk follow-up ${i + 1}`));
  }
  return rows;
}

// ── A small workspace with every kind of record (search and accessibility specs) ──────────────────

export function searchWorkspace() {
  const dca = row('organisations', { ...V2_FIELDS.organisations(), name: 'Drug Control Agency', acronym: 'DCA', country: 'Tajikistan' });
  const unodc = row('organisations', { ...V2_FIELDS.organisations(), name: 'United Nations Office on Drugs and Crime', acronym: 'UNODC', country: '' });
  const nazarzoda = row('people', { ...V2_FIELDS.people(), name: 'Rustam Nazarzoda', title: 'Director', organisationId: dca.id, country: 'Tajikistan' });
  const mittal = row('people', { ...V2_FIELDS.people(), name: 'Ashita Mittal', title: 'Regional Representative', organisationId: unodc.id, country: '' });
  const cyr = row('people', { ...V2_FIELDS.people(), name: 'Шахноза Нодири', title: 'Заместитель министра', organisationId: null, country: 'Таджикистан' });
  const base = { format: 'briefing' as const, audience: 'Heads of mission', classification: 'unclassified', caveat: '' };
  const dushanbe = row('briefings', { ...V2_FIELDS.briefings(),
    ...base,
    title: 'Countering modern threats',
    startsAt: '2015-03-17T10:00',
    location: 'Dushanbe',
    organiserIds: [unodc.id],
    tags: ['counter-narcotics'],
    summary: 'Seizures along the **Northern Route**.',
  });
  const energy = row('briefings', { ...V2_FIELDS.briefings(),
    ...base,
    title: 'Energy security outlook',
    startsAt: '2016-06-01T09:00',
    location: 'Khujand',
    organiserIds: [],
    tags: ['energy'],
    summary: 'Hydropower and the Rogun dam.',
  });
  const st = (briefingId: string, speakerId: string | null, text: string, order: string, tags: string[] = []) =>
    row('statements', { briefingId, speakerId, kind: 'statement', text, tags, order });
  const seized = st(dushanbe.id, nazarzoda.id, 'Over 12 tons of drugs were seized with the support of the DCA.', 'a0');
  const purity = st(dushanbe.id, nazarzoda.id, 'Proposed research on the purity of heroin along the Northern Route.', 'a1', ['research']);
  const opium = st(dushanbe.id, mittal.id, 'Global opium cultivation exceeded 300,000 ha.', 'a2');
  const html = st(energy.id, mittal.id, 'Hydropower <img src=x onerror="window.__pwned=1"> <b>matters</b> for the region.', 'a0');
  const rogun = st(energy.id, cyr.id, 'Строительство Рогунской ГЭС продолжается.', 'a1');
  const conference = row('actions', { ...V2_FIELDS.actions(),
    kind: 'event',
    briefingId: dushanbe.id,
    statementId: purity.id,
    title: 'High Level International Conference',
    owner: 'Head of Mission',
    due: '2015-05-27',
    place: 'Dushanbe',
    status: 'open',
    priority: 'high',
    notes: 'Seek instructions from capital.',
    tags: ['conference'],
  });
  const rows = [dca, unodc, nazarzoda, mittal, cyr, dushanbe, energy, seized, purity, opium, html, rogun, conference];
  return { rows, dca, unodc, nazarzoda, mittal, cyr, dushanbe, energy, seized, purity, opium, html, rogun, conference };
}
