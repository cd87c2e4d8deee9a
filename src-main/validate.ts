/**
 * Argument checks for the IPC handlers. The renderer is treated as untrusted: a compromised page can send
 * anything over IPC, so every argument is checked for type and size before the main process touches the
 * disk. Pure (no Electron), so it is tested without the binary.
 */

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

export function parseBackupArgs(name: unknown, bytes: unknown): { name: string; bytes: Uint8Array } {
  if (typeof name !== 'string' || name.length > MAX_NAME) throw new InvalidArgument('backup name must be a short string');
  return { name: sanitiseFileName(name, 'backup'), bytes: bytesOf(bytes, MAX_BACKUP_BYTES, 'the backup') };
}
