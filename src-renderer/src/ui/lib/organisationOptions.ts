/**
 * Organisations as every picker offers them (a briefing's organisers, a speaker's organisation, a
 * person's): ranked the same way for what was typed (an exact acronym first, then acronym and name
 * beginnings, then any match; data/organisations.ts rankOrganisations), labelled "UNODC — United
 * Nations Office on Drugs and Crime" with the country beside, and one wording for creating one inline.
 */
import type { Organisation } from '../../core/model';
import { organisationLabel, rankOrganisations, splitAcronym } from '../../data/organisations';
import type { ComboOption } from './combobox';

export function organisationOptions(organisations: readonly Organisation[], typed: string, options: { exclude?: readonly string[]; limit?: number } = {}): ComboOption[] {
  const excluded = new Set(options.exclude ?? []);
  const offered = excluded.size ? organisations.filter((o) => !excluded.has(o.id)) : organisations;
  return rankOrganisations(offered, typed, options.limit ?? 8).map((o) => ({ id: o.id, label: organisationLabel(o), detail: o.country || undefined }));
}

/** The Create row of an organisation picker, naming what "Name (ACR)" will make. */
export function createOrganisationLabel(text: string): string {
  const { name, acronym } = splitAcronym(text);
  return `Create organisation “${name}”${acronym ? ` (${acronym})` : ''}`;
}
