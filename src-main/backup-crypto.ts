/**
 * The encrypted backup container: a small versioned header, then the backup (a sync file) encrypted with
 * AES-256-GCM under the installation's backup key, the header bound as additional authenticated data.
 * Pure node:crypto (no Electron, no files), so it is tested without the binary.
 *
 *   offset  size  field
 *        0     6  magic "ATTBAK"
 *        6     1  container version (1)
 *        7     1  cipher (1 = AES-256-GCM)
 *        8     8  key id: the first 8 bytes of SHA-256("attache-backup-key" ‖ key), to tell "another key" from "damaged"
 *       16    12  IV (random for every backup)
 *       28     …  ciphertext
 *     n-16    16  GCM authentication tag
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { translate, type MessageKey, type MessageValues } from '../src-renderer/src/core/i18n';

export const BACKUP_MAGIC = Buffer.from('ATTBAK', 'ascii');
export const CONTAINER_VERSION = 1;
const CIPHER_AES_256_GCM = 1;
const KEY_ID_BYTES = 8;
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const HEADER_BYTES = BACKUP_MAGIC.length + 2 + KEY_ID_BYTES + IV_BYTES;
export const KEY_BYTES = 32;

/** A failure whose message is meant for the person restoring or backing up (it reaches the screen as is). */
/**
 * Why a backup cannot be written or opened, as a message key and its values (messages/<locale>/errors.json):
 * it reads as a UserError (core/errors.ts isUserError), so it crosses IPC as one and the renderer says it in
 * the window's language; `message` is the English text (logs, tests).
 */
export class BackupError extends Error {
  override name = 'BackupError';
  constructor(
    readonly key: MessageKey,
    readonly values: MessageValues = {},
  ) {
    super(translate('en', key, values));
  }
}

export function keyIdOf(key: Uint8Array): Buffer {
  return createHash('sha256').update('attache-backup-key').update(key).digest().subarray(0, KEY_ID_BYTES);
}

export function hasBackupMagic(bytes: Uint8Array): boolean {
  return bytes.length >= BACKUP_MAGIC.length && Buffer.from(bytes.buffer, bytes.byteOffset, BACKUP_MAGIC.length).equals(BACKUP_MAGIC);
}

export function sealBackup(key: Uint8Array, plain: Uint8Array): Uint8Array {
  if (key.length !== KEY_BYTES) throw new Error('The backup key must be 32 bytes.');
  const header = Buffer.concat([BACKUP_MAGIC, Buffer.from([CONTAINER_VERSION, CIPHER_AES_256_GCM]), keyIdOf(key), randomBytes(IV_BYTES)]);
  const cipher = createCipheriv('aes-256-gcm', key, header.subarray(HEADER_BYTES - IV_BYTES), { authTagLength: TAG_BYTES });
  cipher.setAAD(header);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return new Uint8Array(Buffer.concat([header, body, cipher.getAuthTag()]));
}

/** The backup inside a container, or a BackupError saying why not (never partial bytes). */
export function openBackup(key: Uint8Array, sealed: Uint8Array): Uint8Array {
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (!hasBackupMagic(bytes)) throw new BackupError('error.backup.notOurs');
  if (bytes.length < BACKUP_MAGIC.length + 2) throw new BackupError('error.backup.truncated');
  const version = bytes[BACKUP_MAGIC.length]!;
  const cipherId = bytes[BACKUP_MAGIC.length + 1]!;
  if (version !== CONTAINER_VERSION || cipherId !== CIPHER_AES_256_GCM) {
    throw new BackupError('error.backup.newer', { version, cipher: cipherId });
  }
  if (bytes.length < HEADER_BYTES + TAG_BYTES) throw new BackupError('error.backup.truncated');
  const header = bytes.subarray(0, HEADER_BYTES);
  if (!header.subarray(BACKUP_MAGIC.length + 2, BACKUP_MAGIC.length + 2 + KEY_ID_BYTES).equals(keyIdOf(key))) {
    throw new BackupError('error.backup.otherKey');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, header.subarray(HEADER_BYTES - IV_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(header);
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  const body = decipher.update(bytes.subarray(HEADER_BYTES, bytes.length - TAG_BYTES));
  try {
    return new Uint8Array(Buffer.concat([body, decipher.final()]));
  } catch {
    throw new BackupError('error.backup.altered');
  } finally {
    body.fill(0);
  }
}
