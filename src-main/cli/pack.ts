/**
 * `attache pack`: a PDF briefing pack (or the same pack as a Word file, when --out ends in .docx) from one or
 * more sync files, for mission IT and automation. Same decoding and merge as an import in the app, same
 * builder and writers as the Pack dialog.
 * Exit codes: 0 written, 1 a bad input file or nothing to put in the pack, 2 bad usage.
 * The PDF is written to a temporary file and renamed, so a failure never leaves a partial PDF.
 */
import { settingsOfData } from '../../src-renderer/src/core/settings';
import { parsePackOptions, type PackOptions } from '../../src-renderer/src/core/pack/options';
import { PackError, renderPackDetailed } from '../../src-renderer/src/core/pack/render-node';
import { renderPackDocx } from '../../src-renderer/src/core/pack/render-docx';
import type { PackContent } from '../../src-renderer/src/core/pack/select';
import { copyFileName, letterheadOfData, packCopies, type PackCopy } from '../../src-renderer/src/core/document/pack';
import { checkEmblem, EMBLEM_LIMITS, type Emblem } from '../../src-renderer/src/core/pack/emblem';
import { emptyWorkspaceData, type ClassificationLevel, type WorkspaceData } from '../../src-renderer/src/core/model';
import { SyncError } from '../../src-renderer/src/core/sync/guards';
import { fromMaps, mergeIntoMaps, toMaps } from '../../src-renderer/src/core/sync/merge';
import { readFile, stat } from 'node:fs/promises';
import { DOCUMENT_LANGUAGE_TAGS } from '../../src-renderer/src/core/document/language';
import { translate } from '../../src-renderer/src/core/i18n';
import { decodeInputs, fail, parse, readPassphrase, writeFileAtomic } from './args';
import { parseLang } from './lang';

export const PACK_USAGE = `Usage: attache pack --in <sync-file> [--in <sync-file>…] --out <pdf or docx> [options]
  (--out ending in .docx writes the same pack as a Word file; the emblem is printed in the PDF only)
  --title T              pack title (default "Briefing pack")
  --recipient T          mission or recipient line on the cover
  --prepared-by T        "prepared by" on the cover; also the PDF author
  --tag T                only briefings with this tag (repeat for any of several)
  --from YYYY-MM-DD      only briefings on or after this date
  --to YYYY-MM-DD        only briefings on or before this date
  --ceiling LEVEL        leave out briefings above this classification (id or label)
  --watermark TEXT       e.g. DRAFT (default: none)
  --paper A4|Letter      paper size (default A4)
  --no-statements        leave out the statements
  --no-tracker           leave out the action tracker annex
  --no-people            leave out the people and organisations annex
  --issue-date YYYY-MM-DD  date of issue, against which follow-ups are overdue (default: the creation date, else today)
  --file-ref T           the registry's file reference, e.g. DUS/POL/2015/017
  --sender T             the From line (default: the mission's name in the letterhead settings)
  --addressee T          a To addressee (repeat; default: the letterhead settings' To list)
  --info T               an Info addressee (repeat; default: the letterhead settings' Info list)
  --distribution T       a distribution entry (repeat; default: the letterhead settings' list)
  --numbered-copies      one PDF per distribution entry, "Copy n of N — entry" on every page, written
                         beside --out as <name>-copy-n-of-N-<entry>.pdf
  --numbered-paragraphs  number each briefing's paragraphs 1, 2, 3…
  --no-comment           leave out the officer's comment
  --emblem FILE          the mission's emblem on the cover (PNG or JPEG, at most 512 KB)
  --lang en|fr|ru        the language of the pack's headings, labels and dates (default en)
  --language TAG         the document's language tag in the PDF (default: the --lang's, en-GB, fr-FR or ru-RU);
                         a French or Russian tag writes the pack in that language too
  --creation-date ISO    fixed PDF creation date: the same inputs then give a byte-identical PDF
  --passphrase-file P    passphrase of encrypted sync files (first line of the file)`;

const OPTIONS = {
  in: { type: 'string', multiple: true },
  out: { type: 'string' },
  title: { type: 'string' },
  recipient: { type: 'string' },
  'prepared-by': { type: 'string' },
  tag: { type: 'string', multiple: true },
  from: { type: 'string' },
  to: { type: 'string' },
  ceiling: { type: 'string' },
  watermark: { type: 'string' },
  paper: { type: 'string' },
  'no-statements': { type: 'boolean' },
  'no-tracker': { type: 'boolean' },
  'no-people': { type: 'boolean' },
  'issue-date': { type: 'string' },
  'file-ref': { type: 'string' },
  sender: { type: 'string' },
  addressee: { type: 'string', multiple: true },
  info: { type: 'string', multiple: true },
  distribution: { type: 'string', multiple: true },
  'numbered-copies': { type: 'boolean' },
  'numbered-paragraphs': { type: 'boolean' },
  'no-comment': { type: 'boolean' },
  emblem: { type: 'string' },
  lang: { type: 'string' },
  language: { type: 'string' },
  'creation-date': { type: 'string' },
  'passphrase-file': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const usage = (message: string) => new SyncError('usage', message);

/** Match a level by id or label, ignoring case ("confidential", "CONFIDENTIAL"). */
export function resolveCeiling(levels: readonly ClassificationLevel[], given: string): string {
  const want = given.trim().toLowerCase();
  const level = levels.find((l) => l.id.toLowerCase() === want || l.label.toLowerCase() === want);
  if (!level) throw usage(`Unknown classification level "${given}"; the levels are ${levels.map((l) => l.label).join(', ')}.`);
  return level.id;
}

/** Decode every input first (one bad file and nothing is written), then merge them as imports would. */
export async function readWorkspace(paths: string[], passphrase: string | undefined): Promise<WorkspaceData> {
  const maps = toMaps(emptyWorkspaceData());
  const now = Date.now();
  const decoded = await decodeInputs(paths, passphrase);
  // A pack is a read-only view: edits stamped in the future are shown rather than held back.
  for (const file of decoded) mergeIntoMaps(maps, file.data, { now, applyFutureEdits: true });
  return fromMaps(maps);
}

export async function runPack(argv: string[]): Promise<number> {
  try {
    const { values, positionals } = parse(argv, OPTIONS);
    if (values.help) {
      console.log(PACK_USAGE);
      return 0;
    }
    if (positionals.length) throw usage(`pack takes its inputs as --in <file> (got "${positionals[0]}").`);
    if (!values.in?.length) throw usage('pack needs at least one --in <sync-file>.');
    if (!values.out) throw usage('pack needs --out <pdf>.');

    if (values.lang !== undefined && values.language !== undefined) throw usage('Give --lang (en, fr or ru) or --language (a tag such as fr-FR), not both.');
    const lang = values.lang !== undefined ? parseLang(values.lang) : undefined;
    const parsed = parsePackOptions({
      // A pack in French or Russian without a title of its own is called so in its language.
      ...(lang && lang !== 'en' && { title: translate(lang, 'doc.cover.eyebrow') }),
      ...(lang && { language: DOCUMENT_LANGUAGE_TAGS[lang] }),
      ...(values.title !== undefined && { title: values.title }),
      ...(values.recipient !== undefined && { recipient: values.recipient }),
      ...(values['prepared-by'] !== undefined && { preparedBy: values['prepared-by'] }),
      ...(values.watermark !== undefined && { watermark: values.watermark }),
      ...(values.paper !== undefined && { paper: /^letter$/i.test(values.paper) ? 'Letter' : values.paper.toUpperCase() }),
      ...(values['issue-date'] !== undefined && { issueDate: values['issue-date'] }),
      ...(values['creation-date'] !== undefined && { creationDate: values['creation-date'] }),
      ...(values['file-ref'] !== undefined && { fileReference: values['file-ref'] }),
      ...(values.sender !== undefined && { from: values.sender }),
      ...(values.language !== undefined && { language: values.language }),
      to: values.addressee ?? [],
      info: values.info ?? [],
      distribution: values.distribution ?? [],
      numberedCopies: !!values['numbered-copies'],
      numberedParagraphs: !!values['numbered-paragraphs'],
      includeComment: !values['no-comment'],
      includeStatements: !values['no-statements'],
      includeTracker: !values['no-tracker'],
      includePeople: !values['no-people'],
      selection: { tags: values.tag ?? [], from: values.from ?? '', to: values.to ?? '' },
    });
    if (!parsed.ok) {
      const first = parsed.errors[0]!;
      throw usage(`--${cliName(first.path)}: ${first.message}.`);
    }

    const emblem = values.emblem !== undefined ? await readEmblem(values.emblem) : null;
    const passphrase = await readPassphrase(values['passphrase-file']);
    const data = await readWorkspace(values.in, passphrase);
    const options: PackOptions = {
      ...parsed.options,
      ceiling: values.ceiling !== undefined ? resolveCeiling(settingsOfData(data).classificationLevels, values.ceiling) : '',
    };

    const word = /\.docx$/i.test(values.out);
    type Written = { bytes: Uint8Array; content: PackContent; pageCount?: number };
    const render = (copy?: PackCopy): Promise<Written> => (word ? renderPackDocx(data, options, copy) : renderPackDetailed(data, options, { emblem, copy }));
    const summary = (out: string, pack: Written) => {
      const { counts, excluded } = pack.content;
      const left = excluded.length ? `; ${excluded.length} left out above the ceiling: ${excluded.map((e) => e.title).join('; ')}` : '';
      const pages = pack.pageCount === undefined ? '' : `${plural(pack.pageCount, 'page')}, `;
      return `Wrote ${out}: ${pages}${plural(counts.briefings, 'briefing')}, ${plural(counts.statements, 'statement')}, ${plural(counts.actions, 'follow-up')}${left}.`;
    };
    if (!options.numberedCopies) {
      const pack = await render();
      await writeFileAtomic(values.out, pack.bytes);
      console.log(summary(values.out, pack));
      return 0;
    }
    // Numbered copies: one PDF per distribution entry, every one rendered before any is written.
    const copies = packCopies({ distribution: options.distribution.length ? options.distribution : letterheadOfData(data).distribution });
    if (!copies.length) throw usage('--numbered-copies needs a distribution list (--distribution, or the letterhead settings).');
    const packs: [string, Written][] = [];
    for (const copy of copies) packs.push([copyFileName(values.out, copy), await render(copy)]);
    for (const [out, pack] of packs) await writeFileAtomic(out, pack.bytes);
    for (const [out, pack] of packs) console.log(summary(out, pack));
    return 0;
  } catch (e) {
    if (e instanceof PackError) {
      console.error(e.message);
      return 1;
    }
    return fail(e);
  }
}

/**
 * The emblem file, checked by its bytes (core/pack/emblem.ts); a file over the limit is refused unread.
 * A file that is not a usable image is a bad input (exit 1), a file that cannot be read a usage error (2).
 */
async function readEmblem(path: string): Promise<Emblem> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw usage(`--emblem: cannot read ${path}.`);
  }
  if (size > EMBLEM_LIMITS.bytes) throw new Error(`--emblem: ${path} is ${Math.ceil(size / 1024)} KB; at most ${EMBLEM_LIMITS.bytes / 1024} KB is accepted.`);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch {
    throw usage(`--emblem: cannot read ${path}.`);
  }
  const checked = checkEmblem(bytes);
  if (!checked.ok) throw new Error(`--emblem: ${checked.message}.`);
  return checked.emblem;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Option path from the validator ("selection.from") → the flag the user typed ("from"). */
function cliName(path: string): string {
  // A list entry's path ends with its index ("to.3"): the list names the flag.
  const parts = path.split('.');
  const last = (/^\d+$/.test(parts.at(-1) ?? '') ? parts.at(-2) : parts.at(-1)) ?? path;
  const names: Record<string, string> = {
    preparedBy: 'prepared-by',
    issueDate: 'issue-date',
    creationDate: 'creation-date',
    tags: 'tag',
    fileReference: 'file-ref',
  };
  // The pack's own From and To lines (not the selection's dates, "selection.from").
  if (parts[0] === 'from') return 'sender';
  if (parts[0] === 'to') return 'addressee';
  return names[last] ?? last;
}
