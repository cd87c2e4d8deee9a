/**
 * A small workspace for the search specs, written straight into the app's IndexedDB as stamped records
 * (built with the app's own createRecord, so they are exactly what the app stores), then the page is
 * reloaded so the app and its search index read them like any stored data.
 */
import type { Page } from '@playwright/test';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import type { StoredRecord, SyncedTable, TableFields } from '../../src-renderer/src/core/model';
import { createRecord } from '../../src-renderer/src/core/records';

type Row = { table: SyncedTable; record: StoredRecord<SyncedTable> };

let serial = 0;
const newId = () => `0190f000-0000-7000-8000-${(++serial).toString(16).padStart(12, '0')}`;
const clock = () => formatHlc(Date.now(), serial, 'searchseed');

function row<T extends SyncedTable>(table: T, fields: TableFields[T]): Row & { id: string } {
  const id = newId();
  return { table, id, record: createRecord(table, id, fields, clock()) as unknown as StoredRecord<SyncedTable> };
}

export function searchWorkspace() {
  const dca = row('organisations', { name: 'Drug Control Agency', acronym: 'DCA', country: 'Tajikistan' });
  const unodc = row('organisations', { name: 'United Nations Office on Drugs and Crime', acronym: 'UNODC', country: '' });
  const nazarzoda = row('people', { name: 'Rustam Nazarzoda', title: 'Director', organisationId: dca.id, country: 'Tajikistan' });
  const mittal = row('people', { name: 'Ashita Mittal', title: 'Regional Representative', organisationId: unodc.id, country: '' });
  const cyr = row('people', { name: 'Шахноза Нодири', title: 'Заместитель министра', organisationId: null, country: 'Таджикистан' });
  const base = { format: 'briefing' as const, audience: 'Heads of mission', classification: 'unclassified', caveat: '' };
  const dushanbe = row('briefings', {
    ...base,
    title: 'Countering modern threats',
    startsAt: '2015-03-17T10:00',
    location: 'Dushanbe',
    organiserIds: [unodc.id],
    tags: ['counter-narcotics'],
    summary: 'Seizures along the **Northern Route**.',
  });
  const energy = row('briefings', {
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
  const conference = row('actions', {
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

/** Write rows into the app's database (after the app has created it), then reload. */
export async function seed(page: Page, rows: Row[]): Promise<void> {
  await page.evaluate(async (items) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('attache');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tables = [...new Set(items.map((r) => r.table))];
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(tables, 'readwrite');
      for (const r of items) tx.objectStore(r.table).put(r.record);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, rows);
  await page.reload();
}
