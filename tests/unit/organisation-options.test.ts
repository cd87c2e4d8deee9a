/** How every organisation picker offers organisations (ui/lib/organisationOptions.ts). */
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import type { Organisation } from '../../src-renderer/src/core/model';
import { createRecord } from '../../src-renderer/src/core/records';
import { organisationExists, organisationOptions } from '../../src-renderer/src/ui/lib/organisationOptions';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';

const clock = formatHlc(Date.UTC(2015, 2, 17), 0, 'test');
let n = 0;
const org = (name: string, acronym: string, country = '') =>
  createRecord('organisations', `0190e000-0000-7000-8000-${String(++n).padStart(12, '0')}`, { ...V2_FIELDS.organisations(), name, acronym, country }, clock) as Organisation;

const unodc = org('United Nations Office on Drugs and Crime', 'UNODC');
const dca = org('Drug Control Agency', 'DCA', 'Tajikistan');
const mfa = org('Ministry of Foreign Affairs', 'MFA', 'Tajikistan');
const all = [dca, mfa, unodc];

describe('organisation options', () => {
  it('ranks an exact acronym first, then name beginnings, and labels "ACR — Name" with the country', () => {
    expect(organisationOptions(all, 'dca').map((o) => o.label)).toEqual(['DCA — Drug Control Agency']);
    expect(organisationOptions(all, 'dru').map((o) => o.label)).toEqual(['DCA — Drug Control Agency', 'UNODC — United Nations Office on Drugs and Crime']);
    expect(organisationOptions(all, 'tajik')[0]).toMatchObject({ detail: 'Tajikistan' });
    expect(organisationOptions(all, '', { exclude: [dca.id] }).map((o) => o.id)).toEqual([mfa.id, unodc.id]);
    // Typed the way a new one is created, "Name (ACR)": found by its name.
    expect(organisationOptions(all, 'Drug Control Agency (DCA)').map((o) => o.id)).toEqual([dca.id]);
  });

  it('knows a typed name (and acronym, if typed) that is already in the directory', () => {
    expect(organisationExists(all, '  drug control   AGENCY ')).toBe(true);
    expect(organisationExists(all, 'Drug Control Agency (DCA)')).toBe(true);
    // Same name, another acronym; or a new name with a known acronym: a different organisation.
    expect(organisationExists(all, 'Drug Control Agency (DKA)')).toBe(false);
    expect(organisationExists(all, 'Ministry of Finance (MFA)')).toBe(false);
  });
});
