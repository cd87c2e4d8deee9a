/**
 * Who a follow-up's owner is picked from (data/owners.ts, ui/followups/ownerOptions.ts) and "Your name"
 * (data/my-name.ts): local, checked like an owner, stored as a name.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AttacheDb } from '../../src-renderer/src/data/db';
import { loadExample } from '../../src-renderer/src/data/example';
import { newActionFields } from '../../src-renderer/src/data/actions';
import { myNameProblem, readMyName, writeMyName } from '../../src-renderer/src/data/my-name';
import { loadOwnerChoices } from '../../src-renderer/src/data/owners';
import { Workspace } from '../../src-renderer/src/data/workspace';
import { ME, ownerName, ownerOptions } from '../../src-renderer/src/ui/followups/ownerOptions';

let db: AttacheDb;
let ws: Workspace;
let n = 0;

beforeEach(async () => {
  db = new AttacheDb(`owners-test-${n++}`);
  ws = await Workspace.open(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('Your name', () => {
  it('is empty until given, stored trimmed with single spaces, and can be cleared', async () => {
    expect(await readMyName(db)).toBe('');
    await writeMyName(db, '  Anna   Petrova ');
    expect(await readMyName(db)).toBe('Anna Petrova');
    await writeMyName(db, '');
    expect(await readMyName(db)).toBe('');
  });

  it('is refused, and nothing stored changes, when no owner could carry it', async () => {
    await writeMyName(db, 'Anna Petrova');
    const long = 'x'.repeat(600);
    expect(myNameProblem(long)).toBeTruthy();
    await expect(writeMyName(db, long)).rejects.toThrow(RangeError);
    expect(await readMyName(db)).toBe('Anna Petrova');
  });

  it('is local: not a synced record, so no sync file carries it', async () => {
    await writeMyName(db, 'Anna Petrova');
    const synced = await Promise.all([db.settings.toArray(), db.people.toArray()]);
    expect(JSON.stringify(synced)).not.toContain('Anna Petrova');
  });
});

describe('owner choices', () => {
  it('offers Me first, then the directory, then owners already used, each name once', async () => {
    await loadExample(ws);
    await ws.create('actions', newActionFields({ title: 'Call the desk', owner: '  rustam   NAZARZODA ' }));
    await writeMyName(db, 'Anna Petrova');
    const c = await loadOwnerChoices(db);
    expect(c.myName).toBe('Anna Petrova');
    const options = ownerOptions(c.people, c.organisations, c.owners, c.myName);
    const labels = options.map((o) => o.label);
    expect(labels[0]).toBe('Me');
    expect(ownerName(options[0]!)).toBe('Anna Petrova');
    expect(options[0]!.id).toBe(ME);
    // People by name, with their title and organisation; "rustam nazarzoda" as an owner is the same person.
    expect(labels.slice(1, 4)).toEqual(['Ashita Mittal', 'Rustam Nazarzoda', 'Shahnoza Anvar Nodiri']);
    expect(labels.filter((l) => l.toLowerCase().includes('nazarzoda'))).toHaveLength(1);
    expect(options.find((o) => o.label === 'Rustam Nazarzoda')!.detail).toContain('DCA');
    // The example's owners who are not in the directory follow, sorted, said to be owners.
    const used = options.slice(4);
    expect(used.map((o) => o.label)).toEqual([...used.map((o) => o.label)].sort((a, b) => a.localeCompare(b)));
    expect(used.map((o) => o.label)).toContain('Political Officer');
    expect(used.every((o) => o.detail === 'owner of other follow-ups')).toBe(true);
    expect(ownerName(used[0]!)).toBe(used[0]!.label);
  });

  it('offers no Me while no name is given, and Me takes the place of a person of the same name', async () => {
    await loadExample(ws);
    let c = await loadOwnerChoices(db);
    expect(ownerOptions(c.people, c.organisations, c.owners, c.myName).some((o) => o.id === ME)).toBe(false);
    await writeMyName(db, 'Ashita MITTAL');
    c = await loadOwnerChoices(db);
    const labels = ownerOptions(c.people, c.organisations, c.owners, c.myName).map((o) => o.label);
    expect(labels[0]).toBe('Me');
    expect(labels).not.toContain('Ashita Mittal');
  });
});
