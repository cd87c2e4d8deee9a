import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLE_BRIEFING_ID } from '../../src-renderer/src/core/example';
import { AttacheDb } from '../../src-renderer/src/data/db';
import { loadExample } from '../../src-renderer/src/data/example';
import { createOrganisation, filterOrganisations, memberCount, organisationLabel, rankOrganisations, sameOrganisation } from '../../src-renderer/src/data/organisations';
import { createPerson, directoryRecord, filterPeople, loadDirectory, personActivity, sameNamePeople } from '../../src-renderer/src/data/people';
import { ValidationError, Workspace } from '../../src-renderer/src/data/workspace';

let db: AttacheDb;
let ws: Workspace;
let n = 0;

beforeEach(async () => {
  db = new AttacheDb(`people-test-${n++}`);
  ws = await Workspace.open(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const NAZARZODA = '014c2507-a400-7000-8000-000000000006';

describe('the people directory', () => {
  it('finds people by a few letters of name, title, organisation name or acronym, and country', async () => {
    await loadExample(ws);
    const dir = await loadDirectory(db);
    expect(dir.people.map((r) => r.person.name)).toEqual(['Ashita Mittal', 'Rustam Nazarzoda', 'Shahnoza Anvar Nodiri']);
    const names = (q: string) => filterPeople(dir.people, q).map((r) => r.person.name);
    expect(names('naz')).toEqual(['Rustam Nazarzoda']);
    expect(names('dca')).toEqual(['Rustam Nazarzoda']);
    expect(names('unodc')).toEqual(['Ashita Mittal']);
    expect(names('deputy minister')).toEqual(['Shahnoza Anvar Nodiri']);
    expect(names('justice tajik')).toEqual(['Shahnoza Anvar Nodiri']);
    expect(names('india')).toEqual(['Ashita Mittal']);
    expect(names('')).toHaveLength(3);
    expect(names('nobody-here')).toEqual([]);
  });

  it('matches without regard to case or accents', async () => {
    await createPerson(ws, { name: 'Šárka Dvořáková', title: 'Conseillère' });
    const dir = await loadDirectory(db);
    expect(filterPeople(dir.people, 'sarka dvor').map((r) => r.person.name)).toEqual(['Šárka Dvořáková']);
    expect(filterPeople(dir.people, 'CONSEILLERE')).toHaveLength(1);
  });

  it('warns about a person with the same name (the same person is one record)', async () => {
    await loadExample(ws);
    const dir = await loadDirectory(db);
    expect(sameNamePeople(dir.people, '  rustam   NAZARZODA ').map((r) => r.person.id)).toEqual([NAZARZODA]);
    expect(sameNamePeople(dir.people, 'Rustam Nazarzoda', NAZARZODA)).toEqual([]);
    expect(sameNamePeople(dir.people, 'Rustam')).toEqual([]);
  });

  it('refuses a person without a name and keeps nothing half-made', async () => {
    await expect(createPerson(ws, { name: '   ' })).rejects.toBeInstanceOf(ValidationError);
    expect(await db.people.count()).toBe(0);
  });

  it("lists the briefings a person spoke at with their statements in order", async () => {
    await loadExample(ws);
    const activity = await personActivity(db, NAZARZODA);
    expect(activity).toHaveLength(1);
    expect(activity[0]!.briefing.id).toBe(EXAMPLE_BRIEFING_ID);
    const orders = activity[0]!.statements.map((s) => s.order);
    expect(orders.length).toBeGreaterThan(2);
    expect([...orders].sort()).toEqual(orders);
    expect(activity[0]!.statements.every((s) => s.speakerId === NAZARZODA)).toBe(true);
    // A deleted statement is no longer listed; a deleted briefing takes the entry with it.
    await ws.remove('statements', activity[0]!.statements[0]!.id);
    expect((await personActivity(db, NAZARZODA))[0]!.statements).toHaveLength(orders.length - 1);
    await ws.remove('briefings', EXAMPLE_BRIEFING_ID);
    expect(await personActivity(db, NAZARZODA)).toEqual([]);
  });

  it('deletes as a tombstone and restores with everything', async () => {
    await loadExample(ws);
    await ws.remove('people', NAZARZODA);
    expect((await loadDirectory(db)).people.map((r) => r.person.id)).not.toContain(NAZARZODA);
    expect(await directoryRecord(db, NAZARZODA)).toEqual({ kind: 'missing', deleted: true });
    await ws.restore('people', NAZARZODA);
    const back = await directoryRecord(db, NAZARZODA);
    expect(back.kind).toBe('person');
    if (back.kind === 'person') expect(back.record.title).toMatch(/Director of the Drug Control Agency/);
  });
});

describe('organisations', () => {
  it('are found by acronym first, then by name', async () => {
    await loadExample(ws);
    const dir = await loadDirectory(db);
    expect(rankOrganisations(dir.organisations, 'dca').map((o) => o.acronym)[0]).toBe('DCA');
    expect(rankOrganisations(dir.organisations, 'UNO').map((o) => o.acronym)).toEqual(['UNODC']);
    expect(rankOrganisations(dir.organisations, 'justice').map((o) => o.acronym)).toEqual(['MoJ']);
    expect(rankOrganisations(dir.organisations, 'aga').map((o) => o.acronym)).toEqual(['AKDN']);
    expect(filterOrganisations(dir.organisations, 'tajikistan').length).toBeGreaterThanOrEqual(3);
    expect(organisationLabel(dir.organisations.find((o) => o.acronym === 'DCA')!)).toMatch(/^DCA — Drug Control Agency/);
  });

  it('warn about a duplicate name or acronym, and count their members', async () => {
    await loadExample(ws);
    const dir = await loadDirectory(db);
    expect(sameOrganisation(dir.organisations, { name: 'x', acronym: 'unodc' }).map((o) => o.acronym)).toEqual(['UNODC']);
    expect(sameOrganisation(dir.organisations, { name: 'Aga Khan Development Network', acronym: '' })).toHaveLength(1);
    expect(sameOrganisation(dir.organisations, { name: 'OSCE', acronym: 'OSCE' })).toEqual([]);
    const dca = dir.organisations.find((o) => o.acronym === 'DCA')!;
    expect(await memberCount(db, dca.id)).toBe(1);
    const osce = await createOrganisation(ws, { name: ' OSCE Programme Office ', acronym: 'OSCE ' });
    expect(osce.name).toBe('OSCE Programme Office');
    expect(osce.acronym).toBe('OSCE');
  });
});
