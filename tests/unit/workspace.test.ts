import { describe, expect, it } from 'vitest';
import { AttacheDb } from '../../src-renderer/src/data/db';
import { readInstallation, ValidationError, Workspace } from '../../src-renderer/src/data/workspace';
import { briefingFields } from './fixtures';

async function freshWorkspace(now?: () => number) {
  return Workspace.open(new AttacheDb(`ws-${Math.random()}`), { now });
}

const briefing = briefingFields();

describe('Workspace', () => {
  it('keeps its installation id and clock across re-opening', async () => {
    const db = new AttacheDb(`ws-${Math.random()}`);
    const a = await Workspace.open(db);
    const rec = await a.create('briefings', briefing);
    const b = await Workspace.open(db);
    expect(b.installation.id).toBe(a.installation.id);
    const edited = await b.update('briefings', rec.id, { title: 'Renamed' });
    expect(edited.stamps.title!.c > rec.stamps.title!.c).toBe(true);
  });

  it('renames the installation only to a name colleagues can read, and keeps the old one otherwise', async () => {
    const db = new AttacheDb(`ws-${Math.random()}`);
    const ws = await Workspace.open(db);
    await ws.rename('  Embassy Dushanbe — Political section ');
    expect(await readInstallation(db)).toEqual({ id: ws.installation.id, name: 'Embassy Dushanbe — Political section' });
    await expect(ws.rename('   ')).rejects.toThrow('The installation name cannot be empty');
    await expect(ws.rename('x'.repeat(121))).rejects.toBeInstanceOf(ValidationError);
    expect((await readInstallation(db))?.name).toBe('Embassy Dushanbe — Political section');
    expect(ws.installation.name).toBe('Embassy Dushanbe — Political section');
  });

  it('stamps only the fields that really change', async () => {
    let t = 1_000;
    const ws = await freshWorkspace(() => t);
    const rec = await ws.create('briefings', briefing);
    t = 2_000;
    const same = await ws.update('briefings', rec.id, { title: briefing.title, location: 'Ashgabat' });
    expect(same.stamps.title).toEqual(rec.stamps.title);
    expect(same.stamps.location!.c > rec.stamps.location!.c).toBe(true);
    expect(same.hlc).toBe(same.stamps.location!.c);
  });

  it('refuses invalid input and leaves the stored record untouched', async () => {
    const ws = await freshWorkspace();
    const rec = await ws.create('briefings', briefing);
    await expect(ws.update('briefings', rec.id, { title: '   ' })).rejects.toBeInstanceOf(ValidationError);
    await expect(ws.update('briefings', rec.id, { startsAt: '2015-02-30T10:00' })).rejects.toThrow(/Not a real date/);
    expect(await ws.db.briefings.get(rec.id)).toEqual(rec);
  });

  it('deletes as a tombstone that can be undone with everything intact', async () => {
    const ws = await freshWorkspace();
    const rec = await ws.create('briefings', briefing);
    await ws.remove('briefings', rec.id);
    const tomb = await ws.db.briefings.get(rec.id);
    expect(tomb!.deleted).toBe(1);
    expect(tomb!.title).toBe(briefing.title);
    await expect(ws.update('briefings', rec.id, { title: 'x' })).rejects.toThrow(/no longer exists/);
    await ws.restore('briefings', rec.id);
    expect((await ws.db.briefings.get(rec.id))!.deleted).toBe(0);
  });
});
