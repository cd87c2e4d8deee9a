/**
 * The Today screen: what core/today.ts chooses (the week's briefings and events, partial dates that
 * cover the week, my follow-ups due or overdue as the tracker's Mine compares names, the last edited),
 * and what data/today.ts reads through the indexes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newActionFields } from '../../src-renderer/src/data/actions';
import { newBriefingFields } from '../../src-renderer/src/data/briefings';
import { AttacheDb } from '../../src-renderer/src/data/db';
import { writeMyName } from '../../src-renderer/src/data/my-name';
import { loadToday } from '../../src-renderer/src/data/today';
import { Workspace } from '../../src-renderer/src/data/workspace';
import { todaySections, todayWindow, type TodayAction, type TodayBriefing, type TodayInput, type TodayItem } from '../../src-renderer/src/core/today';

const TODAY = '2026-12-04';
let seq = 0;
const id = () => `0190${String(++seq).padStart(8, '0')}`;

function b(startsAt: string, title = startsAt, hlc = '0'): TodayBriefing {
  return { id: id(), title, startsAt, location: '', hlc };
}
function a(over: Partial<TodayAction>): TodayAction {
  return { id: id(), kind: 'task', title: 'x', owner: '', due: '', status: 'open', priority: 'normal', briefingId: null, place: '', tags: [], ...over };
}
function input(over: Partial<TodayInput>): TodayInput {
  return { today: TODAY, briefings: [], events: [], mine: [], recent: [], myName: '', briefingTitles: new Map(), ...over };
}
const titles = (items: TodayItem[]) => items.map((i) => (i.type === 'briefing' ? i.briefing.title : i.action.title));
const section = (inp: TodayInput, sid: string) => todaySections(inp).find((s) => s.id === sid)!;

describe('the week', () => {
  it('is today and the seven days after it, with the months and years that cover it', () => {
    expect(todayWindow('2026-12-28')).toEqual({
      today: '2026-12-28',
      last: '2027-01-04',
      briefingsFrom: '2026-12-28',
      briefingsTo: '2027-01-05',
      partialDues: ['2026', '2026-12', '2027', '2027-01'],
    });
  });
});

describe('today and the coming week', () => {
  it('puts today’s briefings and events under Today, in time order, and the rest of the week under Coming week', () => {
    const inp = input({
      briefings: [b('2026-12-04T15:00', 'Afternoon'), b('2026-12-04T09:00', 'Morning'), b('2026-12-11T23:59', 'Last day'), b('2026-12-06T10:00', 'Sunday'), b('2026-12-12T09:00', 'Too late'), b('2026-12-03T09:00', 'Yesterday')],
      events: [
        a({ kind: 'event', title: 'Conference today', due: '2026-12-04' }),
        a({ kind: 'event', title: 'Visit on the 8th', due: '2026-12-08' }),
        a({ kind: 'event', title: 'Sometime in December', due: '2026-12' }),
        a({ kind: 'event', title: 'Next year', due: '2027' }),
        a({ kind: 'event', title: 'Last month', due: '2026-11' }),
        a({ kind: 'event', title: 'Dropped', due: '2026-12-05', status: 'dropped' }),
        a({ kind: 'task', title: 'A task is no event', due: '2026-12-05' }),
      ],
    });
    expect(titles(section(inp, 'today').items)).toEqual(['Conference today', 'Morning', 'Afternoon']);
    expect(titles(section(inp, 'week').items)).toEqual(['Sometime in December', 'Sunday', 'Visit on the 8th', 'Last day']);
  });

  it('shows a month or a year that covers a day of the week only, across a year’s end', () => {
    const inp = input({
      today: '2026-12-28',
      events: [a({ kind: 'event', title: 'January', due: '2027-01' }), a({ kind: 'event', title: '2027', due: '2027' }), a({ kind: 'event', title: 'February', due: '2027-02' })],
    });
    expect(titles(section(inp, 'week').items)).toEqual(['2027', 'January']);
  });

  it('leaves out the events of a deleted briefing and names the briefing of the others', () => {
    const inp = input({
      events: [a({ kind: 'event', title: 'Kept', due: TODAY, briefingId: 'b1' }), a({ kind: 'event', title: 'Gone', due: TODAY, briefingId: 'b2' })],
      briefingTitles: new Map([['b1', 'Weekly round-up']]),
      deletedBriefings: new Set(['b2']),
    });
    const items = section(inp, 'today').items;
    expect(titles(items)).toEqual(['Kept']);
    expect(items[0]).toMatchObject({ briefingTitle: 'Weekly round-up' });
  });
});

describe('my follow-ups', () => {
  const mine = [
    a({ title: 'Overdue', owner: 'Anna Petrová', due: '2026-11-30' }),
    a({ title: 'Due Friday next', owner: '  anna  petrova', due: '2026-12-11' }),
    a({ title: 'Later', owner: 'Anna Petrova', due: '2026-12-12' }),
    a({ title: 'Undated', owner: 'Anna Petrova' }),
    a({ title: 'Done', owner: 'Anna Petrova', due: '2026-12-01', status: 'done' }),
    a({ title: 'Someone else’s', owner: 'Ambassador', due: '2026-12-01' }),
    a({ title: 'November', owner: 'Anna Petrova', due: '2026-11', status: 'in-progress' }),
  ];

  it('keeps those due this week or overdue, still to do, owned by my name as names compare', () => {
    const s = section(input({ mine, myName: 'ANNA PETROVA' }), 'mine');
    expect(titles(s.items)).toEqual(['November', 'Overdue', 'Due Friday next']);
    expect(s.items.map((i) => i.type === 'action' && !!i.overdue)).toEqual([true, true, false]);
  });

  it('shows none, and says where to give the name, while no name is given', () => {
    const s = section(input({ mine, myName: '' }), 'mine');
    expect(s.items).toEqual([]);
    expect(s.empty).toMatch(/Settings → You/);
  });

  it('does not repeat an event of mine already listed for the week', () => {
    const ev = a({ kind: 'event', title: 'My event', owner: 'Anna', due: TODAY });
    const inp = input({ events: [ev], mine: [ev], myName: 'Anna' });
    expect(titles(section(inp, 'today').items)).toEqual(['My event']);
    expect(section(inp, 'mine').items).toEqual([]);
  });
});

describe('last edited', () => {
  it('keeps the order given (newest clock first), each once, five at most', () => {
    const list = Array.from({ length: 7 }, (_, i) => b(`2015-01-0${i + 1}T10:00`, `B${i}`));
    expect(titles(section(input({ recent: [...list, list[0]!] }), 'recent').items)).toEqual(['B0', 'B1', 'B2', 'B3', 'B4']);
  });
});

describe('reading Today from storage', () => {
  let db: AttacheDb;
  let ws: Workspace;
  let n = 0;
  beforeEach(async () => {
    db = new AttacheDb(`today-test-${n++}`);
    ws = await Workspace.open(db);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('finds the week’s briefings and events, my follow-ups and the last edited through the indexes', async () => {
    const settings = { classificationLevels: [{ id: 'unclassified', label: 'Unclassified' }], defaultClassification: 'unclassified' };
    const mk = (title: string, startsAt: string) => ws.create('briefings', { ...newBriefingFields(settings), title, startsAt });
    const old = await mk('Old briefing', '2015-03-17T10:00');
    await mk('Donor round-table', '2026-12-07T10:00');
    const gone = await mk('Deleted one', '2026-12-04T09:00');
    await ws.create('actions', newActionFields({ kind: 'event', title: 'Conference', due: '2026-12', briefingId: old.id }));
    await ws.create('actions', newActionFields({ kind: 'event', title: 'Of a deleted briefing', due: TODAY, briefingId: gone.id }));
    await ws.create('actions', newActionFields({ title: 'Send the figures', owner: 'anna petrova', due: '2026-12-01' }));
    await ws.create('actions', newActionFields({ title: 'Not mine', owner: 'Ambassador', due: '2026-12-01' }));
    await ws.remove('briefings', gone.id);
    await writeMyName(db, 'Anna Petrová');
    await ws.update('briefings', old.id, { location: 'Dushanbe' });

    const sections = todaySections(await loadToday(db, TODAY));
    const got = Object.fromEntries(sections.map((s) => [s.id, titles(s.items)]));
    expect(got).toEqual({
      today: [],
      week: ['Conference', 'Donor round-table'],
      mine: ['Send the figures'],
      recent: ['Old briefing', 'Donor round-table'],
    });
    expect(sections[1]!.items[0]).toMatchObject({ briefingTitle: 'Old briefing' });
  });
});
