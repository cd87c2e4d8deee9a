import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src-renderer/src/core/limits';
import { AttacheDb } from '../../src-renderer/src/data/db';
import {
  actionFromStatement,
  appendStatement,
  followUp,
  followUpTitle,
  listBriefingActions,
  listStatements,
  moveStatement,
} from '../../src-renderer/src/data/statements';
import { ValidationError, Workspace } from '../../src-renderer/src/data/workspace';
import { briefingFields } from './fixtures';

async function setup() {
  const ws = await Workspace.open(new AttacheDb(`st-${Math.random()}`));
  const b = await ws.create('briefings', briefingFields({ title: 'Counter-narcotics briefing', audience: '', tags: [] }));
  return { ws, briefingId: b.id };
}

const say = (text: string, kind: 'statement' | 'figure' | 'request' | 'announcement' = 'statement') => ({
  speakerId: null,
  kind,
  text,
  tags: [],
});

const texts = async (ws: Workspace, id: string) => (await listStatements(ws.db, id)).map((s) => s.text);

describe('statements', () => {
  it('are appended in order, each with a strictly greater fractional index', async () => {
    const { ws, briefingId } = await setup();
    for (const t of ['one', 'two', 'three']) await appendStatement(ws, briefingId, say(t));
    const list = await listStatements(ws.db, briefingId);
    expect(list.map((s) => s.text)).toEqual(['one', 'two', 'three']);
    expect(list[0]!.order < list[1]!.order && list[1]!.order < list[2]!.order).toBe(true);
  });

  it('do not share an index when saved at the same moment', async () => {
    const { ws, briefingId } = await setup();
    await Promise.all(['a', 'b', 'c', 'd'].map((t) => appendStatement(ws, briefingId, say(t))));
    const orders = (await listStatements(ws.db, briefingId)).map((s) => s.order);
    expect(new Set(orders).size).toBe(4);
  });

  it('move up and down by editing only the moved statement', async () => {
    const { ws, briefingId } = await setup();
    const [a, b, c] = [await appendStatement(ws, briefingId, say('a')), await appendStatement(ws, briefingId, say('b')), await appendStatement(ws, briefingId, say('c'))];
    await moveStatement(ws, briefingId, c.id, -1);
    expect(await texts(ws, briefingId)).toEqual(['a', 'c', 'b']);
    await moveStatement(ws, briefingId, c.id, -1);
    expect(await texts(ws, briefingId)).toEqual(['c', 'a', 'b']);
    expect(await moveStatement(ws, briefingId, c.id, -1)).toBe(false);
    await moveStatement(ws, briefingId, a.id, 1);
    expect(await texts(ws, briefingId)).toEqual(['c', 'b', 'a']);
    // Untouched statements keep their stamps: a colleague's edit to them cannot conflict with our move.
    expect((await ws.db.statements.get(b.id))!.hlc).toBe(b.hlc);
  });

  it('renumbers once when merged copies left equal indexes, and moves still work', async () => {
    const { ws, briefingId } = await setup();
    const a = await appendStatement(ws, briefingId, say('a'));
    const b = await appendStatement(ws, briefingId, say('b'));
    const c = await appendStatement(ws, briefingId, say('c'));
    await ws.update('statements', b.id, { order: a.order }); // as two installations appending at once would leave it
    const before = await texts(ws, briefingId);
    await moveStatement(ws, briefingId, c.id, -1);
    const after = await texts(ws, briefingId);
    expect(after).toEqual([before[0], 'c', before[1]]);
    const orders = (await listStatements(ws.db, briefingId)).map((s) => s.order);
    expect(new Set(orders).size).toBe(3);
  });

  it('keep their place when deleted and restored, and new ones still go last', async () => {
    const { ws, briefingId } = await setup();
    await appendStatement(ws, briefingId, say('a'));
    const b = await appendStatement(ws, briefingId, say('b'));
    await ws.remove('statements', b.id);
    expect(await texts(ws, briefingId)).toEqual(['a']);
    await appendStatement(ws, briefingId, say('c'));
    await ws.restore('statements', b.id);
    expect(await texts(ws, briefingId)).toEqual(['a', 'b', 'c']);
  });

  it('over the limit are refused and nothing is stored', async () => {
    const { ws, briefingId } = await setup();
    await expect(appendStatement(ws, briefingId, say('x'.repeat(LIMITS.statement + 1)))).rejects.toBeInstanceOf(ValidationError);
    expect(await ws.db.statements.count()).toBe(0);
  });
});

describe('follow-ups from statements', () => {
  it('take the first sentence as title, trimmed to the limit at a word', () => {
    expect(followUpTitle('Asked for support. In line with norms.')).toBe('Asked for support.');
    expect(followUpTitle('  No full stop here  ')).toBe('No full stop here');
    const long = followUpTitle(`${'word '.repeat(200)}end.`);
    expect(long.length).toBeLessThanOrEqual(LIMITS.title);
    expect(long.endsWith('…')).toBe(true);
    expect(followUpTitle('')).toBe('Follow up');
  });

  it('link back to the statement; requests become tasks and announcements events', async () => {
    const { ws, briefingId } = await setup();
    const req = await appendStatement(ws, briefingId, { ...say('Requested an electronic database. For the Ministry.', 'request'), tags: ['justice'] });
    const ann = await appendStatement(ws, briefingId, say('Conference on 27 May 2015 in Dushanbe.', 'announcement'));
    const task = await followUp(ws, req);
    const event = await followUp(ws, ann);
    expect(task).toMatchObject({
      kind: 'task',
      statementId: req.id,
      briefingId,
      title: 'Requested an electronic database.',
      status: 'open',
      priority: 'normal',
      owner: '',
      tags: ['justice'],
    });
    expect(event.kind).toBe('event');
    expect(actionFromStatement(ann).statementId).toBe(ann.id);
    await ws.update('actions', event.id, { due: '2015-05-27', place: 'Dushanbe' });
    await ws.update('actions', task.id, { due: '2015-06-30' });
    expect((await listBriefingActions(ws.db, briefingId)).map((a) => a.kind)).toEqual(['event', 'task']);
    await ws.remove('actions', task.id);
    expect((await listBriefingActions(ws.db, briefingId)).map((a) => a.id)).toEqual([event.id]);
  });
});
