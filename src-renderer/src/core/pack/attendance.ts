/**
 * The attendance list the pack prints under each briefing, as labelled lines: our delegation, then the
 * others by organisation, then the groups; speakers included and marked. Who counts as present is
 * core/attendance.ts's rule (the screen shows the same people); this module only reads the workspace
 * once for every briefing of a pack and words the lines.
 */
import { attendanceList, presentAt, type Present } from '../attendance';
import { compareStatements, organisationWithAcronym, type Briefing, type Organisation, type Person, type WorkspaceData } from '../model';

export interface AttendanceLine {
  /** "Our delegation", an organisation ("Drug Control Agency (DCA)"), "Others" (no organisation recorded), "Also present". */
  label: string;
  /** "Anna Lindqvist, Ambassador; Rustam Nazarzoda, Director (speaker)". */
  names: string;
}

const nameOf = (p: Present, withOrganisation: boolean): string => {
  const detail = [p.person.title.trim(), withOrganisation && p.organisation ? p.organisation.acronym || p.organisation.name : ''].filter(Boolean).join(', ');
  return `${p.person.name}${detail ? `, ${detail}` : ''}${p.speaker ? ' (speaker)' : ''}`;
};

/**
 * A function giving each briefing's attendance lines ([] when nobody is recorded). Live people and
 * organisations only (a deleted person is never named in a pack); merged-away ones still resolve to the
 * one kept. One pass over the workspace, whatever the number of briefings.
 */
export function attendanceInPack(data: WorkspaceData, briefingIds: ReadonlySet<string>): (briefing: Briefing) => AttendanceLine[] {
  const people = new Map<string, Person>();
  for (const p of data.people) if (p.deleted === 0) people.set(p.id, p);
  const orgs = new Map<string, Organisation>();
  for (const o of data.organisations) if (o.deleted === 0) orgs.set(o.id, o);
  const speakers = new Map<string, { order: string; id: string; speakerId: string }[]>();
  for (const s of data.statements) {
    if (s.deleted !== 0 || s.speakerId === null || !briefingIds.has(s.briefingId)) continue;
    const list = speakers.get(s.briefingId);
    const entry = { order: s.order, id: s.id, speakerId: s.speakerId };
    if (list) list.push(entry);
    else speakers.set(s.briefingId, [entry]);
  }
  const personLookup = (id: string) => people.get(id);
  const orgLookup = (id: string) => orgs.get(id);

  return (b) => {
    const spoke = (speakers.get(b.id) ?? []).sort(compareStatements).map((s) => s.speakerId);
    const list = attendanceList(presentAt(b.attendees, spoke, personLookup, orgLookup), b.attendeeGroups);
    if (list.empty) return [];
    const lines: AttendanceLine[] = [];
    if (list.delegation.length) lines.push({ label: 'Our delegation', names: list.delegation.map((p) => nameOf(p, true)).join('; ') });
    for (const g of list.others) {
      lines.push({
        label: g.organisation ? organisationWithAcronym(g.organisation) : 'Others',
        names: g.people.map((p) => nameOf(p, false)).join('; '),
      });
    }
    if (list.groups.length) lines.push({ label: 'Also present', names: list.groups.join('; ') });
    return lines;
  };
}
