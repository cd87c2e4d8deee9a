import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLE_BRIEFING_ID } from '../../src-renderer/src/core/example';
import { AttacheDb } from '../../src-renderer/src/data/db';
import { loadExample } from '../../src-renderer/src/data/example';
import { describePlan, mergeRecords, moveAttendee, planMerge } from '../../src-renderer/src/data/merge';
import { createOrganisation, listOrganisations, organisationPathIn, organisationRedirects, rankOrganisations, setParent, filterOrganisations } from '../../src-renderer/src/data/organisations';
import { createPerson, directoryRecord, filterPeople, listPeople, loadDirectory, personActivity, personRedirects, sameNamePeople, withRedirects } from '../../src-renderer/src/data/people';
import { personOption } from '../../src-renderer/src/ui/briefing/directory';
import { filterOptions } from '../../src-renderer/src/ui/lib/combobox';
import { organisationOptions } from '../../src-renderer/src/ui/lib/organisationOptions';
import { appendStatement } from '../../src-renderer/src/data/statements';
import { newActionFields } from '../../src-renderer/src/data/actions';
import { ValidationError, Workspace } from '../../src-renderer/src/data/workspace';

let db: AttacheDb;
let ws: Workspace;
let n = 0;

beforeEach(async () => {
  db = new AttacheDb(`directory-merge-test-${n++}`);
  ws = await Workspace.open(db);
  await loadExample(ws);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const NAZARZODA = '014c2507-a400-7000-8000-000000000006';
const UNODC = '014c2507-a400-7000-8000-000000000002';
const DCA = '014c2507-a400-7000-8000-000000000003';

async function duplicate() {
  const dup = await createPerson(ws, { name: 'R. Nazarzoda', title: 'Director', aliases: ['Р. Назарзода'] });
  const s1 = await appendStatement(ws, EXAMPLE_BRIEFING_ID, { speakerId: dup.id, kind: 'figure', text: 'Seizures rose by a third.', tags: [] });
  const s2 = await appendStatement(ws, EXAMPLE_BRIEFING_ID, { speakerId: dup.id, kind: 'statement', text: 'Border posts were reinforced.', tags: [] });
  await ws.update('briefings', EXAMPLE_BRIEFING_ID, { attendees: [{ personId: dup.id, delegation: false }, { personId: NAZARZODA, delegation: true }] });
  const a = await ws.create('actions', newActionFields({ title: 'Ask for the seizure figures', owner: 'r. nazarzoda' }));
  return { dup, s1, s2, a };
}

describe('merging two people', () => {
  it('plans what moves and says it in words', async () => {
    const { dup } = await duplicate();
    const plan = await planMerge(db, 'person', dup.id, NAZARZODA);
    expect(plan.statements).toHaveLength(2);
    expect(plan.attendedBriefings).toEqual([EXAMPLE_BRIEFING_ID]);
    expect(plan.ownedActions).toHaveLength(1);
    expect(describePlan(plan)).toBe('2 statements, 1 briefing attended and 1 follow-up owned will move.');
  });

  it('moves every reference to the kept person in one step and redirects the other', async () => {
    const { dup, s1, s2, a } = await duplicate();
    await mergeRecords(ws, 'person', dup.id, NAZARZODA);
    expect((await db.statements.get(s1.id))!.speakerId).toBe(NAZARZODA);
    expect((await db.statements.get(s2.id))!.speakerId).toBe(NAZARZODA);
    expect((await db.briefings.get(EXAMPLE_BRIEFING_ID))!.attendees).toEqual([{ personId: NAZARZODA, delegation: true }]);
    expect((await db.actions.get(a.id))!.owner).toBe('Rustam Nazarzoda');
    const kept = (await db.people.get(NAZARZODA))!;
    expect(kept.aliases).toEqual(expect.arrayContaining(['R. Nazarzoda', 'Р. Назарзода']));
    expect(new Set(kept.aliases.map((x) => x.toLowerCase())).size).toBe(kept.aliases.length);
    const gone = (await db.people.get(dup.id))!;
    expect(gone.mergedInto).toBe(NAZARZODA);
    expect(gone.deleted).toBe(0);
    expect((await listPeople(db)).map((p) => p.name)).not.toContain('R. Nazarzoda');
    // The page of the old record is the kept one's; the old name finds the kept person.
    expect(await directoryRecord(db, dup.id)).toMatchObject({ kind: 'person', record: { id: NAZARZODA } });
    expect(filterPeople((await loadDirectory(db)).people, 'назарзода').map((r) => r.person.id)).toEqual([NAZARZODA]);
    expect(filterPeople((await loadDirectory(db)).people, 'r. nazarzoda').map((r) => r.person.id)).toEqual([NAZARZODA]);
  });

  it('shows a statement that still names the old id (a colleague wrote it before the merge reached them) on the kept person', async () => {
    const { dup } = await duplicate();
    await mergeRecords(ws, 'person', dup.id, NAZARZODA);
    const late = await appendStatement(ws, EXAMPLE_BRIEFING_ID, { speakerId: dup.id, kind: 'statement', text: 'A late note.', tags: [] });
    const byId = withRedirects(await listPeople(db), await personRedirects(db));
    expect(byId.get(dup.id)!.id).toBe(NAZARZODA);
    const activity = await personActivity(db, NAZARZODA);
    expect(activity.flatMap((x) => x.statements.map((s) => s.id))).toContain(late.id);
  });

  it('refuses a merge into themselves or back into one merged into them, with a message, changing nothing', async () => {
    const { dup } = await duplicate();
    const before = await db.people.toArray();
    await expect(mergeRecords(ws, 'person', NAZARZODA, NAZARZODA)).rejects.toThrow('Rustam Nazarzoda cannot be merged into themselves.');
    await mergeRecords(ws, 'person', dup.id, NAZARZODA);
    const after = await db.people.toArray();
    await expect(mergeRecords(ws, 'person', NAZARZODA, dup.id)).rejects.toThrow(ValidationError);
    await expect(mergeRecords(ws, 'person', NAZARZODA, dup.id)).rejects.toThrow('R. Nazarzoda was merged into Rustam Nazarzoda: Rustam Nazarzoda cannot be merged into it.');
    expect(await db.people.toArray()).toEqual(after);
    expect(after).not.toEqual(before);
  });
});

describe('organisations', () => {
  it('sit under a parent, shown as a path, found by the parent acronym; a ring is refused', async () => {
    const roca = await createOrganisation(ws, { name: 'Regional Office for Central Asia', acronym: 'ROCA' });
    await setParent(ws, roca.id, UNODC);
    const orgs = await listOrganisations(db);
    expect(organisationPathIn(orgs, roca.id)).toBe('UNODC › Regional Office for Central Asia (ROCA)');
    expect(rankOrganisations(orgs, 'unodc').map((o) => o.acronym)).toEqual(['UNODC', 'ROCA']);
    expect(filterOrganisations(orgs, 'unodc regional').map((o) => o.acronym)).toEqual(['ROCA']);
    const before = await db.organisations.toArray();
    await expect(setParent(ws, UNODC, roca.id)).rejects.toThrow('sits under');
    await expect(setParent(ws, UNODC, UNODC)).rejects.toThrow('cannot sit under itself.');
    expect(await db.organisations.toArray()).toEqual(before);
  });

  it('merge: people, children, organised briefings move; the kept one takes the missing acronym', async () => {
    const dup = await createOrganisation(ws, { name: 'Drug Control Agency' });
    const office = await createOrganisation(ws, { name: 'Khujand office', parentId: dup.id });
    const person = await createPerson(ws, { name: 'Someone', organisationId: dup.id });
    await ws.update('briefings', EXAMPLE_BRIEFING_ID, { organiserIds: [dup.id, DCA] });
    const plan = await planMerge(db, 'organisation', dup.id, DCA);
    expect(describePlan(plan)).toBe('1 person, 1 briefing organised and 1 organisation under it will move.');
    await mergeRecords(ws, 'organisation', dup.id, DCA);
    expect((await db.people.get(person.id))!.organisationId).toBe(DCA);
    expect((await db.organisations.get(office.id))!.parentId).toBe(DCA);
    expect((await db.briefings.get(EXAMPLE_BRIEFING_ID))!.organiserIds).toEqual([DCA]);
    expect((await listOrganisations(db)).map((o) => o.id)).not.toContain(dup.id);
    expect(organisationPathIn(await listOrganisations(db), office.id)).toBe('DCA › Khujand office');
    expect(await organisationRedirects(db)).toEqual(new Map([[dup.id, DCA]]));
  });

  it('merging a parent into its own child leaves the kept one without a ring', async () => {
    const roca = await createOrganisation(ws, { name: 'Regional Office', acronym: 'ROCA', parentId: UNODC });
    await mergeRecords(ws, 'organisation', UNODC, roca.id);
    expect((await db.organisations.get(roca.id))!.parentId).toBeNull();
  });
});

describe('attendees after a merge', () => {
  it('list each person once, our delegation if either entry was', () => {
    expect(moveAttendee([{ personId: 'a', delegation: true }, { personId: 'b', delegation: false }, { personId: 'c', delegation: false }], 'a', 'b')).toEqual([
      { personId: 'b', delegation: true },
      { personId: 'c', delegation: false },
    ]);
  });
});

describe('other spellings in the directory', () => {
  it('warn when a new person is typed as another spelling of someone already there', async () => {
    const rows = (await loadDirectory(db)).people;
    expect(sameNamePeople(rows, 'рустам  назарзода').map((r) => r.person.id)).toEqual([NAZARZODA]);
    expect(sameNamePeople(rows, 'Рустам Назарзода', NAZARZODA)).toEqual([]);
  });

  it('let the pickers find a person by another spelling and an office by its headquarters', async () => {
    const roca = await createOrganisation(ws, { name: 'Regional Office for Central Asia', acronym: 'ROCA', parentId: UNODC });
    const orgs = await listOrganisations(db);
    const byId = new Map(orgs.map((o) => [o.id, o]));
    const kept = (await listPeople(db)).find((p) => p.id === NAZARZODA)!;
    expect(filterOptions([personOption(kept, byId)], 'Назарзода')).toHaveLength(1);
    const someone = await createPerson(ws, { name: 'Jamshed Karimov', title: 'Programme officer', organisationId: roca.id });
    const option = personOption(someone, byId);
    expect(option.detail).toBe('Programme officer, UNODC › ROCA');
    expect(filterOptions([option], 'unodc')).toHaveLength(1);
    const offered = organisationOptions(orgs, 'unodc');
    expect(offered.map((o) => o.label)).toEqual(['UNODC — United Nations Office on Drugs and Crime — Programme Office in Tajikistan', 'ROCA — Regional Office for Central Asia']);
    expect(offered[1]!.detail).toBe('under UNODC');
  });
});
