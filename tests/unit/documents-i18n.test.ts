/**
 * Every document in French and Russian (issue 15 point 5), read back by tools that are not our code: the
 * pack's PDF by poppler (headings in the language, dates declined, no English heading left), the Russian
 * .docx by LibreOffice, the French cable as text, the French CSV's header row and calendar (ical.js), and
 * `attache pack` / `attache export` with `--lang` (and a refused `--lang de`). What the user typed (titles,
 * names, statements: the example is in English) is never translated, so only our own words are checked.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, describe, expect, it } from 'vitest';
import { briefingDocumentFromData } from '../../src-renderer/src/core/document/briefing';
import { packDocument } from '../../src-renderer/src/core/document/pack';
import { EXAMPLE_BRIEFING_ID, exampleWorkspaceData } from '../../src-renderer/src/core/example';
import { packDocx } from '../../src-renderer/src/core/export/docx';
import { exportFile, formatById, type ExportInput } from '../../src-renderer/src/core/export/formats';
import { trackerItems } from '../../src-renderer/src/core/document/tracker-items';
import type { Locale } from '../../src-renderer/src/core/i18n';
import { letterheadOf } from '../../src-renderer/src/core/letterhead';
import type { WorkspaceData } from '../../src-renderer/src/core/model';
import { packOptions } from '../../src-renderer/src/core/pack/options';
import { renderPackDetailed } from '../../src-renderer/src/core/pack/render-node';
import { settingsOfData } from '../../src-renderer/src/core/settings';
import { encodeSyncFile } from '../../src-renderer/src/core/sync/format';
import { messageOf } from '../../src-renderer/src/core/errors';
import { cliRunner } from './cli-helpers';
import { exportedText, expectPassages } from './export-readback';
import { pagesText } from './pack-fixture';

const dir = mkdtempSync(join(tmpdir(), 'attache-documents-i18n-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const poppler = spawnSync('pdftotext', ['-v']).status === 0;
const soffice = spawnSync('soffice', ['--version']).status === 0;

/** Our English headings and labels as the pack prints them (capitals, as its headings are set). */
const ENGLISH_PACK_WORDS = [
  'BRIEFING PACK',
  'PERIOD COVERED',
  'DATE OF ISSUE',
  'FILE REFERENCE',
  'BRIEFING 1 OF 1',
  'SUMMARY',
  'ATTENDANCE',
  'STATEMENTS',
  'COMMENT',
  'FOLLOW-UPS AND ANNOUNCED EVENTS',
  'ANNEX A',
  'Action tracker',
  'People and organisations',
  'DUE / STATUS',
  'OWNER / PLACE',
  'OVERDUE',
  'FIGURE',
  'REQUEST',
  'ANNOUNCEMENT',
  'Also present',
  '(speaker)',
  'Page 2 of',
  'March 2015',
  'April 2015',
];

function packPdfOptions(language: string) {
  return packOptions({
    title: 'Counter-narcotics cooperation in Tajikistan',
    language,
    issueDate: '2015-04-10',
    creationDate: '2015-04-10T09:00:00Z',
    fileReference: 'DUS/POL/2015/017',
  });
}

async function packText(language: string): Promise<string> {
  const pack = await renderPackDetailed(exampleWorkspaceData(), packPdfOptions(language));
  const file = join(dir, `pack-${language}.pdf`);
  writeFileSync(file, pack.bytes);
  return pagesText(file).join('\n');
}

function input(locale: Locale, data: WorkspaceData = exampleWorkspaceData()): ExportInput {
  const settings = settingsOfData(data);
  const doc = briefingDocumentFromData(data, EXAMPLE_BRIEFING_ID, locale)!;
  return { scope: 'briefing', briefings: [doc], items: [], title: doc.header.title, letterhead: letterheadOf(settings), levels: settings.classificationLevels, asOf: '2015-04-10', locale };
}

/** French puts a non-breaking space before a colon. */
const NB = '\u00a0';

describe.skipIf(!poppler)('the pack PDF in French and Russian, read back with pdftotext', () => {
  it('French: headings, labels and dates in French, no English heading left', async () => {
    const pdf = await packText('fr-FR');
    for (const word of ['DOSSIER DE SYNTHÈSE', 'PÉRIODE COUVERTE', 'DATE D’ÉMISSION', 'COMPTE RENDU 1 SUR 1', 'RÉSUMÉ', 'PARTICIPANTS', 'DÉCLARATIONS', 'ANNEXE A', 'Tableau de suivi', 'ÉCHÉANCE / ÉTAT', 'EN RETARD', 'DONNÉE CHIFFRÉE', 'DEMANDE', 'Page 2 sur'])
      expect(pdf, word).toContain(word);
    expect(pdf).toContain('17 mars 2015');
    expect(pdf).toContain('10 avril 2015');
    for (const word of ENGLISH_PACK_WORDS) expect(pdf, word).not.toContain(word);
    // The user's own words are never translated.
    expect(pdf).toContain('International Cooperation on Countering Modern');
  });

  it('Russian: headings, labels and dates in Russian (declined), annexes lettered А, Б; no English heading left', async () => {
    const pdf = await packText('ru-RU');
    for (const word of ['СПРАВОЧНАЯ ПОДБОРКА', 'ПЕРИОД', 'БРИФИНГ 1 ИЗ 1', 'РЕЗЮМЕ', 'УЧАСТНИКИ', 'ЗАЯВЛЕНИЯ', 'ПРИЛОЖЕНИЕ А', 'ПРИЛОЖЕНИЕ Б', 'Контроль исполнения', 'СРОК / СТАТУС', 'ПРОСРОЧЕНО', 'ПРОСЬБА', 'Стр. 2 из'])
      expect(pdf, word).toContain(word);
    expect(pdf).toContain('17 марта 2015 г.');
    expect(pdf).toContain('10 апреля 2015 г.');
    for (const word of ENGLISH_PACK_WORDS) expect(pdf, word).not.toContain(word);
  });

  it('English stays as it was', async () => {
    const pdf = await packText('en-GB');
    for (const word of ['BRIEFING PACK', 'PERIOD COVERED', 'SUMMARY', 'ANNEX A', 'Action tracker', 'Page 2 of', '17 March 2015']) expect(pdf, word).toContain(word);
  });
});

describe.skipIf(!soffice || !poppler)('the Russian pack as Word, opened by LibreOffice', () => {
  it('has its headings, labels, dates and page numbers in Russian, and the document language ru-RU', async () => {
    const data = exampleWorkspaceData();
    const bytes = await packDocx(packDocument(data, packPdfOptions('ru-RU'), new Date('2015-04-10T09:00:00Z')));
    const file = join(dir, 'pack-ru.docx');
    writeFileSync(file, bytes);
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'pipe', timeout: 120_000 });
    const pdf = execFileSync('pdftotext', ['-layout', join(dir, 'pack-ru.pdf'), '-'], { encoding: 'utf8' });
    for (const word of ['СПРАВОЧНАЯ ПОДБОРКА', 'Номер дела', 'Резюме', 'Участники', 'Заявления', 'ПРИЛОЖЕНИЕ А', 'Контроль исполнения', 'Срок / дата', 'ПРОСРОЧЕНО', 'Стр. 1 из', '17 марта 2015 г.'])
      expect(pdf, word).toContain(word);
    for (const word of ['Summary', 'Attendance', 'Statements', 'ANNEX', 'Action tracker', 'Page 1 of', 'OVERDUE', 'March 2015']) expect(pdf, word).not.toContain(word);
    // Word's proofing language for the text (the styles' default run language).
    const unzipped = spawnSync('unzip', ['-p', file, 'word/styles.xml'], { encoding: 'utf8' });
    if (unzipped.status === 0) expect(unzipped.stdout).toMatch(/w:lang w:val="ru-RU"/);
  }, 180_000);
});

describe('the cable, the spreadsheet and the calendar in French', () => {
  it('the cable text: OBJET, RÉF., RÉSUMÉ, COMMENTAIRE, SUITE À DONNER, French dates, the labels’ column kept', async () => {
    const cable = await exportedText('cable', input('fr'), { references: ['DOUCHANBÉ 0117'] });
    const lines = cable.split('\n');
    for (const label of ['URGENCE :', 'DATE :', 'DE :', 'À :', 'OBJET :', 'RÉF. :']) expect(lines.some((l) => l.startsWith(label)), label).toBe(true);
    for (const heading of ['RÉSUMÉ', 'RÉUNION', 'SUITE À DONNER']) expect(lines, heading).toContain(heading);
    expectPassages(cable, ['DATE :      10 avril 2015', 'A. DOUCHANBÉ 0117', 'DONNÉE CHIFFRÉE :']);
    expect(cable).toMatch(/Responsable : /);
    for (const word of ['SUBJECT', 'SUMMARY', 'ACTION REQUESTED', 'PRECEDENCE', 'Owner:', 'Due:', 'FIGURE:', 'April 2015']) expect(cable, word).not.toContain(word);
    expect(lines.every((l) => [...l].length <= 69)).toBe(true);
  });

  it('the Russian cable: ТЕМА, ССЫЛКА lettered А, РЕЗЮМЕ, ТРЕБУЕМЫЕ ДЕЙСТВИЯ', async () => {
    const cable = await exportedText('cable', input('ru'), { references: ['ДУШАНБЕ 0117', 'ДУШАНБЕ 0120'] });
    expectPassages(cable, ['ТЕМА:', 'ССЫЛКА:     А. ДУШАНБЕ 0117', 'Б. ДУШАНБЕ 0120', 'РЕЗЮМЕ', 'ТРЕБУЕМЫЕ ДЕЙСТВИЯ', '10 апреля 2015 г.']);
  });

  it('the statements spreadsheet: French column heads and kinds; the follow-ups’: French heads, kinds and statuses', async () => {
    const statements = await exportedText('csv', input('fr'));
    expect(statements.split('\r\n')[0]).toBe('Compte rendu,Date,N°,Intervenant,Fonction,Organisation,Type,Texte,Suivis,Mots-clés,ID');
    expect(statements).toContain(',Donnée chiffrée,');
    const data = exampleWorkspaceData();
    const byId = new Map(data.briefings.map((b) => [b.id, b]));
    const tracker: ExportInput = { ...input('fr', data), scope: 'tracker', briefings: [], items: trackerItems(data.actions, (id) => byId.get(id), 'fr'), title: 'Suivis' };
    const followUps = await exportedText('csv', tracker);
    expect(followUps.split('\r\n')[0]).toBe('Intitulé,Type,État,Responsable,Échéance,Lieu,Compte rendu,Date du compte rendu,Mots-clés,Notes,ID');
    expect(followUps).toMatch(/,Tâche,(Ouvert|Fait|En cours),/);
    expect(followUps).toMatch(/,Événement,/);
  });

  it('the calendar: parsed by ical.js, descriptions in French; the export summary names what it left out in French', async () => {
    const file = await exportFile(formatById('ics')!, input('fr'));
    const cal = new ICAL.Component(ICAL.parse(new TextDecoder().decode(file.bytes)) as unknown[]);
    const descriptions = [...cal.getAllSubcomponents('vevent'), ...cal.getAllSubcomponents('vtodo')].map((c) => String(c.getFirstPropertyValue('description') ?? ''));
    expect(descriptions.some((d) => d.includes(`Responsable${NB}: `))).toBe(true);
    expect(descriptions.some((d) => d.includes(`Compte rendu d’origine${NB}: International Cooperation on Countering Modern Threats and Challenges, 17 mars 2015`))).toBe(true);
    expect(descriptions.join('\n')).not.toMatch(/Owner:|From the briefing:/);
    // The example's Ashgabat meeting is known only to the month: the summary says so, in French.
    expect(file.notes.some((n) => n.startsWith('Absent du calendrier') && n.includes(`«${NB}Ninth MoU meeting`) && n.includes('mai 2015'))).toBe(true);
    expect(file.notes.join('\n')).not.toContain('Not in the calendar');
  });

  it('the Markdown note: French headings and labels, its language in the front matter', async () => {
    const md = await exportedText('md', input('fr'));
    expect(md).toContain('\nlang: fr\n');
    for (const heading of ['## Résumé', '## Participants', '## Déclarations', '## Suivis', '## Événements annoncés']) expect(md).toContain(heading);
    expect(md).toContain(`- **Lieu${NB}:** Ministry of Foreign Affairs, Dushanbe`);
    expect(md).not.toMatch(/^## (Summary|Attendance|Statements|Follow-ups)/m);
  });
});

describe('an export’s refusal', () => {
  it('is English in its message (the CLI, logs) and in the interface’s language on screen', async () => {
    const empty: ExportInput = { ...input('en'), briefings: [] };
    const error = await exportFile(formatById('csv')!, empty).catch((e: unknown) => e);
    expect((error as Error).message).toBe('No briefing is selected: there is nothing to export');
    expect(messageOf(error, 'fr')).toBe(`Aucun compte rendu n’est sélectionné${NB}: il n’y a rien à exporter`);
    expect(messageOf(error, 'ru')).toBe('Брифинг не выбран: экспортировать нечего');
  });
});

describe('attache pack and attache export --lang', () => {
  const header = {
    app: { name: 'Attaché', version: 'test' },
    installation: { id: '00000000-0000-7000-8000-0000000000c1', name: 'Desk A' },
    createdAt: '2015-04-10T08:00:00.000Z',
    scope: { kind: 'full' as const },
  };
  const sync = join(dir, 'desk.attache');
  const pack = cliRunner(['pack']);
  const exporter = cliRunner(['export']);

  it.skipIf(!poppler)('pack --lang ru writes the pack in Russian, titled in Russian when no title is given', async () => {
    writeFileSync(sync, await encodeSyncFile(exampleWorkspaceData(), header));
    const out = join(dir, 'cli-ru.pdf');
    expect(await pack.cli('--in', sync, '--out', out, '--lang', 'ru', '--issue-date', '2015-04-10')).toBe(0);
    const pdf = pagesText(out).join('\n');
    expect(pdf).toContain('Справочная подборка');
    expect(pdf).toContain('СПРАВОЧНАЯ ПОДБОРКА');
    expect(pdf).toContain('17 марта 2015 г.');
    expect(pdf).not.toContain('BRIEFING PACK');
    expect(run('pdfinfo', out)).toMatch(/Subject:\s+Справочная подборка: 1 брифинг/);
  });

  it('export cable --lang fr writes the cable in French', async () => {
    writeFileSync(sync, await encodeSyncFile(exampleWorkspaceData(), header));
    const out = join(dir, 'cli-fr.txt');
    expect(await exporter.cli('cable', sync, '--out', out, '--lang', 'fr', '--as-of', '2015-03-18')).toBe(0);
    const cable = readFileSync(out, 'utf8');
    expect(cable).toContain('OBJET :');
    expect(cable).toContain('18 mars 2015');
  });

  it('refuses --lang de, and writes nothing', async () => {
    writeFileSync(sync, await encodeSyncFile(exampleWorkspaceData(), header));
    expect(await pack.cli('--in', sync, '--out', join(dir, 'de.pdf'), '--lang', 'de')).toBe(2);
    expect(pack.err.join('\n')).toContain('--lang: one of en, fr, ru (got "de")');
    expect(await exporter.cli('csv', sync, '--out', join(dir, 'de.csv'), '--lang', 'de')).toBe(2);
    expect(exporter.err.join('\n')).toContain('--lang: one of en, fr, ru');
    expect(spawnSync('ls', [join(dir, 'de.pdf')]).status).not.toBe(0);
    expect(spawnSync('ls', [join(dir, 'de.csv')]).status).not.toBe(0);
  });
});

function run(cmd: string, ...args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8' });
}
