/**
 * The sentences Settings → Backups shows about the platform's backups: what protects them, in plain words,
 * and sizes. Pure, so the wording for each protection is tested without a screen. English unless a locale is given.
 */
import { translate, type Locale, type MessageKey } from '../../core/i18n';
import type { BackupProtection, BackupStatus } from '../../platform/bridge';

const BACKENDS = ['keychain', 'dpapi', 'gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6', 'basic_text', 'unknown'];

/** The OS key store by its name in the language; an unknown store's own name as it is. */
export function backendLabel(backend: string, locale: Locale = 'en'): string {
  return BACKENDS.includes(backend) ? translate(locale, `settings.backups.backend.${backend}` as MessageKey) : backend;
}

export interface ProtectionText {
  tone: 'ok' | 'warn';
  title: string;
  detail: string;
}

export function protectionText(status: Pick<BackupStatus, 'protection' | 'backend'>, locale: Locale = 'en'): ProtectionText {
  const protection: BackupProtection = status.protection;
  const backend = backendLabel(status.backend, locale);
  switch (protection) {
    case 'os-keychain':
      return { tone: 'ok', title: translate(locale, 'settings.backups.encrypted'), detail: translate(locale, 'settings.backups.keychainDetail', { backend }) };
    case 'weak-keychain':
      return { tone: 'warn', title: translate(locale, 'settings.backups.notEncrypted'), detail: translate(locale, 'settings.backups.weakDetail', { backend }) };
    case 'none':
      return { tone: 'warn', title: translate(locale, 'settings.backups.notEncrypted'), detail: translate(locale, 'settings.backups.noneDetail') };
  }
}
