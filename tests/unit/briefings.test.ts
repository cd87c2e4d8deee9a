import Dexie from 'dexie';
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src-renderer/src/core/classification';
import { defaultLetterhead } from '../../src-renderer/src/core/letterhead';
import { SETTINGS_ID } from '../../src-renderer/src/core/model';
import { validateFields } from '../../src-renderer/src/core/schemas';
import { allTags, countsFor, listBriefingIds, listBriefings, newBriefingFields } from '../../src-renderer/src/data/briefings';
import { settingsOf } from '../../src-renderer/src/data/settings';
import { deferBriefingTotals, readKeptTotals } from '../../src-renderer/src/data/briefing-totals';
import { AttacheDb } from '../../src-renderer/src/data/db';
import { appendStatement, followUp } from '../../src-renderer/src/data/statements';
import { Workspace } from '../../src-renderer/src/data/workspace';

const open = () => Workspace.open(new AttacheDb(`br-${Math.random()}`));
const briefing = (title: string, startsAt: string, tags: string[] = []) => ({
  ...newBriefingFields(DEFAULT_SETTINGS),
  title,
  startsAt,
  tags,
});

describe('briefings', () => {
  it('are listed newest first, without deleted ones', async () => {
    const ws = await open();
    await ws.create('briefings', briefing('March', '2015-03-17T10:00'));
    const may = await ws.create('briefings', briefing('May', '2015-05-27T09:00'));
    await ws.create('briefings', briefing('January', '2015-01-05T15:30'));
    expect((await listBriefings(ws.db)).map((b) => b.title)).toEqual(['May', 'March', 'January']);
    await ws.remove('briefings', may.id);
    expect((await listBriefings(ws.db)).map((b) => b.title)).toEqual(['March', 'January']);
  });

  it('list their ids newest first across years (read a year at a time) as one read of the whole index would', async () => {
    const ws = await open();
    expect(await listBriefingIds(ws.db)).toEqual([]);
    const dates = ['2009-12-31T23:59', '2010-01-01T00:00', '2010-01-01T00:00', '2012-06-15T09:00', '2015-03-17T10:00', '2015-03-17T10:00', '2015-12-31T18:00', '2016-01-01T08:00'];
    for (const [i, startsAt] of dates.entries()) await ws.create('briefings', briefing(`B${i}`, startsAt));
    const gone = await ws.create('briefings', briefing('Gone', '2011-05-05T10:00'));
    await ws.remove('briefings', gone.id);
    const whole = await ws.db.briefings.where('[deleted+startsAt]').between([0, Dexie.minKey], [0, Dexie.maxKey]).reverse().primaryKeys();
    const ids = await listBriefingIds(ws.db);
    expect(ids).toEqual(whole);
    expect(ids).toHaveLength(dates.length);
    expect(ids).not.toContain(gone.id);
    // One year only, and a date that does not begin with a year: still the same as the whole read.
    const odd = await ws.create('briefings', briefing('Odd', '2015-03-17T10:00'));
    const wholeRead = () => ws.db.briefings.where('[deleted+startsAt]').between([0, Dexie.minKey], [0, Dexie.maxKey]).reverse().primaryKeys();
    await ws.db.briefings.update(odd.id, { startsAt: 'sometime' });
    expect(await listBriefingIds(ws.db)).toEqual(await wholeRead());
    // Oldest of all, and a number to Number(): still every briefing.
    await ws.db.briefings.update(odd.id, { startsAt: '1e10' });
    expect(await listBriefingIds(ws.db)).toEqual(await wholeRead());
    expect(await listBriefingIds(ws.db)).toHaveLength(dates.length + 1);
  });

  it('list their ids live: a new briefing, a moved date, a deletion (soft or not) and a restore each show at once', async () => {
    const ws = await open();
    const march = await ws.create('briefings', briefing('March', '2015-03-17T10:00'));
    const seen: string[][] = [];
    const sub = liveQuery(() => listBriefingIds(ws.db)).subscribe({ next: (ids) => seen.push(ids) });
    const next = async (want: string[]) => {
      await expect.poll(() => seen.at(-1), { timeout: 2_000 }).toEqual(want);
    };
    try {
      await next([march.id]);
      const may = await ws.create('briefings', briefing('May', '2015-05-27T09:00'));
      await next([may.id, march.id]);
      await ws.update('briefings', march.id, { startsAt: '2015-06-01T09:00' });
      await next([march.id, may.id]);
      await ws.remove('briefings', march.id);
      await next([may.id]);
      await ws.restore('briefings', march.id);
      await next([march.id, may.id]);
      await ws.db.briefings.delete(may.id);
      await next([march.id]);
    } finally {
      sub.unsubscribe();
    }
  });

  it('count live statements and follow-ups per briefing', async () => {
    const ws = await open();
    const b = await ws.create('briefings', briefing('B', '2015-03-17T10:00'));
    const other = await ws.create('briefings', briefing('Other', '2015-03-18T10:00'));
    const s1 = await appendStatement(ws, b.id, { speakerId: null, kind: 'request', text: 'Please help.', tags: [] });
    const s2 = await appendStatement(ws, b.id, { speakerId: null, kind: 'statement', text: 'Noted.', tags: [] });
    await followUp(ws, s1);
    await ws.remove('statements', s2.id);
    const counts = await countsFor(ws.db, [b.id, other.id]);
    expect(counts.get(b.id)).toEqual({ statements: 1, actions: 1 });
    expect(counts.get(other.id)).toEqual({ statements: 0, actions: 0 });
  });

  it('count from the kept totals, and from the tables while a large import has left the totals out of date', async () => {
    const ws = await open();
    const b = await ws.create('briefings', briefing('B', '2015-03-17T10:00'));
    const s1 = await appendStatement(ws, b.id, { speakerId: null, kind: 'request', text: 'Please help.', tags: [] });
    await followUp(ws, s1);
    // The totals are current: a row that disagrees with the tables shows that the count comes from the totals.
    await ws.db.briefingTotals.update(b.id, { statements: 7 });
    expect((await countsFor(ws.db, [b.id])).get(b.id)).toEqual({ statements: 7, actions: 1 });
    // Out of date (the mark a large import removes): counted from the tables, so still exact after later writes.
    await ws.db.transaction('rw', [ws.db.meta, ws.db.statements, ws.db.actions, ws.db.briefings, ws.db.briefingTotals], async () => {
      await deferBriefingTotals(ws.db);
      await appendStatement(ws, b.id, { speakerId: null, kind: 'statement', text: 'Noted.', tags: [] });
    });
    expect((await countsFor(ws.db, [b.id])).get(b.id)).toEqual({ statements: 2, actions: 1 });
    // Rebuilt (as the Pack dialog does), the totals give the same counts as the tables.
    await readKeptTotals(ws.db);
    expect((await countsFor(ws.db, [b.id])).get(b.id)).toEqual({ statements: 2, actions: 1 });
  });

  it('start new with valid defaults but for the title, which the user must give', () => {
    const fields = newBriefingFields(DEFAULT_SETTINGS, new Date(2015, 2, 17, 10, 0));
    expect(fields.startsAt).toBe('2015-03-17T10:00');
    expect(fields.classification).toBe('unclassified');
    const check = validateFields('briefings', fields);
    expect(check.ok ? {} : check.errors).toEqual({ title: 'Title cannot be empty' });
  });

  it('read the workspace settings, or the defaults when there are none', async () => {
    const ws = await open();
    expect(await settingsOf(ws.db)).toEqual(DEFAULT_SETTINGS);
    const levels = [
      { id: 'public', label: 'PUBLIC' },
      { id: 'internal', label: 'INTERNAL' },
    ];
    await ws.create('settings', { ...defaultLetterhead(), classificationLevels: levels, defaultClassification: 'internal' }, SETTINGS_ID);
    expect(await settingsOf(ws.db)).toEqual({ ...defaultLetterhead(), classificationLevels: levels, defaultClassification: 'internal' });
  });

  it('offer every tag in use, once', async () => {
    const ws = await open();
    const b = await ws.create('briefings', briefing('B', '2015-03-17T10:00', ['drugs', 'Central Asia']));
    await appendStatement(ws, b.id, { speakerId: null, kind: 'figure', text: '12 tons', tags: ['drugs', 'seizures'] });
    expect(await allTags(ws.db)).toEqual(['Central Asia', 'drugs', 'seizures']);
  });
});
