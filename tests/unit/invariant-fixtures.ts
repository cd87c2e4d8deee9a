/** Files that pass every schema check yet break the workspace invariants: what a colleague's careless or broken software could send. */
import { formatHlc, nodeIdFromInstallationId } from '../../src-renderer/src/core/hlc';
import { SETTINGS_ID, emptyWorkspaceData, type WorkspaceData } from '../../src-renderer/src/core/model';
import { createRecord } from '../../src-renderer/src/core/records';
import { defaultLetterhead } from '../../src-renderer/src/core/letterhead';
import { encodeSyncFile, type HeaderFields } from '../../src-renderer/src/core/sync/format';
import { briefingFields } from './fixtures';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';

export const BROKEN_CLOCK = formatHlc(Date.UTC(2025, 4, 1, 8), 0, nodeIdFromInstallationId('0196a000-0000-7000-8000-00000000c0fe'));
export const BROKEN_IDS = {
  org: '0196a000-0000-7000-8000-00000000f001',
  briefing: '0196a000-0000-7000-8000-00000000f002',
  statement: '0196a000-0000-7000-8000-00000000f003',
  action: '0196a000-0000-7000-8000-00000000f004',
  absentBriefing: '0196a000-0000-7000-8000-00000000f0ff',
};

/** One record per class of breakage: repeated levels, tags and organisers; an unusable order key; a dangling reference. */
export function brokenWorkspace(): WorkspaceData {
  const data = emptyWorkspaceData();
  const c = BROKEN_CLOCK;
  data.settings.push(
    createRecord(
      'settings',
      SETTINGS_ID,
      {
        ...defaultLetterhead(),
        classificationLevels: [
          { id: 'unclassified', label: 'UNCLASSIFIED' },
          { id: 'unclassified', label: 'UNCLASSIFIED AGAIN' },
          { id: 'restricted', label: 'RESTRICTED' },
          { id: 'restricted-2', label: 'Restricted' },
        ],
        defaultClassification: 'unclassified',
      },
      c,
    ),
  );
  data.organisations.push(createRecord('organisations', BROKEN_IDS.org, { ...V2_FIELDS.organisations(), name: 'UN Office on Drugs and Crime', acronym: 'UNODC', country: '' }, c));
  data.briefings.push(
    createRecord('briefings', BROKEN_IDS.briefing, briefingFields({ title: 'Border talks', tags: ['borders', 'Borders', 'drugs'], organiserIds: [BROKEN_IDS.org, BROKEN_IDS.org] }), c),
  );
  data.statements.push(
    createRecord('statements', BROKEN_IDS.statement, { briefingId: BROKEN_IDS.briefing, speakerId: null, kind: 'statement', text: 'Crossings will reopen in May.', tags: ['x', 'x'], order: 'a0 !' }, c),
  );
  data.actions.push(
    createRecord(
      'actions',
      BROKEN_IDS.action,
      { ...V2_FIELDS.actions(), kind: 'task', briefingId: BROKEN_IDS.absentBriefing, statementId: null, title: 'Ask for the crossing figures', owner: '', due: '', place: '', status: 'open', priority: 'normal', notes: '', tags: [] },
      c,
    ),
  );
  return data;
}

export const brokenHeader: HeaderFields = {
  app: { name: 'Careless sync', version: '0.0.1' },
  installation: { id: '0196a000-0000-7000-8000-00000000c0fe', name: 'Careless desk' },
  createdAt: '2025-05-01T08:00:00.000Z',
  scope: { kind: 'full' },
};

export function brokenFile(data: WorkspaceData = brokenWorkspace()): Promise<Uint8Array> {
  return encodeSyncFile(data, brokenHeader);
}
