/**
 * `npm run samples`: a sample of every output Attaché writes, made from the example briefing (core/example.ts,
 * the 17 March 2015 Dushanbe briefing) into docs/samples/, so the README can show what each looks like.
 * The pack PDF, and every format of the export registry (core/export/formats.ts) that has a writer: the
 * cable as text and PDF, Word, calendar, CSV, Markdown, and the pack as Word. Fixed dates (issue and
 * creation) so that a re-run on unchanged code gives the same PDFs. The pack and the cable also in French
 * and Russian (their headings, labels and dates; the briefing itself stays as it was typed). The PDFs' pages are also rendered to
 * PNG (pdftoppm, when poppler is installed) into out/samples-pages/, to look at before committing.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// Every language at once, as the command line loads them: the French and Russian samples are written synchronously.
import '../src-renderer/src/core/messages-all';
import { briefingDocumentFromData } from '../src-renderer/src/core/document/briefing';
import { letterheadOfData, packDocument } from '../src-renderer/src/core/document/pack';
import { EXAMPLE_BRIEFING_ID, EXAMPLE_CLOCK, exampleWorkspaceData } from '../src-renderer/src/core/example';
import { exportFile, formatById, FORMATS, type ExportInput } from '../src-renderer/src/core/export/formats';
import { DOCUMENT_LANGUAGE_TAGS } from '../src-renderer/src/core/document/language';
import { nodePdfEngine } from '../src-renderer/src/core/export/pdf-node';
import { SETTINGS_ID, type WorkspaceData } from '../src-renderer/src/core/model';
import { createRecord } from '../src-renderer/src/core/records';
import { packOptions } from '../src-renderer/src/core/pack/options';
import { renderPackDetailed } from '../src-renderer/src/core/pack/render-node';
import { defaultSettings, settingsOfData } from '../src-renderer/src/core/settings';

const OUT = fileURLToPath(new URL('../docs/samples/', import.meta.url));
const PAGES = fileURLToPath(new URL('../out/samples-pages/', import.meta.url));

/** The file each registered format's sample is written to (the README links these names). */
const SAMPLE_NAMES: Record<string, string> = {
  cable: 'cable.txt',
  'cable-pdf': 'cable.pdf',
  'cable-docx': 'cable.docx',
  docx: 'briefing.docx',
  ics: 'briefing.ics',
  csv: 'statements.csv',
  md: 'briefing.md',
};
/** The French and Russian pack as a desk in that language would fill it in (its own title, recipient and author). */
const LOCALISED = {
  fr: { title: 'Coopération en matière de lutte contre les stupéfiants au Tadjikistan', recipient: 'À l’attention de S. E. M. l’Ambassadeur', preparedBy: 'Section politique' },
  ru: { title: 'Сотрудничество в сфере борьбы с наркотиками в Таджикистане', recipient: 'Послу', preparedBy: 'Политическая группа' },
} as const;
const ISSUED = '2015-03-20';
const CREATED = '2015-03-20T09:00:00Z';

/** The example with a mission's letterhead, as a desk would have set it in Settings → Documents. */
function exampleWithLetterhead(): WorkspaceData {
  const data = exampleWorkspaceData();
  const letterhead = {
    missionName: 'Embassy of Ruritania in Dushanbe',
    cableFrom: 'RURITANIAN EMBASSY DUSHANBE',
    cableTo: ['Ministry of Foreign Affairs, Central Asia Department'],
    cableInfo: ['Embassy of Ruritania in Tashkent', 'Permanent Mission of Ruritania to the UN, Vienna'],
    distribution: ['H.E. the Ambassador', 'Political Section', 'Registry'],
  };
  const base = data.settings.find((s) => s.id === SETTINGS_ID) ?? createRecord('settings', SETTINGS_ID, defaultSettings(), EXAMPLE_CLOCK);
  return { ...data, settings: [{ ...base, ...letterhead }] };
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  // Only what this script writes is replaced (a README beside the samples stays).
  for (const f of readdirSync(OUT)) if (f !== 'README.md') rmSync(join(OUT, f), { recursive: true });
  const data = exampleWithLetterhead();
  const written: string[] = [];
  const write = (name: string, bytes: Uint8Array) => {
    writeFileSync(join(OUT, name), bytes);
    written.push(name);
  };

  // The pack: the example briefing with a file reference, addressees and numbered paragraphs.
  const options = packOptions({
    title: 'Counter-narcotics cooperation in Tajikistan',
    recipient: 'For H.E. the Ambassador',
    preparedBy: 'Political Section',
    fileReference: 'DUS/POL/2015/017',
    issueDate: ISSUED,
    creationDate: CREATED,
    numberedParagraphs: true,
  });
  const pack = await renderPackDetailed(data, options);
  write('briefing-pack.pdf', pack.bytes);
  // The same pack as Word, where the build has the writer (core/export/docx.ts).
  try {
    const path = '../src-renderer/src/core/export/docx';
    const { packDocx } = (await import(path)) as { packDocx?: (doc: ReturnType<typeof packDocument>) => Promise<Uint8Array> };
    if (packDocx) write('briefing-pack.docx', await packDocx(packDocument(data, options, new Date(CREATED))));
  } catch (e) {
    console.warn(`pack .docx: not written (${e instanceof Error ? e.message : String(e)})`);
  }

  // Every registered export format, for the example briefing (and the tracker's rows where a format takes them).
  const doc = briefingDocumentFromData(data, EXAMPLE_BRIEFING_ID);
  if (!doc) throw new Error('The example briefing is missing from core/example.ts');
  const input: ExportInput = {
    scope: 'briefing',
    briefings: [doc],
    items: [],
    title: doc.header.title,
    letterhead: letterheadOfData(data),
    levels: settingsOfData(data).classificationLevels,
    asOf: ISSUED,
    pdf: nodePdfEngine,
  };
  for (const format of FORMATS) {
    try {
      const file = await exportFile(format, input);
      write(SAMPLE_NAMES[format.id] ?? `${format.id}.${format.extension}`, file.bytes);
    } catch (e) {
      console.warn(`${format.id}: not written (${e instanceof Error ? e.message : String(e)})`);
    }
  }

  // The pack and the cable in French and Russian.
  for (const locale of ['fr', 'ru'] as const) {
    const localised = await renderPackDetailed(data, { ...options, ...LOCALISED[locale], language: DOCUMENT_LANGUAGE_TAGS[locale] });
    write(`briefing-pack-${locale}.pdf`, localised.bytes);
    const docIn = briefingDocumentFromData(data, EXAMPLE_BRIEFING_ID, locale)!;
    const inputIn: ExportInput = { ...input, briefings: [docIn], locale };
    for (const id of ['cable', 'cable-pdf'] as const) {
      const format = formatById(id)!;
      write(`cable-${locale}.${format.extension}`, (await exportFile(format, inputIn)).bytes);
    }
  }

  // Pages to look at (not committed).
  rmSync(PAGES, { recursive: true, force: true });
  mkdirSync(PAGES, { recursive: true });
  for (const name of written.filter((n) => n.endsWith('.pdf'))) {
    const r = spawnSync('pdftoppm', ['-png', '-r', '60', join(OUT, name), join(PAGES, name.replace(/\.pdf$/, ''))]);
    if (r.error) {
      console.warn('pdftoppm not found: no page images (apt-get install poppler-utils)');
      break;
    }
  }
  console.log(`Wrote ${written.length} samples to docs/samples/: ${written.join(', ')}; their pages as PNG in out/samples-pages/`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
