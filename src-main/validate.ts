/**
 * Argument checks for the IPC handlers. The renderer is treated as untrusted: a compromised page can send
 * anything over IPC, so every argument is checked for type and size before the main process touches the
 * disk. Pure (no Electron), so it is tested without the binary.
 */
import { bindingProblem, normalizeKeys } from '../src-renderer/src/ui/app/keymap';
import { label, SHORTCUTS } from '../src-renderer/src/ui/app/shortcuts';

export const MAX_SAVE_BYTES = 1024 * 1024 * 1024;
export const MAX_OPEN_BYTES = 200 * 1024 * 1024;
export const MAX_BACKUP_BYTES = 1024 * 1024 * 1024;
const MAX_FILTERS = 10;
const MAX_EXTENSIONS = 20;
const MAX_NAME = 200;

export interface DialogFilter {
  name: string;
  extensions: string[];
}

export class InvalidArgument extends Error {
  override name = 'InvalidArgument';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bytesOf(value: unknown, max: number, what: string): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new InvalidArgument(`${what} must be bytes`);
  if (value.byteLength > max) throw new InvalidArgument(`${what} is larger than ${Math.round(max / 1024 / 1024)} MB`);
  return value;
}

function filtersOf(value: unknown): DialogFilter[] {
  if (!Array.isArray(value) || value.length > MAX_FILTERS) throw new InvalidArgument('filters must be a short list');
  return value.map((f): DialogFilter => {
    if (!isRecord(f) || typeof f.name !== 'string' || f.name.length > 100 || !Array.isArray(f.extensions)) {
      throw new InvalidArgument('each filter needs a name and extensions');
    }
    if (f.extensions.length > MAX_EXTENSIONS) throw new InvalidArgument('too many extensions in a filter');
    const extensions = f.extensions.map((e) => {
      // "*" is the dialog's "all files"; anything else is a bare extension without a dot.
      if (typeof e !== 'string' || !/^(\*|[A-Za-z0-9_-]{1,20})$/.test(e)) throw new InvalidArgument(`bad extension ${String(e)}`);
      return e;
    });
    return { name: f.name, extensions };
  });
}

/**
 * A file name the user may see and the file system will accept on every platform: letters, digits and
 * `. _ - ( )` and spaces are kept, anything else (path separators, control characters, reserved characters)
 * becomes "-"; no leading dots, so it is never hidden or a relative path.
 */
export function sanitiseFileName(name: string, fallback: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._\-() ]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[.\s-]+/, '')
    .replace(/[.\s]+$/, '')
    .slice(0, 120);
  // Windows refuses these as names whatever the extension.
  if (cleaned === '' || /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(cleaned)) return fallback;
  return cleaned;
}

export function parseSaveArgs(value: unknown): { suggestedName: string; bytes: Uint8Array; filters: DialogFilter[] } {
  if (!isRecord(value)) throw new InvalidArgument('save options must be an object');
  if (typeof value.suggestedName !== 'string' || value.suggestedName.length > MAX_NAME) {
    throw new InvalidArgument('suggestedName must be a short string');
  }
  return {
    suggestedName: sanitiseFileName(value.suggestedName, 'attache-file'),
    bytes: bytesOf(value.bytes, MAX_SAVE_BYTES, 'the file'),
    filters: filtersOf(value.filters),
  };
}

export function parseOpenArgs(value: unknown): { filters: DialogFilter[] } {
  if (!isRecord(value)) throw new InvalidArgument('open options must be an object');
  return { filters: filtersOf(value.filters) };
}

/**
 * A backup request carries the bytes and whether the user asked for it, nothing else: the main process
 * names the file, and decides whether it may write one now.
 */
export function parseBackupRequest(value: unknown): { bytes: Uint8Array; explicit: boolean } {
  if (!isRecord(value) || ArrayBuffer.isView(value)) throw new InvalidArgument('the backup request must be an object');
  const extra = Object.keys(value).filter((k) => k !== 'bytes' && k !== 'explicit');
  if (extra.length > 0) throw new InvalidArgument(`the backup request takes only bytes and explicit, not ${extra.slice(0, 3).join(', ')}`);
  if (value.explicit !== undefined && typeof value.explicit !== 'boolean') throw new InvalidArgument('explicit must be true or false');
  const bytes = bytesOf(value.bytes, MAX_BACKUP_BYTES, 'the backup');
  if (bytes.byteLength === 0) throw new InvalidArgument('the backup is empty');
  return { bytes, explicit: value.explicit === true };
}

/** A backup's id is its file name in the backup folder, as listed: a stamp, no path. */
export function parseBackupId(value: unknown): string {
  if (typeof value !== 'string' || value.length > MAX_NAME || !/^\d{8}T\d{9}Z-[^/\\\0]+$/.test(value) || value.includes('..')) {
    throw new InvalidArgument('not a backup id');
  }
  return value;
}

/**
 * The path with the save filter's extension: a name typed without it, or with another one ("notes.txt" for a
 * PDF), gets the first filter's first extension appended. Filters of only "*" change nothing.
 */
export function withFilterExtension(path: string, filters: readonly DialogFilter[]): string {
  const allowed = filters.flatMap((f) => f.extensions).filter((e) => e !== '*');
  if (allowed.length === 0) return path;
  const base = path.split(/[/\\]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
  if (allowed.some((e) => e.toLowerCase() === ext)) return path;
  return `${path}.${allowed[0]}`;
}

/**
 * The user's rebindings for the menu's accelerators: shortcut id → keys, only ids of the shortcut table that
 * may be rebound, each binding one the renderer's own rules accept (keymap.ts: no Ctrl+Alt, no menu
 * mnemonic, no clash). Returned with the keys in canonical order.
 */
export function parseBindings(value: unknown): Record<string, string> {
  if (!isRecord(value) || ArrayBuffer.isView(value)) throw new InvalidArgument('the bindings must be an object');
  const entries = Object.entries(value);
  if (entries.length > SHORTCUTS.length) throw new InvalidArgument('more bindings than shortcuts');
  const rebound: Record<string, string> = {};
  for (const [id, keys] of entries) {
    const s = SHORTCUTS.find((x) => x.id === id);
    if (!s || s.fixed) throw new InvalidArgument(`${id.slice(0, 40)} is not a shortcut that can be rebound`);
    const k = typeof keys === 'string' && keys.length <= 40 ? normalizeKeys(keys) : undefined;
    if (!k) throw new InvalidArgument(`the keys for ${id} are not one key with modifiers`);
    rebound[id] = k;
  }
  const table = SHORTCUTS.map((s) => ({ ...s, keys: rebound[s.id] ?? s.keys }));
  for (const [id, keys] of Object.entries(rebound)) {
    const problem = bindingProblem(id, keys, table, label);
    if (problem) throw new InvalidArgument(problem);
  }
  return rebound;
}
