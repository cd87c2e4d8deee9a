/**
 * An event kept by a later briefing: the link rules (core/held-events.ts) and what the pack prints of them
 * (core/document/pack.ts through the real builder, read back with pdftotext).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefingName, canLink, describeHeld, isOpenEventFor, laterBriefings, linkPatch, unlinkPatch, type HeldEvent } from '../../src-renderer/src/core/held-events';
import type { Action, WorkspaceData } from '../../src-renderer/src/core/model';
import { packDocument } from '../../src-renderer/src/core/document/pack';
import { packOptions } from '../../src-renderer/src/core/pack/options';
import { renderPack } from '../../src-renderer/src/core/pack/render-node';
import { IDS, packFixture, SECRET_TITLE, WATER_TITLE } from './pack-fixture';
import { pagesText } from '../web/pack-pdf';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import { createRecord } from '../../src-renderer/src/core/records';
import { mergeQuery, SearchEngine } from '../../src-renderer/src/core/search';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';
import { briefingFields } from './fixtures';
import { encodeSyncFile } from '../../src-renderer/src/core/sync/format';
import { cliRunner } from './cli-helpers';

const announcing = { id: 'b-announce', title: 'Countering modern threats', startsAt: '2015-03-17T10:00' };
const later = { id: 'b-later', title: 'High Level Conference held', startsAt: '2015-05-27T09:00' };
const earlier = { id: 'b-earlier', title: 'Trade meeting', startsAt: '2015-03-01T09:00' };
const sameDay = { id: 'b-same', title: 'Afternoon debrief', startsAt: '2015-03-17T16:00' };
const event: HeldEvent = { id: 'e1', kind: 'event', briefingId: announcing.id, status: 'open', heldInBriefingId: null };

describe('held events: the link rules', () => {
  it('links an event to a later briefing (or one of the same day) in one edit: held there, and done', () => {
    expect(canLink(event, later, announcing)).toEqual({ ok: true });
    expect(canLink(event, sameDay, announcing)).toEqual({ ok: true });
    expect(linkPatch(later.id)).toEqual({ heldInBriefingId: later.id, status: 'done' });
    expect(unlinkPatch()).toEqual({ heldInBriefingId: null, status: 'open' });
  });

  it('refuses the announcing briefing itself, an earlier or deleted briefing, and a task, each with its reason', () => {
    expect(canLink(event, announcing, announcing)).toEqual({
      ok: false,
      reason: 'An event cannot be held at the briefing that announced it: pick the later briefing that recorded it.',
    });
    expect(canLink(event, earlier, announcing)).toEqual({
      ok: false,
      reason: '“Trade meeting, 1 March 2015” is dated before the briefing that announced the event (17 March 2015): pick a briefing held after the announcement.',
    });
    expect(canLink(event, { ...later, deleted: 1 }, announcing)).toMatchObject({ ok: false, reason: expect.stringContaining('was deleted') as string });
    expect(canLink({ ...event, kind: 'task' }, later, announcing)).toMatchObject({ ok: false, reason: expect.stringContaining('Only an announced event') as string });
    // Without the announcing briefing at hand (not in this workspace), only the other rules apply.
    expect(canLink(event, earlier)).toEqual({ ok: true });
  });

  it('offers the briefings it may link to, nearest after the announcement first', () => {
    expect(laterBriefings(event, [later, earlier, announcing, sameDay], announcing).map((b) => b.id)).toEqual([sameDay.id, later.id]);
  });

  it('an event a later briefing can still follow up is open, held nowhere, and allowed', () => {
    expect(isOpenEventFor(event, later, announcing)).toBe(true);
    expect(isOpenEventFor({ ...event, status: 'in-progress' }, later, announcing)).toBe(true);
    expect(isOpenEventFor({ ...event, status: 'done' }, later, announcing)).toBe(false);
    expect(isOpenEventFor({ ...event, heldInBriefingId: 'x' }, later, announcing)).toBe(false);
    expect(isOpenEventFor(event, announcing, announcing)).toBe(false);
  });

  it('names the briefing by title and date', () => {
    expect(describeHeld(later)).toBe('Held — see High Level Conference held, 27 May 2015');
    expect(describeHeld(undefined)).toBe('Held — recorded in a briefing not in this workspace');
    expect(briefingName({ title: '  ', startsAt: '2015-05-27T09:00' })).toBe('Untitled briefing, 27 May 2015');
  });
});

const CONFERENCE = '014c2507-a400-7000-8000-00000000001e';
const MOU = '014c2507-a400-7000-8000-00000000001f';

function linked(heldIn: string): WorkspaceData {
  const data = packFixture();
  data.actions = data.actions.map((a): Action => (a.id === CONFERENCE ? { ...a, ...linkPatch(heldIn) } : a));
  return data;
}

describe('held events in the pack', () => {
  const dir = mkdtempSync(join(tmpdir(), 'attache-held-'));
  const options = packOptions({ title: 'Held events', ceiling: 'confidential', creationDate: '2015-06-01T10:00:00Z' });

  it('prints "Held — see" on the event and a "Follows up" block in the later briefing, with the announcing briefing and speaker', async () => {
    const data = linked(IDS.water);
    const speakerId = data.statements.find((s) => s.id === data.actions.find((a) => a.id === CONFERENCE)!.statementId)!.speakerId;
    const speaker = data.people.find((p) => p.id === speakerId)!.name;
    const file = join(dir, 'held.pdf');
    writeFileSync(file, await renderPack(data, options));
    const pages = pagesText(file);
    const all = pages.join(' ');
    expect(all).toContain(`Held — see ${WATER_TITLE}, 2 April 2015`);
    // The later briefing's pages: from its heading to the first annex.
    const water = all.slice(all.indexOf('BRIEFING 2 OF 2'), all.indexOf('ANNEX A'));
    expect(water).toContain('FOLLOWS UP');
    expect(water).toContain('High Level International Conference on Counter Narcotic Cooperation (27 May 2015 · Dushanbe)');
    expect(water).toContain(`Announced at International Cooperation on Countering Modern Threats and Challenges, 17 March 2015 by ${speaker}`);
    // A month-precision date is printed as the month.
    expect(all).toContain('May 2015');
    expect(all).toMatch(/Ninth MoU meeting[^]*?May 2015/);
  });

  it('`attache pack` prints the same, and a month-precision date as the month', async () => {
    const { cli, err } = cliRunner(['pack']);
    const input = join(dir, 'linked.attache');
    const header = { app: { name: 'Attaché', version: 'test' }, installation: { id: '00000000-0000-7000-8000-0000000000c1', name: 'Desk' }, createdAt: '2015-06-01T08:00:00.000Z', scope: { kind: 'full' as const } };
    writeFileSync(input, await encodeSyncFile(linked(IDS.water), header));
    const code = await cli('--in', input, '--out', join(dir, 'cli.pdf'), '--ceiling', 'CONFIDENTIAL');
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const all = pagesText(join(dir, 'cli.pdf')).join(' ');
    expect(all).toContain(`Held — see ${WATER_TITLE}, 2 April 2015`);
    expect(all).toContain('FOLLOWS UP');
    expect(all).toMatch(/Ninth MoU meeting[^]*?May 2015/);
  });

  it('never names a briefing the pack leaves out: the event says a later briefing not in this pack', async () => {
    const data = linked(IDS.secret);
    const file = join(dir, 'secret.pdf');
    writeFileSync(file, await renderPack(data, options));
    const all = pagesText(file).join(' ');
    expect(all).toContain('Held — recorded in a later briefing not in this pack');
    expect(all).not.toContain(SECRET_TITLE);
    expect(all).not.toContain('FOLLOWS UP');
  });

  it('counts, without naming, events announced at a briefing not in the pack', () => {
    const data = linked(IDS.water);
    const example = data.briefings.find((b) => b.id !== IDS.water && b.id !== IDS.secret)!;
    const waterOnly = packDocument(data, { ...options, selection: { ...options.selection, briefingIds: [IDS.water] } });
    expect(waterOnly.briefings[0]!.followsUp).toEqual([]);
    expect(waterOnly.briefings[0]!.followsUpNotShown).toBe(1);
    const both = packDocument(data, { ...options, selection: { ...options.selection, briefingIds: [IDS.water, example.id] } });
    const actions = both.briefings.flatMap((b) => b.actions);
    expect(actions.find((a) => a.id === CONFERENCE)!.heldLine).toBe(`Held — see ${WATER_TITLE}, 2 April 2015`);
    expect(actions.find((a) => a.id === MOU)!.heldLine).toBe('');
    expect(both.briefings[1]!.followsUpNotShown).toBe(0);
  });
});

describe('held events in search: each document names the other', () => {
  let tick = 0;
  const clock = () => formatHlc(1_700_000_000_000, tick++, 'test');
  const conf = createRecord('briefings', '0190b000-0000-7000-8000-000000000001', briefingFields({ title: 'Countering modern threats', startsAt: '2015-03-17T10:00' }), clock());
  const held = createRecord('briefings', '0190b000-0000-7000-8000-000000000002', briefingFields({ title: 'Opening plenary in Dushanbe', startsAt: '2015-05-27T09:00' }), clock());
  const eventFields = { ...V2_FIELDS.actions(), kind: 'event' as const, briefingId: conf.id, statementId: null, title: 'High Level International Conference', owner: '', due: '2015-05', place: '', status: 'open' as const, priority: 'normal' as const, notes: '', tags: [] };
  const open = createRecord('actions', '0190a000-0000-7000-8000-000000000001', eventFields, clock());
  const linkedEvent = { ...open, ...linkPatch(held.id), hlc: clock() };
  const types = (engine: SearchEngine, text: string) => engine.search(mergeQuery(text, {})).groups.flatMap((g) => g.hits.map((h) => `${g.type}:${h.id}`));

  function indexed(): SearchEngine {
    const engine = new SearchEngine();
    engine.upsert('briefings', conf);
    engine.upsert('briefings', held);
    // As the feed does: what a record names of another is re-read when it changes.
    for (const s of engine.upsert('actions', linkedEvent)) expect(s).toEqual({ table: 'briefings', ids: [held.id] });
    engine.upsert('briefings', held);
    return engine;
  }

  it('the event is found by the later briefing’s words, and the later briefing by the event’s', () => {
    const engine = indexed();
    expect(types(engine, 'plenary')).toContain(`action:${open.id}`);
    expect(types(engine, 'international conference')).toContain(`briefing:${held.id}`);
    expect(types(engine, 'international conference')).not.toContain(`briefing:${conf.id}`);
    const item = engine.describe('action', linkedEvent, []);
    expect(item.subtitle).toBe('Event · in May 2015 · Held — see Opening plenary in Dushanbe, 27 May 2015');
  });

  it('a saved index keeps the link; unlinking re-reads the briefing, which then no longer names the event', () => {
    const engine = SearchEngine.fromChunks(indexed().toChunks());
    expect(types(engine, 'international conference')).toContain(`briefing:${held.id}`);
    const stale = engine.upsert('actions', { ...linkedEvent, ...unlinkPatch(), hlc: clock() });
    expect(stale).toEqual([{ table: 'briefings', ids: [held.id] }]);
    engine.upsert('briefings', held);
    expect(types(engine, 'international conference')).not.toContain(`briefing:${held.id}`);
    expect(types(engine, 'plenary')).not.toContain(`action:${open.id}`);
  });

  it('renaming the later briefing re-reads the events it kept', () => {
    const engine = indexed();
    expect(engine.upsert('briefings', { ...held, title: 'Closing session', hlc: clock() })).toEqual([{ table: 'actions', ids: [open.id] }]);
  });
});
