/** "Name (ACR)" typed into a person picker (ui/briefing/directory.ts parseNewSpeaker). */
import { describe, expect, it } from 'vitest';
import type { Organisation } from '../../src-renderer/src/core/model';
import { parseNewSpeaker } from '../../src-renderer/src/ui/briefing/directory';

const dca = { id: 'o1', name: 'Drug Control Agency', acronym: 'DCA' } as Organisation;

describe('a new person as typed', () => {
  it('attaches a known organisation by acronym or name, in brackets or after a comma', () => {
    expect(parseNewSpeaker('Rustam Nazarzoda (dca)', [dca])).toEqual({ name: 'Rustam Nazarzoda', organisationId: 'o1', newOrganisation: null });
    expect(parseNewSpeaker('Rustam Nazarzoda, DCA', [dca])).toEqual({ name: 'Rustam Nazarzoda', organisationId: 'o1', newOrganisation: null });
    expect(parseNewSpeaker('Rustam Nazarzoda (Drug Control Agency)', [dca]).organisationId).toBe('o1');
  });

  it('makes a new organisation of an unknown bracketed acronym or name, never of a comma', () => {
    expect(parseNewSpeaker('Ashita Mittal (UNODC)', [dca])).toEqual({ name: 'Ashita Mittal', organisationId: null, newOrganisation: { name: 'UNODC', acronym: 'UNODC' } });
    expect(parseNewSpeaker('S. Nodiri (Ministry of Justice)', [dca]).newOrganisation).toEqual({ name: 'Ministry of Justice', acronym: '' });
    expect(parseNewSpeaker('Smith, John', [dca])).toEqual({ name: 'Smith, John', organisationId: null, newOrganisation: null });
    expect(parseNewSpeaker('(UNODC)', [dca])).toEqual({ name: '(UNODC)', organisationId: null, newOrganisation: null });
  });
});
