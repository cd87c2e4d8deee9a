/** `attache demo --out <file>`: the example workspace (the Dushanbe briefing) as a sync file. */
import { EXAMPLE_INSTALLATION, exampleWorkspaceData } from '../../src-renderer/src/core/example';
import { encodeSyncFile } from '../../src-renderer/src/core/sync/format';
import { SyncError } from '../../src-renderer/src/core/sync/guards';
import { appVersion, fail, parse, readPassphrase, writeFileAtomic } from './args';

export async function runDemo(argv: string[]): Promise<number> {
  try {
    const { values, positionals } = parse(argv, { out: { type: 'string' }, 'passphrase-file': { type: 'string' } });
    if (positionals.length) throw new SyncError('usage', `demo takes no file arguments (got "${positionals[0]}"); use --out <file>.`);
    if (!values.out) throw new SyncError('usage', 'demo needs --out <file>.');
    const passphrase = await readPassphrase(values['passphrase-file']);
    const bytes = await encodeSyncFile(
      // The example's shared clock: the demo file holds exactly what the app's "load the example" holds.
      exampleWorkspaceData(),
      { app: { name: 'Attaché', version: await appVersion() }, installation: EXAMPLE_INSTALLATION, createdAt: new Date().toISOString(), scope: { kind: 'full' } },
      { passphrase },
    );
    await writeFileAtomic(values.out, bytes);
    console.log(`Wrote the example workspace to ${values.out}.`);
    return 0;
  } catch (e) {
    return fail(e);
  }
}
