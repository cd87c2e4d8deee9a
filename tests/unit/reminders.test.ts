import { describe, expect, it } from 'vitest';
import { dueToday, reminderDue, reminderText, type RemindedAction } from '../../src-renderer/src/core/reminders';
import { AttacheDb } from '../../src-renderer/src/data/db';
import { readDueToday, readReminderSettings, writeReminderSettings } from '../../src-renderer/src/data/reminders';
import { createRecord } from '../../src-renderer/src/core/records';
import { newActionFields } from '../../src-renderer/src/data/actions';

const action = (id: string, fields: Partial<RemindedAction>): RemindedAction => ({
  id,
  title: `Follow-up ${id}`,
  kind: 'task',
  due: '2015-05-27',
  status: 'open',
  ...fields,
});

describe('the reminder of follow-ups due today', () => {
  it('names open and in-progress tasks due today and events taking place today, nothing else', () => {
    const all = [
      action('a', { title: 'Reply on the juvenile justice plan' }),
      action('b', { title: 'High Level Conference', kind: 'event' }),
      action('c', { status: 'done' }),
      action('d', { status: 'dropped' }),
      action('e', { due: '2015-05-26' }),
      action('f', { due: '' }),
      action('g', { deleted: 1 }),
      action('h', { status: 'in-progress', title: 'Brief the ambassador' }),
    ];
    expect(dueToday(all, '2015-05-27').map((a) => a.id)).toEqual(['h', 'b', 'a']);
  });

  it('says how many of each, lists the first three and counts the rest', () => {
    expect(reminderText([])).toBeNull();
    expect(reminderText([action('a', { title: 'Reply to UNODC' })])).toEqual({ title: 'Today: 1 follow-up due', body: '• Reply to UNODC' });
    const five = [
      action('a', { title: 'A' }),
      action('b', { title: 'B' }),
      action('c', { title: 'C', kind: 'event' }),
      action('d', { title: 'D' }),
      action('e', { title: 'E', kind: 'event' }),
    ];
    expect(reminderText(five)).toEqual({ title: 'Today: 3 follow-ups due and 2 events', body: '• A\n• B\n• C\nand 2 more' });
  });

  it('goes out once a day, only when switched on', () => {
    expect(reminderDue({ enabled: true, lastShownOn: undefined, today: '2015-05-27' })).toBe(true);
    expect(reminderDue({ enabled: true, lastShownOn: '2015-05-27', today: '2015-05-27' })).toBe(false);
    expect(reminderDue({ enabled: true, lastShownOn: '2015-05-26', today: '2015-05-27' })).toBe(true);
    expect(reminderDue({ enabled: false, lastShownOn: undefined, today: '2015-05-27' })).toBe(false);
  });

  it('reads the due follow-ups from the workspace and keeps its own switch locally', async () => {
    const db = new AttacheDb(`rem-${Math.random()}`);
    const stamp = '0000000001000-0000-test';
    const rows = [
      createRecord('actions', '0190e000-0000-7000-8000-000000000001', newActionFields({ title: 'Due today', due: '2015-05-27' }), stamp),
      createRecord('actions', '0190e000-0000-7000-8000-000000000002', newActionFields({ title: 'Done', due: '2015-05-27', status: 'done' }), stamp),
      createRecord('actions', '0190e000-0000-7000-8000-000000000003', newActionFields({ title: 'Tomorrow', due: '2015-05-28' }), stamp),
      createRecord('actions', '0190e000-0000-7000-8000-000000000004', newActionFields({ title: 'Begun today', due: '2015-05-27', status: 'in-progress' }), stamp),
      { ...createRecord('actions', '0190e000-0000-7000-8000-000000000005', newActionFields({ title: 'Deleted', due: '2015-05-27' }), stamp), deleted: 1 as const },
      createRecord('actions', '0190e000-0000-7000-8000-000000000006', newActionFields({ title: 'Undated' }), stamp),
    ];
    await db.actions.bulkPut(rows);
    expect((await readDueToday(db, '2015-05-27')).map((a) => a.title)).toEqual(['Begun today', 'Due today']);

    expect(await readReminderSettings(db)).toEqual({ enabled: true, lastShownOn: undefined });
    await writeReminderSettings(db, { lastShownOn: '2015-05-27' });
    await writeReminderSettings(db, { enabled: false });
    expect(await readReminderSettings(db)).toEqual({ enabled: false, lastShownOn: '2015-05-27' });
  });
});
