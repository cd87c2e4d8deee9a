/**
 * The `attache` command line (`npm run cli -- <command> …`). It runs the same core code as the app, in
 * Node, without Dexie or the DOM. Exit codes: 0 success, 1 a bad file or a failed operation, 2 bad usage.
 */
import { messageOf } from '../../src-renderer/src/core/errors';
// Documents in any language (--lang): every catalogue, read synchronously.
import '../../src-renderer/src/core/messages-all';
import { fileURLToPath } from 'node:url';

const USAGE = `Usage: attache <command> …
  demo --out <file> [--passphrase-file <path>]        write the example workspace as a sync file
  sync verify <file> [--passphrase-file <path>]       exit 0 if the file is intact
  sync inspect <file> [--passphrase-file <path>]      print a JSON summary of the file
  sync check <file> [--passphrase-file <path>] [--lang en|fr|ru]
                                                      list the records that break a workspace rule (exit 1 if any)
  sync merge <file> <file>… --out <file> [--passphrase-file <path>] [--accept-future] [--allow-mass-delete]
                                                      merge files exactly as imports would
  live push|pull|status <file> --server <url> --db <name> --passphrase-file <path> [--ceiling <level id>]
                                                      send a file's records to a team's CouchDB database, take its
                                                      records into the file, or print counts and the last sequence
  pack …                                              build a PDF briefing pack (see attache pack --help)
  export <format> <sync-file> --out <file> [--briefing <id or title words>] [--passphrase-file <path>]
                                                      a cable, .docx, .ics, CSV or Markdown (see attache export --help)`;

type Runner = (argv: string[]) => Promise<number>;

async function loadPack(): Promise<Runner | undefined> {
  // Imported by URL so the dispatcher still works (with a clear message) in a build without the pack command.
  const url = new URL('./pack.ts', import.meta.url);
  try {
    const mod = (await import(url.href)) as { runPack?: Runner };
    return mod.runPack;
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'ENOENT') return undefined;
    throw e;
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'demo':
      return (await import('./demo')).runDemo(rest);
    case 'sync':
      return (await import('./sync')).runSync(rest);
    case 'live':
      return (await import('./live')).runLive(rest);
    case 'pack': {
      const runPack = await loadPack();
      if (!runPack) {
        console.error('The pack command is not available in this build (src-main/cli/pack.ts is missing).');
        return 2;
      }
      return runPack(rest);
    }
    case 'export':
      return (await import('./export')).runExport(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      console.error(`Unknown command "${command}"; run "attache help" for the list.`);
      return 2;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(messageOf(e));
      process.exitCode = 1;
    },
  );
}
