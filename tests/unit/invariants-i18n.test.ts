/**
 * The workspace check's findings in French and Russian (core/sync/invariants.ts findingText): each finding
 * carries its message key and values, so Settings → Check this workspace and the import preview say it in the
 * window's language while `message` stays the English sentence the CLI prints. Russian plurals: 1, 3, 5.
 */
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import { emptyWorkspaceData, SETTINGS_ID, type StoredRecord } from '../../src-renderer/src/core/model';
import { createRecord } from '../../src-renderer/src/core/records';
import { checkIncoming, checkWorkspace, findingText, type Finding } from '../../src-renderer/src/core/sync/invariants';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';
import { briefingFields } from './fixtures';

const CLOCK = formatHlc(Date.UTC(2025, 0, 1), 0, 'a1');
const id = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const briefing = (n: number, over: Parameters<typeof briefingFields>[0] = {}) => createRecord('briefings', id(n), briefingFields({ title: `Réunion ${n}`, ...over }), CLOCK);
const org = (n: number, over: Partial<StoredRecord<'organisations'>> = {}) =>
  createRecord('organisations', id(n), { ...V2_FIELDS.organisations(), name: `Org ${n}`, acronym: '', country: '', ...over }, CLOCK);
const organisers = (count: number) => Array.from({ length: count }, (_, i) => id(900 + i));
/** French typography's non-breaking spaces (inside « », before ;) read as spaces, so the sentences below stay legible. */
const spaced = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const said = (findings: Finding[], locale: 'en' | 'fr' | 'ru') => findings.map((f) => spaced(findingText(locale, f)));

describe('workspace findings in the window’s language', () => {
  it('count missing organisers in Russian as one, few and many (1, 3, 5), in French and English alike', () => {
    const data = emptyWorkspaceData();
    data.briefings.push(briefing(1, { organiserIds: organisers(1) }), briefing(3, { organiserIds: organisers(3) }), briefing(5, { organiserIds: organisers(5) }));
    const findings = checkWorkspace(data);
    expect(said(findings, 'ru')).toEqual([
      'Брифинг «Réunion 1» указывает организатора, которого нет в этом рабочем пространстве.',
      'Брифинг «Réunion 3» указывает 3 организаторов, которых нет в этом рабочем пространстве.',
      'Брифинг «Réunion 5» указывает 5 организаторов, которых нет в этом рабочем пространстве.',
    ]);
    expect(said(findings, 'fr')).toEqual([
      'Le compte rendu « Réunion 1 » cite un organisateur qui ne figure pas dans cet espace de travail.',
      'Le compte rendu « Réunion 3 » cite 3 organisateurs qui ne figurent pas dans cet espace de travail.',
      'Le compte rendu « Réunion 5 » cite 5 organisateurs qui ne figurent pas dans cet espace de travail.',
    ]);
    // English: the same sentence as `message`, which the CLI prints.
    expect(said(findings, 'en')).toEqual(findings.map((f) => f.message));
    expect(findings[1]!.message).toBe('The briefing “Réunion 3” names 3 organisers not in this workspace.');
  });

  it('say a repair and a repeated tag list with the language’s quotes, and the outcome in the same sentence', () => {
    const data = emptyWorkspaceData();
    data.briefings.push(briefing(1, { tags: ['énergie', 'Energie', 'gaz', 'GAZ'] }));
    const [repaired] = checkIncoming(data).repaired;
    expect(findingText('fr', repaired!)).toMatch(/»\u202f; les doublons/);
    expect(spaced(findingText('fr', repaired!))).toBe(
      'Le compte rendu « Réunion 1 » porte plus d’une fois les mots-clés « Energie », « GAZ » ; les doublons ont été supprimés.',
    );
    expect(findingText('ru', repaired!)).toBe('Брифинг «Réunion 1» более одного раза содержит метки «Energie», «GAZ»; повторы удалены.');
    expect(repaired!.message).toBe('The briefing “Réunion 1” lists the tags “Energie”, “GAZ” more than once; the repeats were dropped.');
  });

  it('name the settings record, a record without a label by its id, and rings of one or several', () => {
    const data = emptyWorkspaceData();
    data.settings.push(createRecord('settings', SETTINGS_ID, { ...V2_FIELDS.settings(), classificationLevels: [{ id: 'u', label: 'U' }], defaultClassification: 'gone' }, CLOCK));
    data.organisations.push(org(1, { parentId: id(1) }), org(2, { parentId: id(3) }), org(3, { parentId: id(4) }), org(4, { parentId: id(2), name: '' }));
    const findings = checkWorkspace(data);
    expect(said(findings, 'fr')).toEqual([
      'Les paramètres de l’espace de travail désignent comme niveau par défaut « gone », qui ne figure pas parmi les niveaux (le premier niveau est utilisé).',
      'L’organisation « Org 1 » relève d’elle-même ; la boucle est coupée à cet endroit.',
      'L’organisation « Org 2 » relève d’organisations qui relèvent d’elle (3 dans une boucle) ; la boucle est coupée à cet endroit.',
    ]);
    expect(said(findings, 'ru')).toEqual([
      'В настройках рабочего пространства гриф по умолчанию — «gone», но такого грифа нет среди грифов (используется первый гриф).',
      'Организация «Org 1» входит сама в себя; кольцо разрывается на ней.',
      'Организация «Org 2» входит в организации, входящие в неё (3 в кольце); кольцо разрывается на ней.',
    ]);
    const unnamed = checkWorkspace({ ...emptyWorkspaceData(), organisations: [org(7, { name: '', parentId: id(99) })] })[0]!;
    expect(findingText('ru', unnamed)).toBe(`Организация ${id(7)} входит в организацию, которой нет в этом рабочем пространстве.`);
  });

  it('survive a structured clone (the import preview crosses from its worker) and still translate', () => {
    const data = emptyWorkspaceData();
    data.briefings.push(briefing(1, { tags: ['a', 'a'] }));
    const [f] = structuredClone(checkIncoming(data).repaired);
    expect(findingText('ru', f!)).toBe('Брифинг «Réunion 1» более одного раза содержит метку «a»; повторы удалены.');
  });
});
