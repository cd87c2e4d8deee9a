/**
 * Who a follow-up's owner can be picked from: the people in the directory, the owners already used, and
 * "Me" (this installation's user, data/my-name.ts). Read when an owner picker opens, not on a hot path:
 * the owners come from the `owner` index's distinct keys, not a scan of the follow-ups.
 */
import type { Organisation, Person } from '../core/model';
import type { AttacheDb } from './db';
import { readMyName } from './my-name';

export interface OwnerChoices {
  people: Person[];
  organisations: Map<string, Organisation>;
  /** Owners already written on follow-ups (distinct as stored; the picker folds them). */
  owners: string[];
  /** '' when this installation's user has not given their name. */
  myName: string;
}

export async function loadOwnerChoices(db: AttacheDb): Promise<OwnerChoices> {
  const [people, organisations, owners, myName] = await Promise.all([
    db.people.toArray(),
    db.organisations.toArray(),
    db.actions.orderBy('owner').uniqueKeys(),
    readMyName(db),
  ]);
  return {
    // A merged-away person is reached through the one kept: offer that one only.
    people: people.filter((p) => p.deleted === 0 && !p.mergedInto),
    organisations: new Map(organisations.filter((o) => o.deleted === 0).map((o) => [o.id, o])),
    owners: owners.filter((o): o is string => typeof o === 'string' && o.trim() !== ''),
    myName,
  };
}
