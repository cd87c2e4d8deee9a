import { mount } from 'svelte';
import App from './ui/app/App.svelte';
import { storageState } from './ui/settings/storageState.svelte';
import { applyTheme } from './ui/theme/theme';
import { applyLang } from './ui/app/locale.svelte';
import './ui/theme/tokens.css';
import './ui/app/theme.css';

// The saved light/dark choice before the first paint: a dark room never sees a white flash.
applyTheme();
// The language chosen (or the system's) on <html lang> before the first paint, for screen readers.
applyLang();

// Once, before anything is typed: ask the browser to keep the workspace for good (Settings → Storage says if it refuses).
void storageState.start();

const target = document.getElementById('app');
if (!target) throw new Error('Missing #app element');
mount(App, { target });
