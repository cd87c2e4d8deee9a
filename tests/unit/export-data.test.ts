/**
 * The app's export path (data/export.ts) on a real IndexedDB: the letterhead and levels come from the
 * workspace's settings record, a briefing exports as its document, the tracker's rows as items naming their
 * briefing, and the registry's checks refuse what cannot be written.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { briefingDocumentFromData } from '../../src-renderer/src/core/document/briefing';
import { EXAMPLE_BRIEFING_ID } from '../../src-renderer/src/core/example';
import { ExportError, formatById } from '../../src-renderer/src/core/export/formats';
import { AttacheDb } from '../../src-renderer/src/data/db';
import { loadExample } from '../../src-renderer/src/data/example';
import { briefingContent, exportInput, trackerContent, writeExport } from '../../src-renderer/src/data/export';
import { editSettings } from '../../src-renderer/src/data/settings';
import { readWorkspaceData } from '../../src-renderer/src/data/snapshot';
import { Workspace } from '../../src-renderer/src/data/workspace';

let db: AttacheDb;
let ws: Workspace;

beforeEach(async () => {
  db = new AttacheDb(`export-data-${Math.random()}`);
  ws = await Workspace.open(db);
  await loadExample(ws);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('exports from the app', () => {
  it('take the letterhead and levels from the workspace’s settings', async () => {
    await editSettings(ws, (s) => ({
      missionName: 'Embassy of Ruritania, Dushanbe',
      cableInfo: ['Ruritanian Mission to the UN, Vienna'],
      cablePrecedence: 'PRIORITY',
      classificationLevels: s.classificationLevels.map((l) => (l.id === 'unclassified' ? { ...l, short: 'UNCL' } : l)),
    }));
    const doc = briefingDocumentFromData(await readWorkspaceData(db), EXAMPLE_BRIEFING_ID)!;
    const input = await exportInput(db, briefingContent(doc), formatById('cable')!, '2015-03-18');
    expect(input.letterhead).toMatchObject({ mission: 'Embassy of Ruritania, Dushanbe', from: 'Embassy of Ruritania, Dushanbe', precedence: 'PRIORITY' });
    expect(input.pdf).toBeUndefined();
    const file = await writeExport(db, formatById('cable')!, briefingContent(doc), { portionMarks: true });
    const text = new TextDecoder().decode(file.bytes);
    expect(text).toContain('PRECEDENCE: PRIORITY');
    expect(text).toContain('INFO:       Ruritanian Mission to the UN, Vienna');
    expect(text).toMatch(/^1\. {2}\(UNCL\) The Ministry of Foreign Affairs/m);
    expect(file.fileName).toMatch(/^International-Cooperation-on-Countering-Modern-Threats-and-Challenges-cable-\d{4}-\d{2}-\d{2}\.txt$/);
  });

  it('give the tracker’s rows as items naming their briefing, in the order given', async () => {
    const actions = (await db.actions.toArray()).filter((a) => a.status === 'open').sort((a, b) => (a.due < b.due ? -1 : 1));
    const briefing = (await db.briefings.get(EXAMPLE_BRIEFING_ID))!;
    const content = trackerContent(actions, new Map([[briefing.id, { id: briefing.id, title: briefing.title, startsAt: briefing.startsAt, tags: briefing.tags }]]));
    expect(content.scope).toBe('tracker');
    expect(content.items.map((i) => i.id)).toEqual(actions.map((a) => a.id));
    expect(content.items[0]!.briefing).toEqual({
      id: briefing.id,
      title: briefing.title,
      startsAt: '2015-03-17T10:00',
      name: 'International Cooperation on Countering Modern Threats and Challenges, 17 March 2015',
    });
    const event = content.items.find((i) => i.kind === 'event' && i.due === '2015-05')!;
    expect(event.dueText).toBe('May 2015');
    // A cable is made from briefings: the tracker cannot be written as one.
    await expect(writeExport(db, formatById('cable')!, content)).rejects.toBeInstanceOf(ExportError);
  });
});
