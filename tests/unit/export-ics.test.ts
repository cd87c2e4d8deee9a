/**
 * The calendar writer (core/export/ics.ts) read back by ical.js's RFC 5545 parser and checked in its raw
 * text (CRLF line ends, folding by octets, text escaping — what any calendar client reads): UIDs are the
 * record ids, events on their day, tasks with DUE, month-precision dates left out and named, and text
 * that tries to inject properties through line breaks stays inside its own property.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_BRIEFING_ID } from '../../src-renderer/src/core/example';
import { calendarNotes, calendarText, writeIcs } from '../../src-renderer/src/core/export/ics';
import { ExportError } from '../../src-renderer/src/core/export/formats';
import { briefingInput, trackerInput } from './export-fixture';
import { CYRILLIC_NAME, IDS, packFixture } from './pack-fixture';

const NOW = new Date(Date.UTC(2015, 3, 10, 12, 0, 0));
const CONFERENCE_ID = '014c2507-a400-7000-8000-00000000001e';
const MOU_ID = '014c2507-a400-7000-8000-00000000001f';
const CABLE_ID = '014c2507-a400-7000-8000-00000000001d';

function read(text: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(text) as unknown[]);
}

const byUid = (cal: ICAL.Component, name: string) =>
  new Map(cal.getAllSubcomponents(name).map((c) => [String(c.getFirstPropertyValue('uid')), c]));

describe('calendar of the example briefing', () => {
  const text = new TextDecoder().decode(writeIcs(briefingInput(), NOW));
  const cal = read(text);

  it('is an RFC 5545 calendar: CRLF line ends, lines folded within 75 octets, version and product', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const l of text.split('\r\n')) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(76);
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(String(cal.getFirstPropertyValue('prodid'))).toContain('Attaché');
  });

  it('makes the dated event a VEVENT on its day, with the record id as UID', () => {
    const events = byUid(cal, 'vevent');
    expect([...events.keys()]).toEqual([CONFERENCE_ID]);
    const conference = new ICAL.Event(events.get(CONFERENCE_ID));
    expect(conference.summary).toBe('High Level International Conference on Counter Narcotic Cooperation');
    expect(conference.location).toBe('Dushanbe');
    expect(conference.startDate.toString()).toBe('2015-05-27');
    expect(conference.startDate.isDate).toBe(true);
    expect(conference.endDate.toString()).toBe('2015-05-28');
    expect(conference.description).toContain('From the briefing: International Cooperation on Countering Modern Threats and Challenges, 17 March 2015');
  });

  it('makes each dated task a VTODO with DUE and its status', () => {
    const todos = byUid(cal, 'vtodo');
    expect(todos.size).toBe(8);
    const cable = todos.get(CABLE_ID)!;
    expect(cable.getFirstPropertyValue('summary')).toBe('Report the briefing to capital (cable)');
    expect(String(cable.getFirstPropertyValue('due'))).toBe('2015-03-19');
    expect(cable.getFirstPropertyValue('status')).toBe('COMPLETED');
    expect(cable.getFirstProperty('categories')!.getValues()).toEqual(['reporting']);
    expect([...todos.values()].map((t) => t.getFirstPropertyValue('status'))).toContain('IN-PROCESS');
  });

  it('leaves the month-precision event out and names it in the notes', () => {
    expect(byUid(cal, 'vevent').has(MOU_ID)).toBe(false);
    expect(byUid(cal, 'vtodo').has(MOU_ID)).toBe(false);
    expect(calendarNotes(briefingInput())).toEqual(['Not in the calendar: “Ninth MoU meeting (Central Asia, Russia, Azerbaijan, AKDN)” — its date is only May 2015.']);
  });

  it('writes the same UIDs and content again on a later export, so a calendar updates rather than duplicates', () => {
    const again = new TextDecoder().decode(writeIcs(briefingInput(), new Date(Date.UTC(2015, 4, 1))));
    expect([...byUid(read(again), 'vtodo').keys()].sort()).toEqual([...byUid(cal, 'vtodo').keys()].sort());
    expect(again.replace(/DTSTAMP:\S+/g, '')).toBe(text.replace(/DTSTAMP:\S+/g, ''));
  });
});

describe('calendar: text is escaped, never a property', () => {
  it('escapes commas, semicolons, backslashes and line breaks (RFC 5545 3.3.11), so CR/LF cannot inject a property', () => {
    const input = trackerInput();
    const item = { ...input.items.find((a) => a.id === CABLE_ID)!, title: 'Call A, B; C \\ D\r\nEND:VTODO\r\nBEGIN:VEVENT', tags: ['a,b', 'c;d'], notes: 'Line one\nATTACH:http://evil.example/x\r\nLine, three' };
    const text = calendarText([item], NOW);
    const unfolded = text.replace(/\r\n /g, '');
    // The raw bytes: each special character escaped, no line of the text standing as a property of its own.
    expect(unfolded).toContain('SUMMARY:Call A\\, B\\; C \\\\ D END:VTODO BEGIN:VEVENT\r\n');
    expect(unfolded).toContain('DESCRIPTION:Line one\\nATTACH:http://evil.example/x\\nLine\\, three\\nOwner:');
    expect(unfolded.split('\r\n').filter((l) => l.startsWith('BEGIN:'))).toEqual(['BEGIN:VCALENDAR', 'BEGIN:VTODO']);
    expect(unfolded.split('\r\n').some((l) => l.startsWith('ATTACH'))).toBe(false);
    const todo = read(text).getFirstSubcomponent('vtodo')!;
    expect(todo.getFirstPropertyValue('summary')).toBe('Call A, B; C \\ D END:VTODO BEGIN:VEVENT');
    expect(String(todo.getFirstPropertyValue('description'))).toMatch(/^Line one\nATTACH:http:\/\/evil.example\/x\nLine, three\n/);
    expect(todo.getAllProperties('attach')).toEqual([]);
    // A tag with a comma is one category, not two.
    expect(unfolded).toContain('CATEGORIES:a\\,b,c\\;d\r\n');
    expect(todo.getFirstProperty('categories')!.getValues()).toEqual(['a,b', 'c;d']);
  });

  it('keeps Cyrillic whole across folded lines', () => {
    const data = packFixture();
    const input = trackerInput(data, [IDS.water]);
    const item = { ...input.items[0]!, due: '2015-04-20', title: `Встреча: ${CYRILLIC_NAME} — ${'водные ресурсы '.repeat(6).trim()}` };
    const text = calendarText([item], NOW);
    expect(text.split('\r\n').some((l) => l.startsWith(' '))).toBe(true);
    expect(read(text).getFirstSubcomponent('vtodo')!.getFirstPropertyValue('summary')).toBe(item.title);
  });

  it('refuses a selection with nothing dated to the day, and names undated ones in the notes', () => {
    const input = trackerInput();
    const vague = input.items.filter((a) => a.id === MOU_ID);
    expect(() => calendarText(vague, NOW)).toThrow(ExportError);
    expect(() => calendarText(vague, NOW)).toThrow(/None of these follow-ups has a date to the day/);
    const undated = input.items.slice(0, 2).map((a) => ({ ...a, due: '' }));
    expect(calendarNotes({ ...input, items: undated })).toEqual(['Not in the calendar: 2 follow-ups without a date.']);
    expect(calendarNotes({ ...input, items: [undated[0]!] })[0]).toMatch(/which has no date/);
  });

  it('flags entries from a classified briefing confidential, and says so in the notes', () => {
    const input = briefingInput(packFixture(), [EXAMPLE_BRIEFING_ID, IDS.water]);
    const cal = read(new TextDecoder().decode(writeIcs(input, NOW)));
    expect(byUid(cal, 'vtodo').get(IDS.overdue)!.getFirstPropertyValue('class')).toBe('CONFIDENTIAL');
    expect(byUid(cal, 'vtodo').get(CABLE_ID)!.getFirstPropertyValue('class')).toBeNull();
    expect(calendarNotes(input)).toContain('Entries from a briefing marked CONFIDENTIAL // EYES ONLY are flagged confidential in the file: import them only into a calendar cleared for that level.');
    expect(calendarNotes(briefingInput()).some((n) => n.includes('flagged confidential'))).toBe(false);
  });

  it('takes the tracker’s rows as they are, whatever briefing each came from', () => {
    const data = packFixture();
    const input = trackerInput(data, [EXAMPLE_BRIEFING_ID, IDS.water]);
    const cal = read(new TextDecoder().decode(writeIcs(input, NOW)));
    const overdue = byUid(cal, 'vtodo').get(IDS.overdue)!;
    expect(String(overdue.getFirstPropertyValue('description'))).toContain('From the briefing: Consultations on regional water security, 2 April 2015');
  });
});
