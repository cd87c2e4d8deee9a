/**
 * `attache pack`: a PDF briefing pack from one or more sync files, for mission IT and automation.
 * Same decoding and merge as an import in the app, same builder and renderer as the Pack dialog.
 * Exit codes: 0 written, 1 a bad input file or nothing to put in the pack, 2 bad usage.
 * The PDF is written to a temporary file and renamed, so a failure never leaves a partial PDF.
 */
import { settingsOfData } from '../../src-renderer/src/core/settings';
import { parsePackOptions, type PackOptions } from '../../src-renderer/src/core/pack/options';
import { PackError, renderPackDetailed } from '../../src-renderer/src/core/pack/render-node';
import { emptyWorkspaceData, type ClassificationLevel, type WorkspaceData } from '../../src-renderer/src/core/model';
import { SyncError } from '../../src-renderer/src/core/sync/guards';
import { fromMaps, mergeIntoMaps, toMaps } from '../../src-renderer/src/core/sync/merge';
import { decodeInputs, fail, parse, readPassphrase, writeFileAtomic } from './args';

export const PACK_USAGE = `Usage: attache pack --in <sync-file> [--in <sync-file>…] --out <pdf> [options]
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
  --issue-date YYYY-MM-DD  date of issue (default: the creation date, else today)
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

    const parsed = parsePackOptions({
      ...(values.title !== undefined && { title: values.title }),
      ...(values.recipient !== undefined && { recipient: values.recipient }),
      ...(values['prepared-by'] !== undefined && { preparedBy: values['prepared-by'] }),
      ...(values.watermark !== undefined && { watermark: values.watermark }),
      ...(values.paper !== undefined && { paper: /^letter$/i.test(values.paper) ? 'Letter' : values.paper.toUpperCase() }),
      ...(values['issue-date'] !== undefined && { issueDate: values['issue-date'] }),
      ...(values['creation-date'] !== undefined && { creationDate: values['creation-date'] }),
      includeStatements: !values['no-statements'],
      includeTracker: !values['no-tracker'],
      includePeople: !values['no-people'],
      selection: { tags: values.tag ?? [], from: values.from ?? '', to: values.to ?? '' },
    });
    if (!parsed.ok) {
      const first = parsed.errors[0]!;
      throw usage(`--${cliName(first.path)}: ${first.message}.`);
    }

    const passphrase = await readPassphrase(values['passphrase-file']);
    const data = await readWorkspace(values.in, passphrase);
    const options: PackOptions = {
      ...parsed.options,
      ceiling: values.ceiling !== undefined ? resolveCeiling(settingsOfData(data).classificationLevels, values.ceiling) : '',
    };

    const pack = await renderPackDetailed(data, options);
    await writeFileAtomic(values.out, pack.bytes);
    const { counts, excluded } = pack.content;
    const left = excluded.length ? `; ${excluded.length} left out above the ceiling: ${excluded.map((e) => e.title).join('; ')}` : '';
    console.log(
      `Wrote ${values.out}: ${plural(pack.pageCount, 'page')}, ${plural(counts.briefings, 'briefing')}, ${plural(counts.statements, 'statement')}, ${plural(counts.actions, 'follow-up')}${left}.`,
    );
    return 0;
  } catch (e) {
    if (e instanceof PackError) {
      console.error(e.message);
      return 1;
    }
    return fail(e);
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Option path from the validator ("selection.from") → the flag the user typed ("from"). */
function cliName(path: string): string {
  const last = path.split('.').pop() ?? path;
  const names: Record<string, string> = { preparedBy: 'prepared-by', issueDate: 'issue-date', creationDate: 'creation-date', tags: 'tag' };
  return names[last] ?? (/^\d+$/.test(last) ? 'tag' : last);
}
