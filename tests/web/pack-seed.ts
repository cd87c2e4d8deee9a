/**
 * Test data for the pack specs that the UI has no quick way to make: briefings written straight into
 * the app's IndexedDB as fully stamped records (the same envelope Workspace.create writes), then the
 * page is reloaded so the app reads them like any stored data. The records are built with the app's own
 * createRecord, so they are exactly what the app would have stored.
 */
import type { Page } from '@playwright/test';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import type { StoredRecord, SyncedTable, TableFields } from '../../src-renderer/src/core/model';
import { createRecord } from '../../src-renderer/src/core/records';

type Row = { table: SyncedTable; record: StoredRecord<SyncedTable> };

let serial = 0;
function id(): string {
  serial++;
  const hex = serial.toString(16).padStart(12, '0');
  return `0190e000-0000-7000-8000-${hex}`;
}

const clock = () => formatHlc(Date.now(), 0, 'seed');

export function briefingRow(fields: Partial<TableFields['briefings']> & { title: string }): Row & { id: string } {
  const briefingId = id();
  const record = createRecord(
    'briefings',
    briefingId,
    {
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
    },
    clock(),
  );
  return { table: 'briefings', record: record as StoredRecord<SyncedTable>, id: briefingId };
}

export function actionRow(briefingId: string, title: string, due = '2015-05-01'): Row {
  const record = createRecord(
    'actions',
    id(),
    { kind: 'task', briefingId, statementId: null, title, owner: 'Political Officer', due, place: '', status: 'open', priority: 'normal', notes: '', tags: [] },
    clock(),
  );
  return { table: 'actions', record: record as StoredRecord<SyncedTable> };
}

export function statementRow(briefingId: string, text: string, order: string): Row {
  const record = createRecord('statements', id(), { briefingId, speakerId: null, kind: 'statement', text, tags: [], order }, clock());
  return { table: 'statements', record: record as StoredRecord<SyncedTable> };
}

/**
 * A workspace big enough that generating its pack takes seconds (≈ 2 pages per briefing): time to
 * watch the progress bar and to cancel.
 */
export function largeWorkspace(briefings: number): Row[] {
  const paragraph =
    'The minister reviewed cooperation on border management, counter-narcotics and regional trade, and asked partners to align their programmes with the national strategy for the coming years. ';
  const rows: Row[] = [];
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

/** Write rows into the app's database (the app must have opened it once), then reload the page. */
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
