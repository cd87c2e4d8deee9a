import { messageOf } from '../../core/errors';
import { getDb } from '../../data/db';
import { Workspace } from '../../data/workspace';
import { platform } from '../../platform';

/**
 * The open workspace, shared by every screen. Opened once at start-up; screens read records through
 * live queries on `session.workspace.db` and write through `session.workspace`.
 */
class Session {
  workspace = $state.raw<Workspace | undefined>(undefined);
  error = $state<string | undefined>(undefined);

  private opening: Promise<void> | undefined;

  /** Open the workspace, once: main.ts starts it before the shell renders, the shell waits for the same one. */
  open(): Promise<void> {
    this.opening ??= this.openOnce();
    return this.opening;
  }

  private async openOnce(): Promise<void> {
    try {
      const db = getDb();
      await db.open();
      // A profile copied to another computer takes a new node id there; without a fingerprint, nothing changes.
      const machineId = await platform()
        .machineId()
        .catch(() => null);
      this.workspace = await Workspace.open(db, { machineId });
    } catch (e) {
      this.error = messageOf(e);
    }
  }

  /** The workspace, for code that only runs once it is open. */
  get ws(): Workspace {
    if (!this.workspace) throw new Error('The workspace is not open yet');
    return this.workspace;
  }
}

export const session = new Session();
