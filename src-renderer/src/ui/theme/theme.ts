/**
 * The colour theme: follow the OS, or always light, or always dark. A local preference of this
 * installation (localStorage, never synced: a colleague's late-night reading is not mine). Applied as
 * `data-theme` on <html>, which tokens.css reads; "system" removes it so prefers-color-scheme decides.
 */
import { platform } from '../../platform';
import { localChoice } from '../lib/local-choice';

export type ThemeChoice = 'system' | 'light' | 'dark';

export const THEME_CHOICES: readonly { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'Follow the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

function isChoice(value: unknown): value is ThemeChoice {
  return value === 'system' || value === 'light' || value === 'dark';
}

const saved = localChoice('attache.theme', isChoice, 'system');

export function savedTheme(): ThemeChoice {
  return saved.read();
}

/** Put the choice on the page (before the first paint, from main.ts, so a dark room never sees a white flash). */
export function applyTheme(choice: ThemeChoice = savedTheme()): void {
  const root = document.documentElement;
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
  // The desktop window, its native menus and dialogs follow too, and its next start paints this colour first.
  platformTheme(choice);
}

function platformTheme(choice: ThemeChoice): void {
  try {
    void platform()
      .setWindowTheme(choice)
      .catch((e: unknown) => console.warn('The window did not take the theme', e));
  } catch {
    // No platform yet (a unit test's page): nothing to tell.
  }
}

/** Keep and apply a choice. Returns false when the browser refused to keep it (it still applies for now). */
export function chooseTheme(choice: ThemeChoice): boolean {
  applyTheme(choice);
  return saved.write(choice);
}
