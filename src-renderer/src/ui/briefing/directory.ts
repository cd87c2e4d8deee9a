/**
 * People and organisations as the briefing screen shows and picks them: option labels for the pickers,
 * and the small grammar for creating one inline ("Drug Control Agency (DCA)", "Ashita Mittal, UNODC").
 */
import type { Organisation, Person } from '../../core/model';
import { organisationShort } from '../../data/organisations';
import type { ComboOption } from '../lib/combobox';

/** What is said of a speaker after their name: "Director, DCA". */
export function personDetail(person: Pick<Person, 'title'>, org: Organisation | undefined): string {
  return [person.title, org ? organisationShort(org) : ''].filter(Boolean).join(', ');
}

export function personOption(person: Person, orgs: ReadonlyMap<string, Organisation>): ComboOption {
  const org = person.organisationId ? orgs.get(person.organisationId) : undefined;
  const detail = personDetail(person, org);
  return { id: person.id, label: person.name, detail: detail || undefined, keywords: org ? `${org.name} ${org.acronym}` : '' };
}

/**
 * A new speaker typed as "Name (ACR)" or "Name, ACR": when ACR is a known organisation's acronym the
 * person is attached to it.
 */
export function parseNewSpeaker(text: string, orgs: readonly Organisation[]): { name: string; organisationId: string | null } {
  const trimmed = text.trim();
  const m = /^(.*?)(?:\s*\(([^()]+)\)|\s*,\s*([^,]+))\s*$/.exec(trimmed);
  if (m && m[1]!.trim()) {
    const acr = (m[2] ?? m[3] ?? '').trim().toLowerCase();
    const org = orgs.find((o) => o.acronym && o.acronym.toLowerCase() === acr);
    if (org) return { name: m[1]!.trim(), organisationId: org.id };
  }
  return { name: trimmed, organisationId: null };
}
