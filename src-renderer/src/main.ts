import { mount } from 'svelte';
import App from './ui/app/App.svelte';
import { storageState } from './ui/settings/storageState.svelte';
import { applyTheme } from './ui/theme/theme';
import { applyLang, locale } from './ui/app/locale.svelte';
import { loadCatalogue } from './core/i18n';
import { session } from './ui/app/session.svelte';
import { afterFirstScreen } from './ui/app/firstScreen';
import { yieldToEventLoop } from './core/sync/guards';
import './ui/theme/tokens.css';
import './ui/app/theme.css';

// IndexedDB opens the workspace in the browser's storage process while this one draws the shell: started
// first, the first screen's rows are read sooner (the shell used to start it only once it had rendered).
void session.open();

// The saved light/dark choice before the first paint: a dark room never sees a white flash.
applyTheme();
// The language chosen (or the system's) on <html lang> before the first paint, for screen readers.
applyLang();

// Once, as soon as the first screen is shown: ask the browser to keep the workspace for good (Settings →
// Storage says if it refuses). Not before: the question goes to the browser's storage process, which is then
// busy opening the workspace and reading the first rows.
void afterFirstScreen().then(() => storageState.start());

const target = document.getElementById('app');
if (!target) throw new Error('Missing #app element');
// The interface's language loaded before the first words are drawn (English is always there; French and
// Russian are chunks of their own, so an English session never parses them). A failed load shows English.
// Drawn in a task of its own: evaluating the modules is one long task already on a slow machine, and the
// first render after it in the same task was the longest of a cold start (docs/benchmarks.md).
void loadCatalogue(locale.current)
  .catch((e: unknown) => console.error('The interface language could not be loaded', e))
  .then(yieldToEventLoop)
  .finally(() => mount(App, { target }));
