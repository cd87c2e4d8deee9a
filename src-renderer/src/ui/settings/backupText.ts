/**
 * The sentences Settings → Backups shows about the platform's backups: what protects them, in plain words,
 * and sizes. Pure, so the wording for each protection is tested without a screen.
 */
import type { BackupProtection, BackupStatus } from '../../platform/bridge';

const BACKENDS: Record<string, string> = {
  keychain: 'the macOS Keychain',
  dpapi: 'Windows (DPAPI, your Windows account)',
  gnome_libsecret: 'the Secret Service (GNOME Keyring or compatible)',
  kwallet: 'KWallet',
  kwallet5: 'KWallet 5',
  kwallet6: 'KWallet 6',
  basic_text: 'a built-in store with a fixed password (“basic_text”)',
  unknown: 'no known store',
};

export function backendLabel(backend: string): string {
  return BACKENDS[backend] ?? backend;
}

export interface ProtectionText {
  tone: 'ok' | 'warn';
  title: string;
  detail: string;
}

export function protectionText(status: Pick<BackupStatus, 'protection' | 'backend'>): ProtectionText {
  const protection: BackupProtection = status.protection;
  switch (protection) {
    case 'os-keychain':
      return {
        tone: 'ok',
        title: 'Backups are encrypted.',
        detail: `Each one is encrypted (AES-256-GCM) with a key that ${backendLabel(status.backend)} keeps for your account; a copy of the files alone cannot be read. The folder and files are readable by your account only.`,
      };
    case 'weak-keychain':
      return {
        tone: 'warn',
        title: 'Backups are not encrypted.',
        detail: `The only key store this system offers Attaché is ${backendLabel(status.backend)}, which protects nothing, so Attaché does not pretend to encrypt. The folder and files are readable by your account only; use full-disk encryption, or install a keyring (GNOME Keyring, KWallet) to have backups encrypted.`,
      };
    case 'none':
      return {
        tone: 'warn',
        title: 'Backups are not encrypted.',
        detail: 'This system offers Attaché no key store to keep an encryption key in. The folder and files are readable by your account only; use full-disk encryption to protect them.',
      };
  }
}

