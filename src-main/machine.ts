/**
 * A fingerprint of the machine the app runs on, for the renderer to tell a copied profile from the original
 * (src-renderer/src/data/machine.ts): a profile folder copied to another computer — a cloned disk, a restored
 * backup of the whole profile — must not go on editing under the original's node id. Only a hash leaves this
 * module: the host name, the OS user and the system's machine id (Linux's /etc/machine-id where there is one)
 * are never sent to the page. Stable across restarts and updates; a change of host name or user name also
 * reads as another machine, which costs only a new installation id (the workspace stays as it is).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';

const MACHINE_ID_FILES = ['/etc/machine-id', '/var/lib/dbus/machine-id'];

export interface MachineFacts {
  host: () => string;
  user: () => string;
  read: (path: string) => Promise<string>;
}

const systemFacts: MachineFacts = {
  host: hostname,
  user: () => userInfo().username,
  read: (path) => readFile(path, 'utf8'),
};

async function systemMachineId(read: MachineFacts['read']): Promise<string> {
  for (const path of MACHINE_ID_FILES) {
    try {
      const id = (await read(path)).trim();
      if (id) return id;
    } catch {
      // Not on this system (Windows, macOS) or not readable: the host and user name still tell machines apart.
    }
  }
  return '';
}

let cached: Promise<string> | undefined;

/** SHA-256 (hex) of the machine's facts; computed once per run. */
export function machineFingerprint(facts: MachineFacts = systemFacts): Promise<string> {
  const compute = async () => {
    const parts = ['attache-machine-v1', facts.host(), facts.user(), await systemMachineId(facts.read)];
    return createHash('sha256').update(parts.join('\0')).digest('hex');
  };
  if (facts !== systemFacts) return compute();
  cached ??= compute();
  return cached;
}
