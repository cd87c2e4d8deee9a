/**
 * People and organisations as the briefing screen shows and picks them: option labels for the pickers,
 * and the small grammar for creating one inline ("Drug Control Agency (DCA)", "Ashita Mittal, UNODC").
 */
import type { Organisation, Person } from '../../core/model';
import type { ComboOption } from '../lib/combobox';

export function orgShort(org: Organisation | undefined): string {
  return org ? org.acronym || org.name : '';
}

export function orgOption(org: Organisation): ComboOption {
  return { id: org.id, label: org.name, detail: org.acronym || undefined, keywords: `${org.acronym} ${org.country}` };
}

export function personOption(person: Person, orgs: ReadonlyMap<string, Organisation>): ComboOption {
  const org = person.organisationId ? orgs.get(person.organisationId) : undefined;
  const detail = [person.title, orgShort(org)].filter(Boolean).join(', ');
  return { id: person.id, label: person.name, detail: detail || undefined, keywords: org ? `${org.name} ${org.acronym}` : '' };
}

/** "Name (ACR)" → name and acronym; anything else is a name without acronym. */
export function splitAcronym(text: string): { name: string; acronym: string } {
  const m = /^(.*?)\s*\(([^()]{1,30})\)\s*$/.exec(text.trim());
  return m && m[1]!.trim() ? { name: m[1]!.trim(), acronym: m[2]!.trim() } : { name: text.trim(), acronym: '' };
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
