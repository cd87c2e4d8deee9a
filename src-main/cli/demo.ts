/** `attache demo --out <file>`: the example workspace (the Dushanbe briefing) as a sync file. */
import { exampleWorkspaceData } from '../../src-renderer/src/core/example';
import { formatHlc, nodeIdFromInstallationId } from '../../src-renderer/src/core/hlc';
import { EXAMPLE_INSTALLATION, encodeSyncFile } from '../../src-renderer/src/core/sync/format';
import { SyncError } from '../../src-renderer/src/core/sync/guards';
import { appVersion, fail, parse, readPassphrase, writeFileAtomic } from './args';

/**
 * A fixed clock (the day of the briefing) and a fixed installation: every demo file carries the same
 * records and stamps, so importing the demo on two machines and exchanging files never conflicts.
 */
export const DEMO_CLOCK = formatHlc(Date.UTC(2015, 2, 17, 12, 0), 0, nodeIdFromInstallationId(EXAMPLE_INSTALLATION.id));

export async function runDemo(argv: string[]): Promise<number> {
  try {
    const { values, positionals } = parse(argv, { out: { type: 'string' }, 'passphrase-file': { type: 'string' } });
    if (positionals.length) throw new SyncError('usage', `demo takes no file arguments (got "${positionals[0]}"); use --out <file>.`);
    if (!values.out) throw new SyncError('usage', 'demo needs --out <file>.');
    const passphrase = await readPassphrase(values['passphrase-file']);
    const bytes = await encodeSyncFile(
      exampleWorkspaceData({ clock: DEMO_CLOCK }),
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
