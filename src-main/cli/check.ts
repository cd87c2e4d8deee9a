/**
 * `attache sync check <file>`: the workspace invariants (core/sync/invariants.ts) over a sync file's records,
 * the same check as Settings → "Check this workspace". Exit 0: nothing found; 1: findings, one per line on
 * stdout (`<severity> <rule> <table>/<id>: <message>`), or a file that cannot be read; 2: bad usage.
 * `--lang fr|ru` says each finding's sentence in that language (the line's other words stay as they are).
 */
import { checkIncoming, checkWorkspace, findingText, type IncomingCheck } from '../../src-renderer/src/core/sync/invariants';
import { SyncError } from '../../src-renderer/src/core/sync/guards';
import { decodeInputs, parse, readPassphrase } from './args';
import { parseLang } from './lang';

export async function checkFile(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { 'passphrase-file': { type: 'string' }, lang: { type: 'string' } });
  const locale = parseLang(values.lang);
  if (positionals.length !== 1) throw new SyncError('usage', 'sync check takes exactly one file.');
  const path = positionals[0]!;
  const passphrase = await readPassphrase(values['passphrase-file']);
  const [file] = await decodeInputs([path], passphrase);
  const findings = checkWorkspace(file!.data);
  for (const f of findings) console.log(`${f.severity} ${f.rule} ${f.table}/${f.recordId}: ${findingText(locale, f)}`);
  if (!findings.length) {
    console.log(`OK: ${path} keeps every workspace rule (${file!.total} records).`);
    return 0;
  }
  const fatal = findings.filter((f) => f.severity === 'fatal').length;
  console.error(
    `${path}: ${findings.length} finding${findings.length === 1 ? '' : 's'}, ${fatal} that an import repairs or refuses; the others are shown as they are (see docs/sync-format.md, Invariants).`,
  );
  return 1;
}

/** The import's invariant stage for `sync merge`, each repair or refusal one line on stderr naming the input. */
export function repairInput(path: string, data: Parameters<typeof checkIncoming>[0]): IncomingCheck {
  const result = checkIncoming(data);
  for (const f of result.repaired) console.error(`${path}: repaired (${f.rule}): ${f.message}`);
  for (const f of result.refused) console.error(`${path}: refused (${f.rule}): ${f.message}`);
  return result;
}
