import { isLocale, loadCatalogue, LOCALE_NAMES, matchLocale, translate, translateParts, type Locale, type MessageKey, type MessagePart, type MessageValues } from '../../core/i18n';
import { platform } from '../../platform';
import { localChoice } from '../lib/local-choice';

/**
 * The interface's language: the user's choice in Settings → Language, else the operating system's
 * (Electron passes app.getPreferredSystemLanguages() through the platform bridge; a browser gives
 * navigator.languages). A local preference of this installation (localStorage, never synced, as the theme).
 * Screens call `t(key)`; reading `locale.current` inside it makes every message follow a change at once.
 */
export type LocaleChoice = Locale | 'system';

const isChoice = (value: unknown): value is LocaleChoice => value === 'system' || isLocale(value);
const saved = localChoice<LocaleChoice>('attache.locale', isChoice, 'system');

/** The languages the system prefers, most preferred first. */
function systemLanguages(): readonly string[] {
  try {
    const fromPlatform = platform().systemLocales;
    if (fromPlatform.length) return fromPlatform;
  } catch {
    // No bridge yet (a unit test's page): the browser's languages below.
  }
  return globalThis.navigator?.languages ?? [];
}

class LocaleState {
  choice = $state<LocaleChoice>(saved.read());
  readonly system: Locale = matchLocale(systemLanguages());
  readonly current: Locale = $derived(this.choice === 'system' ? this.system : this.choice);

  /**
   * Keep and apply a choice, once its messages are loaded (a moment, the first time). Returns false when the
   * browser refused to keep it (it still applies for now).
   */
  choose(choice: LocaleChoice): boolean {
    const kept = saved.write(choice);
    void loadCatalogue(choice === 'system' ? this.system : choice).then(() => {
      this.choice = choice;
      applyLang(this.current);
    });
    return kept;
  }
}

export const locale = new LocaleState();

/** `<html lang>`: screen readers pick their voice by it, and the browser its hyphenation and quotes. */
export function applyLang(current: Locale = locale.current): void {
  document.documentElement.lang = current;
}

export const languageName = (l: Locale): string => LOCALE_NAMES[l];

/** A message in the interface's language. */
export function t(key: MessageKey, values?: MessageValues): string {
  return translate(locale.current, key, values);
}

/** A message with markup, as parts the screen draws as text (see translateParts). */
export function tParts(key: MessageKey, values?: MessageValues): MessagePart[] {
  return translateParts(locale.current, key, values);
}
