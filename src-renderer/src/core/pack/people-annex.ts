/**
 * The pack's annex of people and organisations, grouped the way the directory is: each person under
 * their organisation's path ("UNODC › Regional Office for Central Asia (ROCA)"), organisations named by
 * their path too. Paths read parents through redirects and cut rings as core/directory.ts does; only
 * live organisations are named (a deleted one is never printed, not even as a parent).
 */
import { organisationChain, organisationPath, resolve } from '../directory';
import type { Organisation, Person, WorkspaceData } from '../model';
import { compareNames } from '../text';

export interface AnnexGroup {
  /** The organisation's path, or '' for people with no organisation recorded (listed last). */
  path: string;
  people: Person[];
}

export interface PeopleAnnex {
  groups: AnnexGroup[];
  /** The pack's organisations with their parents ("UNODC › Regional Office for Central Asia"), parents before the offices under them. */
  organisations: { organisation: Organisation; path: string }[];
}

/** Live organisations by id, for paths. */
function liveOrganisations(data: Pick<WorkspaceData, 'organisations'>): (id: string) => Organisation | undefined {
  const live = new Map<string, Organisation>();
  for (const o of data.organisations) if (o.deleted === 0) live.set(o.id, o);
  return (id) => live.get(id);
}

/**
 * A function naming an organisation by its path ("UNODC › Regional Office for Central Asia (ROCA)"; ''
 * for none), each path worked out once: the briefing's organisers and the annex name organisations so.
 */
export function organisationPaths(data: Pick<WorkspaceData, 'organisations'>, lookup = liveOrganisations(data)): (id: string | null) => string {
  const paths = new Map<string, string>();
  return (id) => {
    const o = resolve(lookup, id);
    if (!o) return '';
    let p = paths.get(o.id);
    if (p === undefined) paths.set(o.id, (p = organisationPath(lookup, o.id)));
    return p;
  };
}

/** Group `people` (the pack's speakers, kept records) by organisation path; `organisations` listed by path. */
export function peopleAnnex(data: Pick<WorkspaceData, 'organisations'>, people: readonly Person[], organisations: readonly Organisation[]): PeopleAnnex {
  const lookup = liveOrganisations(data);
  const pathOf = organisationPaths(data, lookup);
  const byPath = new Map<string, Person[]>();
  for (const person of people) {
    const path = pathOf(person.organisationId);
    const list = byPath.get(path);
    if (list) list.push(person);
    else byPath.set(path, [person]);
  }
  const groups = [...byPath].map(([path, list]) => ({ path, people: list.sort((a, b) => compareNames(a.name, b.name)) }));
  groups.sort((a, b) => (a.path === '' ? 1 : b.path === '' ? -1 : compareNames(a.path, b.path)));
  // Sorted by the names along the path, so a regional office follows its headquarters.
  const sortKey = (o: Organisation) => organisationChain(lookup, o.id).map((x) => x.acronym || x.name).join(' › ');
  // In the organisations table the acronym has its own column: the path ends with the bare name.
  const tablePath = (o: Organisation) => [...organisationChain(lookup, o.id).slice(0, -1).map((x) => x.acronym || x.name), o.name].join(' › ');
  const orgs = organisations.map((organisation) => ({ organisation, path: tablePath(organisation), key: sortKey(organisation) }));
  orgs.sort((a, b) => compareNames(a.key, b.key));
  return { groups, organisations: orgs.map(({ organisation, path }) => ({ organisation, path })) };
}
